// The "Save as coaching moment" message shortcut: a modal for a note, then a
// reflection of kind `moment` holding the permalink, the note and its visibility.
import type { App, MessageShortcut } from '@slack/bolt';
import { visibilitySchema } from '../../domain/checkin/rules.js';
import { offerSupportIfNeeded } from '../support-signpost.js';
import { momentQuestion, saveMoment } from '../../services/moment.js';
import { MOMENT_NOTE_MAX, momentMetadataSchema, momentModal, momentSavedMessage } from '../blocks/moment-modal.js';
import { sendDm } from './engagement-interaction.js';
import type { SlackDeps } from '../deps.js';
import { friendlyMessage } from '../friendly-errors.js';
import { decodeJson } from '../metadata.js';
import { readInput, viewStateSchema } from '../read-view-state.js';
import { CALLBACKS, SHORTCUTS } from '../ids.js';

export function registerSaveMoment(app: App, deps: SlackDeps): void {
  app.shortcut<MessageShortcut>(SHORTCUTS.saveMoment, async ({ ack, shortcut, client, context }) => {
    await ack();
    const question = await momentQuestion(deps, { teamId: context.teamId ?? '', leaderId: shortcut.user.id });
    const view = momentModal({ channel: shortcut.channel.id, ts: shortcut.message.ts, excerpt: shortcut.message.text ?? '', question });
    await client.views.open({ trigger_id: shortcut.trigger_id, view });
  });

  app.view(CALLBACKS.moment, async ({ ack, body, view, client, context }) => {
    const teamId = context.teamId ?? '';
    const meta = decodeJson(momentMetadataSchema, view.private_metadata);
    const state = viewStateSchema.safeParse(view.state.values);
    const visibility = visibilitySchema.safeParse(state.success ? readInput(state.data, 'visibility') : undefined);
    const note = state.success ? (readInput(state.data, 'note') ?? '') : '';
    if (!meta || !visibility.success || note.length > MOMENT_NOTE_MAX) {
      await ack({ response_action: 'errors', errors: { note: `Please keep the note under ${MOMENT_NOTE_MAX} characters and choose who sees it.` } });
      return;
    }
    try {
      // Slack refuses permalinks for conversations the bot is not in; the moment still
      // keeps where the message was, so nothing the leader chose to save is lost.
      const link = await client.chat.getPermalink({ channel: meta.channel, message_ts: meta.ts }).catch(() => undefined);
      await saveMoment(deps, { teamId, leaderId: body.user.id, note, channel: meta.channel, ts: meta.ts, permalink: link?.permalink ?? null, visibility: visibility.data });
    } catch (error) {
      deps.logger.error({ teamId, userId: body.user.id, err: error }, 'coaching moment not saved');
      await ack({ response_action: 'errors', errors: { note: friendlyMessage(error) } });
      return;
    }
    await ack();
    deps.logger.info({ teamId, userId: body.user.id }, 'coaching moment saved');
    // Only the leader's own note is read: the saved message may be someone else's words.
    await offerSupportIfNeeded(deps, client, { teamId, userId: body.user.id }, [note], 'moment', deps.logger.child({ teamId, userId: body.user.id }));
    await sendDm(client, body.user.id, momentSavedMessage(visibility.data), deps.logger.child({ teamId, userId: body.user.id }), { db: deps.db, teamId });
  });
}
