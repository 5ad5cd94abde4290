import { COLLABORATOR_STATUSES } from '../store/models/collaborator.model.js';
import type { CollaboratorStatus } from '../domain/collaborator.js';
import { VIETNAM_OFFSET_MS } from '../domain/period.js';
import { provinceName } from '../domain/provinces.js';
import { type CliCommand, parseOptions, table } from './command.js';

export const collaboratorsListCommand: CliCommand = {
  name: 'collaborators list',
  summary: 'List collaborators (code, name, status, province, channels)',
  usage: 'collaborators list [--status pending|active|rejected|suspended] [--limit N] [--json]',
  help:
    'Lists collaborators oldest first. Phone numbers and bank data are never printed.\n' +
    '  --status S   only collaborators with this status\n' +
    '  --limit N    at most N rows (default 100)\n' +
    '  --json       one JSON object per line instead of a table',
  async run(core, args, out) {
    const { options } = parseOptions(args);
    const status = options.get('status');
    if (status && !(COLLABORATOR_STATUSES as readonly string[]).includes(status)) {
      out(`Unknown status "${status}". Use one of: ${COLLABORATOR_STATUSES.join(', ')}.`);
      return 2;
    }
    const limit = Number(options.get('limit') ?? 100);
    if (!Number.isInteger(limit) || limit < 1) {
      out('--limit must be a whole number of at least 1.');
      return 2;
    }

    const filter = status ? { status: status as CollaboratorStatus } : {};
    const [total, rows] = await Promise.all([
      core.services.collaborators.count(filter),
      core.services.collaborators.list(filter, limit),
    ]);
    if (options.has('json')) {
      for (const c of rows) {
        out(
          JSON.stringify({
            code: c.code,
            fullName: c.fullName,
            status: c.status,
            province: c.province,
            channels: c.identities.map((identity) => identity.channel),
            createdAt: c.createdAt,
          }),
        );
      }
      return 0;
    }

    if (rows.length === 0) {
      out(status ? `No ${status} collaborators.` : 'No collaborators yet.');
      return 0;
    }
    const header = ['CODE', 'NAME', 'STATUS', 'PROVINCE', 'CHANNELS', 'REGISTERED'];
    const lines = rows.map((c) => [
      c.code,
      c.fullName,
      c.status,
      provinceName(c.province),
      c.identities.map((identity) => identity.channel).join(','),
      new Date(c.createdAt.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10),
    ]);
    table([header, ...lines]).forEach((line) => out(line));
    out(`${rows.length} of ${total} shown.`);
    return 0;
  },
};
