// `/grow export` and `/grow delete`: a leader's data is theirs to take or to erase.
import type { App, BlockButtonAction } from '@slack/bolt';
import { collectPersonalData, erasePersonalData } from '../../../db/personal-data.js';
import { actionsBlock, context, section } from '../blocks/kit.js';
import type { SlackDeps } from '../deps.js';
import { friendlyMessage } from '../friendly-errors.js';
import type { Subcommand } from './subcommand.js';

export const DELETE_CONFIRM_ACTION = 'personal_data_delete';

export const exportSubcommand: Subcommand = {
  name: 'export',
  usage: '/grow export',
  description: 'a copy of everything Grow keeps about you, as a file in your DM',
  async run({ command, client, deps, ack }) {
    await ack({ text: 'Preparing your export — it will arrive in a direct message from Grow.' });
    const data = await collectPersonalData(deps.db, deps.cipher, command.team_id, command.user_id);
    const dm = await client.conversations.open({ users: command.user_id });
    await client.filesUploadV2({
      channel_id: dm.channel!.id!,
      filename: 'grow-export.json',
      title: 'Your Grow data',
      content: JSON.stringify(data, null, 2),
      initial_comment: 'Here is everything Grow keeps about you. Only you received this file.',
    });
    deps.logger.info({ teamId: command.team_id, userId: command.user_id }, 'personal data exported');
  },
};

export const deleteSubcommand: Subcommand = {
  name: 'delete',
  usage: '/grow delete',
  description: 'erase everything Grow keeps about you (asks first)',
  run: ({ ack }) =>
    ack({
      text: 'Erase everything Grow keeps about you?',
      blocks: [
        section('*Erase everything Grow keeps about you?*\nYour check-ins, actions, reflections, coaching moments, targets and engagements as a leader are deleted, and Grow stops writing to you. Engagements you coach are ended. This cannot be undone — `/grow export` first if you want a copy.'),
        actionsBlock('personal_data', [{ text: 'Erase my data', actionId: DELETE_CONFIRM_ACTION, style: 'danger' }]),
        context('Nothing happens unless you press the button.'),
      ],
    }),
};

export function registerPersonalData(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(DELETE_CONFIRM_ACTION, async ({ ack, body, respond }) => {
    await ack();
    const teamId = body.team?.id ?? body.user.team_id ?? '';
    let text = 'Done: everything Grow kept about you has been erased. Type `/grow` if you ever want to start again.';
    try {
      await erasePersonalData(deps.db, teamId, body.user.id, deps.now());
      deps.logger.info({ teamId, userId: body.user.id }, 'personal data erased');
    } catch (error) {
      deps.logger.error({ teamId, userId: body.user.id, err: error }, 'personal data not erased');
      text = friendlyMessage(error);
    }
    await respond({ replace_original: true, text }).catch((error: unknown) => deps.logger.warn({ teamId, err: error }, 'erase outcome not shown'));
  });
}
