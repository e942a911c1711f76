// `/grow history`: the last five check-ins and the commitment trend, privately.
import { listRecentCheckIns } from '../../../db/check-ins.js';
import { findPerson } from '../../../db/people.js';
import { formatLocalDate } from '../../domain/checkin/due-date.js';
import { historyBlocks } from '../blocks/history.js';
import type { Subcommand } from './subcommand.js';

export const historySubcommand: Subcommand = {
  name: 'history',
  usage: '/grow history',
  description: 'your last five check-ins and your commitment trend',
  async run({ command, deps, ack }) {
    const [entries, person] = await Promise.all([
      listRecentCheckIns(deps.db, deps.cipher, command.team_id, command.user_id, 5),
      findPerson(deps.db, command.team_id, command.user_id),
    ]);
    const tz = person?.tz ?? 'UTC';
    await ack({ text: `Your last ${entries.length} check-ins`, blocks: historyBlocks(entries, (d) => formatLocalDate(d, tz)) });
  },
};
