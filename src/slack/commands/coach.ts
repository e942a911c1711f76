// `/grow coach`: opens the new-engagement modal, as the App Home button does.
import { openNewEngagement } from '../listeners/engagement-new.js';
import type { Subcommand } from './subcommand.js';

export const coachSubcommand: Subcommand = {
  name: 'coach',
  usage: '/grow coach',
  description: 'start a coaching engagement with a leader (they are invited and may decline)',
  async run({ command, client, ack }) {
    await ack();
    await openNewEngagement(client, command.trigger_id);
  },
};
