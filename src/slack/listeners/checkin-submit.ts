// Submissions of the check-in modal: inline errors, the revisit step below commitment 8,
// or save, close and confirm by DM.
import type { App } from '@slack/bolt';
import { formatLocalDate, formatLocalDateTime } from '../../domain/checkin/due-date.js';
import type { CheckInDraft } from '../../domain/checkin/rules.js';
import { notePosted } from '../../services/posted-messages.js';
import { submitCheckIn } from '../../services/check-in.js';
import { EDIT_EXPIRED_TEXT, editCheckIn } from '../../services/check-in-edit.js';
import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type { Style } from '../../domain/engagement/style.js';
import { offerSupportIfNeeded } from '../support-signpost.js';
import { checkInMetadataSchema, checkInModal } from '../blocks/checkin-modal.js';
import { checkInConfirmation } from '../blocks/checkin-confirmation.js';
import { askedFromView, engagementsFromView, errorsForBlocks, readCheckInValues, targetsFromView } from '../checkin/checkin-form.js';
import type { SlackDeps } from '../deps.js';
import { friendlyMessage } from '../friendly-errors.js';
import { decodeJson } from '../metadata.js';
import { viewStateSchema } from '../read-view-state.js';
import { CALLBACKS } from '../ids.js';

export function registerCheckInSubmit(app: App, deps: SlackDeps): void {
  app.view(CALLBACKS.checkIn, async ({ ack, body, view, client, context }) => {
    const teamId = context.teamId ?? '';
    const userId = body.user.id;
    const log = deps.logger.child({ teamId, userId, view: CALLBACKS.checkIn });
    const blockIds = new Set(view.blocks.map((b) => b.block_id).filter((id): id is string => !!id));
    const state = viewStateSchema.safeParse(view.state.values);
    const meta = decodeJson(checkInMetadataSchema, view.private_metadata) ?? { step: 'checkin' as const, style: 'standard' as const };
    if (!state.success) {
      await ack({ response_action: 'errors', errors: { will: 'This check-in could not be read. Please try again.' } });
      return;
    }
    const values = readCheckInValues(state.data);
    if (meta.editOf) {
      await saveEdit(deps, { ack: ack as (r?: object) => Promise<void>, client, teamId, userId, checkInId: meta.editOf, values, style: meta.style, blockIds, log });
      return;
    }
    let result;
    try {
      result = await submitCheckIn(deps, { teamId, leaderId: userId, values, revisited: meta.step === 'revisit', style: meta.style });
    } catch (error) {
      log.error({ err: error }, 'check-in could not be saved');
      // The modal stays open with everything the leader wrote.
      await ack({ response_action: 'errors', errors: { will: friendlyMessage(error) } });
      return;
    }
    if (result.outcome === 'invalid') {
      await ack({ response_action: 'errors', errors: errorsForBlocks(result.errors, blockIds) });
      return;
    }
    if (result.outcome === 'revisit') {
      const draft = values as Partial<CheckInDraft>;
      const revisit = checkInModal({
        step: 'revisit',
        style: meta.style,
        targets: targetsFromView(view.blocks),
        engagements: engagementsFromView(view.blocks),
        hints: askedFromView(view.blocks),
        draft: { ...draft, commitment: Number(draft.commitment) },
      });
      await ack({ response_action: 'update', view: revisit });
      return;
    }
    await ack();
    const message = checkInConfirmation({
      will: result.will,
      commitment: result.commitment,
      dueLabel: formatLocalDate(result.dueAt, result.tz),
      followUpLabel: result.followUpAt ? formatLocalDateTime(result.followUpAt, result.tz) : undefined,
      checkInId: result.checkInId,
    });
    try {
      const posted = await client.chat.postMessage({ channel: userId, text: message.text, blocks: message.blocks });
      await notePosted(deps, { teamId, recipientId: userId, kind: 'checkin_confirmation', channelId: posted.channel ?? userId, messageTs: posted.ts ?? '' });
    } catch (error) {
      log.warn({ err: error }, 'check-in confirmation not delivered');
    }
    await offerSupportIfNeeded(deps, client, { teamId, userId }, (['goal', 'reality', 'options', 'will', 'makeItTen'] as const).map((field) => (typeof values[field] === 'string' ? (values[field] as string) : undefined)), 'checkin', log);
  });
}

/** The check-in modal opened with Edit: the same check-in rewritten, and a DM that it was. */
async function saveEdit(
  deps: SlackDeps,
  input: { ack: (r?: object) => Promise<void>; client: WebClient; teamId: string; userId: string; checkInId: string; values: Record<string, unknown>; style: Style; blockIds: Set<string>; log: Logger },
): Promise<void> {
  const { ack, client, teamId, userId, log } = input;
  let result;
  try {
    result = await editCheckIn(deps, { teamId, leaderId: userId, checkInId: input.checkInId, values: input.values, style: input.style });
  } catch (error) {
    log.error({ err: error }, 'check-in edit could not be saved');
    await ack({ response_action: 'errors', errors: { will: friendlyMessage(error) } });
    return;
  }
  if (result.outcome === 'invalid') {
    await ack({ response_action: 'errors', errors: errorsForBlocks(result.errors, input.blockIds) });
    return;
  }
  if (result.outcome === 'expired' || result.outcome === 'gone') {
    // The modal stays open with what the leader wrote; the field says why nothing changed.
    await ack({ response_action: 'errors', errors: { will: result.outcome === 'expired' ? EDIT_EXPIRED_TEXT : 'Grow could not find this check-in any more, so nothing was changed.' } });
    return;
  }
  await ack();
  const message = checkInConfirmation({
    will: result.will,
    commitment: result.commitment,
    dueLabel: result.dueAt ? formatLocalDate(result.dueAt, result.tz) : 'as before',
    checkInId: result.checkInId,
    edited: true,
  });
  try {
    const posted = await client.chat.postMessage({ channel: userId, text: message.text, blocks: message.blocks });
    await notePosted(deps, { teamId, recipientId: userId, kind: 'checkin_confirmation', channelId: posted.channel ?? userId, messageTs: posted.ts ?? '' });
  } catch (error) {
    log.warn({ err: error }, 'check-in edit confirmation not delivered');
  }
}
