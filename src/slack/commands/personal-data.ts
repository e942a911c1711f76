// `/grow export` and `/grow delete`: a leader's data is theirs to take or to erase.
import type { App, BlockButtonAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { platformErrorCode } from '../../../jobs/slack-client.js';
import { collectPersonalData, erasePersonalData, type ErasedData } from '../../../db/personal-data.js';
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

/** Deletes Grow's own recorded messages; one already gone counts as deleted. */
async function deleteSlackCopies(client: WebClient, messages: { channel: string; ts: string }[]): Promise<number> {
  let removed = 0;
  for (const m of messages) {
    try {
      await client.chat.delete({ channel: m.channel, ts: m.ts });
      removed += 1;
    } catch (error) {
      if (platformErrorCode(error) === 'message_not_found') removed += 1;
    }
  }
  return removed;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Says exactly what was erased, in Grow and in Slack. */
export function erasedSummary(counts: ErasedData['counts'], removed: number, recorded: number): string {
  const inGrow = [plural(counts.checkIns, 'check-in'), plural(counts.actions, 'action'), plural(counts.reflections, 'reflection'), plural(counts.engagements, 'engagement'), plural(counts.nudges, 'planned or sent message record')].join(', ');
  const inSlack = removed === recorded ? `${plural(removed, 'message')} Grow had sent about you deleted from Slack` : `${removed} of ${recorded} messages Grow had sent about you deleted from Slack (the rest could not be deleted)`;
  return `Done — erased from Grow: ${inGrow}; ${inSlack}. Type \`/grow\` if you ever want to start again.`;
}

export function registerPersonalData(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(DELETE_CONFIRM_ACTION, async ({ ack, body, respond, client }) => {
    await ack();
    const teamId = body.team?.id ?? body.user.team_id ?? '';
    let text: string;
    try {
      const erased = await erasePersonalData(deps.db, teamId, body.user.id, deps.now());
      const removed = await deleteSlackCopies(client, erased.slackMessages);
      text = erasedSummary(erased.counts, removed, erased.slackMessages.length);
      deps.logger.info({ teamId, userId: body.user.id, ...erased.counts, slackMessagesDeleted: removed }, 'personal data erased');
    } catch (error) {
      deps.logger.error({ teamId, userId: body.user.id, err: error }, 'personal data not erased');
      text = friendlyMessage(error);
    }
    await respond({ replace_original: true, text }).catch((error: unknown) => deps.logger.warn({ teamId, err: error }, 'erase outcome not shown'));
  });
}
