// A session recap: the engagement's coach sends the leader what they agreed. The words are
// kept encrypted for the leader alone, so their "Make this my action" reads them here
// rather than from the button; the leader's `/grow delete` removes them with the DM.
import { deleteRecap, insertRecap, recapTextFor } from '../../db/recaps.js';
import { parseRecap, recapAsAction } from '../domain/notes/recap.js';
import { checkCoachEngagement, type CoachEngagementCheck, type CoachEngagementClick } from './coach-engagement-check.js';
import type { ServiceContext } from './context.js';

export const checkRecap = (ctx: ServiceContext, input: CoachEngagementClick): Promise<CoachEngagementCheck> =>
  checkCoachEngagement(ctx, input, (engagement) => engagement.status === 'active');

export type PrepareRecapResult =
  | Exclude<CoachEngagementCheck, { outcome: 'open' }>
  | { outcome: 'invalid'; errors: Record<string, string> }
  | { outcome: 'ready'; recapId: string; leaderId: string; text: string };

/** Checks the form and the engagement, and keeps the recap for its leader; the caller sends what is ready. */
export async function prepareRecap(ctx: ServiceContext, input: CoachEngagementClick & { values: Record<string, string | undefined> }): Promise<PrepareRecapResult> {
  const form = parseRecap(input.values);
  if (!form.ok) return { outcome: 'invalid', errors: form.errors };
  const check = await checkRecap(ctx, input);
  if (check.outcome !== 'open') return check;
  const recapId = await insertRecap(ctx.db, ctx.cipher, { teamId: input.teamId, engagementId: input.engagementId, coachId: input.userId, leaderId: check.leaderId, text: form.text, now: ctx.now() });
  return { outcome: 'ready', recapId, leaderId: check.leaderId, text: form.text };
}

/** A recap Slack did not deliver is not kept: the coach's words are still in their modal. */
export async function withdrawRecap(ctx: ServiceContext, input: { teamId: string; recapId: string }): Promise<void> {
  await deleteRecap(ctx.db, input.teamId, input.recapId);
}

/** The recap as the clicker's action, if it was sent to them and is still kept; null otherwise. */
export async function recapActionFor(ctx: ServiceContext, input: { teamId: string; userId: string; recapId: string }): Promise<string | null> {
  const text = await recapTextFor(ctx.db, ctx.cipher, { teamId: input.teamId, id: input.recapId, leaderId: input.userId });
  return text === null ? null : recapAsAction(text);
}
