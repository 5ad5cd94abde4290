import { randomBytes } from 'node:crypto';
import { createCore } from '../app.js';
import { loadEncryptionKey, loadSettingsOrExit, openCliDatabase } from '../bootstrap.js';
import { createPlaygroundSender } from '../http/playground-sender.js';
import { createLogger } from '../logger.js';
import { closeMonthCommand } from './close-month.command.js';
import { collaboratorsListCommand } from './collaborators.command.js';
import type { CliCommand } from './command.js';
import {
  payoutsAdjustCommand,
  payoutsListCommand,
  payoutsMarkPaidCommand,
} from './payouts.command.js';
import { productsImportCommand, productsListCommand } from './products.command.js';
import { rulesCommitmentCommand, rulesLoadCommand, rulesShowCommand } from './rules.command.js';
import { seedDemoCommand } from './seed-demo.command.js';
import { statementCommand, statementSendCommand } from './statement.command.js';

/** Every command; other features add theirs here. */
export const COMMANDS: CliCommand[] = [
  seedDemoCommand,
  collaboratorsListCommand,
  productsImportCommand,
  productsListCommand,
  rulesLoadCommand,
  rulesShowCommand,
  rulesCommitmentCommand,
  closeMonthCommand,
  payoutsListCommand,
  payoutsMarkPaidCommand,
  payoutsAdjustCommand,
  statementCommand,
  statementSendCommand,
];

function usage(out: (line: string) => void): void {
  out('Usage: npm run ctv -- <command> [options]   (each command takes --help)');
  out('');
  out('Commands:');
  out(`  ${'help'.padEnd(22)}Show this list`);
  for (const command of COMMANDS) out(`  ${command.name.padEnd(22)}${command.summary}`);
  out('');
  out('The database: MONGODB_URI when set; otherwise that of a running `npm start`;');
  out('otherwise an embedded one started for this command.');
}

/** Finds the command named by the first one or two words. */
export function findCommand(argv: string[]): { command?: CliCommand; rest: string[] } {
  for (const words of [2, 1]) {
    const name = argv.slice(0, words).join(' ');
    const command = COMMANDS.find((item) => item.name === name);
    if (command) return { command, rest: argv.slice(words) };
  }
  return { rest: argv };
}

async function main(argv: string[]): Promise<number> {
  const out = (line: string) => console.log(line);
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h') {
    usage(out);
    return 0;
  }

  const { command, rest } = findCommand(argv);
  const group = COMMANDS.filter((item) => item.name.startsWith(`${argv[0]} `));
  if (!command && group.length > 0) {
    // `collaborators` or `collaborators --help`: show what the group has.
    for (const item of group) out(`  ${item.usage}\n      ${item.summary}`);
    return rest.some((arg) => arg !== '--help' && arg !== '-h') ? 2 : 0;
  }
  if (!command) {
    out(`Unknown command "${argv.join(' ')}".`);
    usage(out);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    out(`Usage: npm run ctv -- ${command.usage}`);
    out('');
    out(command.help);
    return 0;
  }

  process.env.LOG_LEVEL ??= 'warn';
  const settings = loadSettingsOrExit();
  const logger = createLogger(settings.env.LOG_LEVEL, process.stderr as never);
  const { database, source } = await openCliDatabase(settings, logger);
  try {
    const temporary = source === 'own' && database.kind === 'emulator';
    if (temporary) {
      out('Note: no running `npm start` was found and no mongod is available, so this command');
      out('uses a temporary in-memory database: what it changes is gone when it ends.');
    }
    const encryptionKey = temporary ? randomBytes(32) : await loadEncryptionKey(settings, logger);
    const core = await createCore({ settings, database, encryptionKey, logger });
    if (settings.playground) {
      core.senders.web = createPlaygroundSender(core.store, undefined, core.fileLinks);
    }
    return await command.run(core, rest, out);
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
