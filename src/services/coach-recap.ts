// A session recap: the engagement's coach sends the leader what they agreed. Grow keeps no
// copy; the leader gets it as a DM (recorded, so their `/grow delete` removes it).
import { findEngagement } from '../../db/engagements.js';
import { parseRecap } from '../domain/notes/recap.js';
import type { ServiceContext } from './context.js';

export interface RecapClick {
  teamId: string;
  userId: string;
  engagementId: string;
}

export type RecapCheck = { outcome: 'refused' } | { outcome: 'closed' } | { outcome: 'open'; leaderId: string };

export async function checkRecap(ctx: ServiceContext, input: RecapClick): Promise<RecapCheck> {
  const engagement = await findEngagement(ctx.db, input.teamId, input.engagementId);
  if (!engagement || engagement.coachId !== input.userId) return { outcome: 'refused' };
  if (engagement.status !== 'active') return { outcome: 'closed' };
  return { outcome: 'open', leaderId: engagement.leaderId };
}

export type PrepareRecapResult = Exclude<RecapCheck, { outcome: 'open' }> | { outcome: 'invalid'; errors: Record<string, string> } | { outcome: 'ready'; leaderId: string; text: string };

/** Checks the form and the engagement; the caller sends what is ready. */
export async function prepareRecap(ctx: ServiceContext, input: RecapClick & { values: Record<string, string | undefined> }): Promise<PrepareRecapResult> {
  const form = parseRecap(input.values);
  if (!form.ok) return { outcome: 'invalid', errors: form.errors };
  const check = await checkRecap(ctx, input);
  if (check.outcome !== 'open') return check;
  return { outcome: 'ready', leaderId: check.leaderId, text: form.text };
}
