// A session recap: the engagement's coach sends the leader what they agreed. Grow keeps no
// copy; the leader gets it as a DM (recorded, so their `/grow delete` removes it).
import { parseRecap } from '../domain/notes/recap.js';
import { checkCoachEngagement, type CoachEngagementCheck, type CoachEngagementClick } from './coach-engagement-check.js';
import type { ServiceContext } from './context.js';

export const checkRecap = (ctx: ServiceContext, input: CoachEngagementClick): Promise<CoachEngagementCheck> =>
  checkCoachEngagement(ctx, input, (engagement) => engagement.status === 'active');

export type PrepareRecapResult = Exclude<CoachEngagementCheck, { outcome: 'open' }> | { outcome: 'invalid'; errors: Record<string, string> } | { outcome: 'ready'; leaderId: string; text: string };

/** Checks the form and the engagement; the caller sends what is ready. */
export async function prepareRecap(ctx: ServiceContext, input: CoachEngagementClick & { values: Record<string, string | undefined> }): Promise<PrepareRecapResult> {
  const form = parseRecap(input.values);
  if (!form.ok) return { outcome: 'invalid', errors: form.errors };
  const check = await checkRecap(ctx, input);
  if (check.outcome !== 'open') return check;
  return { outcome: 'ready', leaderId: check.leaderId, text: form.text };
}
