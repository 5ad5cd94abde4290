import type { Core } from '../app.js';

/** One admin command-line command. */
export interface CliCommand {
  /** Words that name it, e.g. `collaborators list`. */
  name: string;
  summary: string;
  usage: string;
  /** Longer help shown by `--help`. */
  help: string;
  run(core: Core, args: string[], out: (line: string) => void): Promise<number>;
}

/** Splits `--flag value` and `--flag=value` options from positional arguments. */
export function parseOptions(args: string[]): {
  positional: string[];
  options: Map<string, string>;
} {
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    if (inline !== undefined) options.set(name, inline);
    else if (args[i + 1] !== undefined && !args[i + 1]!.startsWith('--'))
      options.set(name, args[++i]!);
    else options.set(name, 'true');
  }
  return { positional, options };
}

/** Left-aligned columns for terminal tables. */
export function table(rows: string[][]): string[] {
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows.map((row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join('  ')
      .trimEnd(),
  );
}
