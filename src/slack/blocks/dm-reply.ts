// Grow's answer when a leader types in its DM: an offer to keep what they wrote as a
// reflection on their current action (one button per visibility, each saying what the
// coach would see), or a pointer to `/grow help`. The typed text is never repeated here.
import { z } from 'zod';
import type { Visibility } from '../../domain/checkin/rules.js';
import { coachSeesSentence } from '../../domain/privacy/promises.js';
import { DM_REPLY_ACTIONS } from '../ids.js';
import { decodeJson, encodeJson } from '../metadata.js';
import { quoteUserText } from '../mrkdwn.js';
import { VISIBILITY_TEXT } from './checkin-modal.js';
import { actionsBlock, context, message, section, type Message } from './kit.js';

export const DM_REPLY_BLOCK_ID = 'dm_reply_actions';
const ACTION_QUOTE_MAX = 500;

export const dmReplyValueSchema = z.object({ actionId: z.string().uuid(), ts: z.string().regex(/^\d{1,12}\.\d{1,8}$/) });
export const parseDmReplyValue = (raw: string | undefined) => decodeJson(dmReplyValueSchema, raw);

export const DM_REPLY_VISIBILITY: Record<string, Visibility> = {
  [DM_REPLY_ACTIONS.keepPrivate]: 'private',
  [DM_REPLY_ACTIONS.keepSummary]: 'summary',
  [DM_REPLY_ACTIONS.keepShared]: 'shared',
};

const HELP = 'Or type `/grow help` to see everything Grow can do.';

export function dmReplyOffer(input: { actionId: string; actionText: string; ts: string }): Message {
  const value = encodeJson(dmReplyValueSchema, { actionId: input.actionId, ts: input.ts });
  return message({
    notification: 'Grow: keep what you wrote as a reflection?',
    blocks: [
      section(`*Keep what you just wrote as a reflection on your current action?*\n>${quoteUserText(input.actionText, ACTION_QUOTE_MAX).replace(/\n/g, '\n>')}`),
      actionsBlock(DM_REPLY_BLOCK_ID, [
        { text: VISIBILITY_TEXT.private, actionId: DM_REPLY_ACTIONS.keepPrivate, value },
        { text: VISIBILITY_TEXT.summary, actionId: DM_REPLY_ACTIONS.keepSummary, value, style: 'primary' },
        { text: VISIBILITY_TEXT.shared, actionId: DM_REPLY_ACTIONS.keepShared, value },
      ]),
      context(`_${VISIBILITY_TEXT.summary}:_ ${coachSeesSentence('reflection', 'summary')} _${VISIBILITY_TEXT.shared}:_ ${coachSeesSentence('reflection', 'shared')} ${HELP}`),
    ],
  });
}

export function dmReplyNoAction(): Message {
  return message({
    notification: 'Grow: I do not keep messages typed here.',
    blocks: [section('I do not keep messages typed here. Type `/grow` to check in, or `/grow help` to see everything Grow can do.')],
  });
}

export function dmReplyKept(visibility: Visibility): Message {
  return message({
    notification: 'Grow: kept as a reflection.',
    blocks: [section(`📝 *Kept as a reflection on your action* — ${VISIBILITY_TEXT[visibility].toLowerCase()}.`), context(coachSeesSentence('reflection', visibility))],
  });
}

export function dmReplyNotKept(reason: 'stale' | 'gone'): Message {
  const text = reason === 'stale' ? 'That action is no longer your current one, so nothing was kept.' : 'I could not find what you wrote any more, so nothing was kept.';
  return message({ notification: 'Grow: nothing was kept.', blocks: [section(text), context(HELP)] });
}
