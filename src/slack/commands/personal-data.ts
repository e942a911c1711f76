// `/grow export` and `/grow delete`: a leader's data is theirs to take or to erase.
import type { App, BlockButtonAction } from '@slack/bolt';
import { erasePerson, exportPersonalData, type ErasedData } from '../../services/personal-data.js';
import { eraseSlackCopies, type SlackErasure } from './erase-slack-copies.js';
import { actionsBlock, context, section } from '../blocks/kit.js';
import type { SlackDeps } from '../deps.js';
import { friendlyMessage } from '../friendly-errors.js';
import { sendFileInDm } from './dm-file.js';
import type { Subcommand } from './subcommand.js';
import { PERSON_ACTIONS } from '../ids.js';

export const exportSubcommand: Subcommand = {
  name: 'export',
  usage: '/grow export',
  description: 'a copy of everything Grow keeps about you, as a file in your DM',
  async run({ command, client, deps, ack }) {
    await ack({ text: 'Preparing your export — it will arrive in a direct message from Grow.' });
    const data = await exportPersonalData(deps, command.team_id, command.user_id);
    // The file lives in Slack until the leader erases their data: it is recorded so delete can remove it.
    const fileIds = await sendFileInDm(deps, client, { teamId: command.team_id, userId: command.user_id }, {
      filename: 'grow-export.json',
      title: 'Your Grow data',
      content: JSON.stringify(data, null, 2),
      initial_comment: 'Here is everything Grow keeps about you. Only you received this file.',
    });
    deps.logger.info({ teamId: command.team_id, userId: command.user_id, fileIds }, 'personal data exported');
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
        actionsBlock('personal_data', [{ text: 'Erase my data', actionId: PERSON_ACTIONS.eraseData, style: 'danger' }]),
        context('Nothing happens unless you press the button.'),
      ],
    }),
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Says exactly what was erased, in Grow and in Slack, with a count per kind. */
export function erasedSummary(counts: ErasedData['counts'], slack: SlackErasure): string {
  const inGrow = [plural(counts.checkIns, 'check-in'), plural(counts.actions, 'action'), plural(counts.reflections, 'reflection'), plural(counts.engagements, 'engagement'), plural(counts.nudges, 'planned or sent message record')].join(', ');
  const deleted = [plural(slack.messages, 'message'), plural(slack.briefs, 'coach brief'), plural(slack.files, 'export file'), plural(slack.digestsDeleted, 'coach digest')].join(', ');
  const updated = slack.digestsUpdated > 0 ? `; ${plural(slack.digestsUpdated, 'coach digest')} about several leaders rewritten without you` : '';
  const failed = slack.failed > 0 ? `; ${slack.failed} could not be deleted` : '';
  return `Done — erased from Grow: ${inGrow}. Deleted from Slack: ${deleted}${updated}${failed}. Messages only you could see for a moment (replies to commands) were never stored by Slack. Type \`/grow\` if you ever want to start again.`;
}

export function registerPersonalData(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(PERSON_ACTIONS.eraseData, async ({ ack, body, respond, client }) => {
    await ack();
    const teamId = body.team?.id ?? body.user.team_id ?? '';
    let text: string;
    try {
      const erased = await erasePerson(deps, teamId, body.user.id);
      const slack = await eraseSlackCopies(deps, client, teamId, body.user.id, erased);
      text = erasedSummary(erased.counts, slack);
      deps.logger.info({ teamId, userId: body.user.id, ...erased.counts, slack }, 'personal data erased');
    } catch (error) {
      deps.logger.error({ teamId, userId: body.user.id, err: error }, 'personal data not erased');
      text = friendlyMessage(error);
    }
    await respond({ replace_original: true, text }).catch((error: unknown) => deps.logger.warn({ teamId, err: error }, 'erase outcome not shown'));
  });
}
