// `/grow history`: the last five check-ins and the commitment trend, privately.
import { formatLocalDate } from '../../domain/checkin/due-date.js';
import { loadCheckInHistory } from '../../services/leader-records.js';
import { historyBlocks } from '../blocks/history.js';
import type { Subcommand } from './subcommand.js';

export const historySubcommand: Subcommand = {
  name: 'history',
  usage: '/grow history',
  description: 'your last five check-ins and your commitment trend',
  async run({ command, deps, ack }) {
    const { entries, tz } = await loadCheckInHistory(deps, command.team_id, command.user_id);
    await ack({ text: `Your last ${entries.length} check-ins`, blocks: historyBlocks(entries, (d) => formatLocalDate(d, tz)) });
  },
};
