// How Grow works with a leader, changed from App Home: the style their contracting answer
// set, and the messages they want. Only the leader, only while the engagement runs; the
// plan follows at once.
import { findEngagement, setEngagementStyle } from '../../db/engagements.js';
import { DomainError } from '../domain/errors.js';
import { CHOOSABLE_KINDS, isStyle, type Style } from '../domain/engagement/style.js';
import type { ServiceContext } from './context.js';

export interface StyleTarget {
  teamId: string;
  userId: string;
  engagementId: string;
}

/** The engagement's style and muted kinds, if this person may change them now; throws a DomainError otherwise. */
export async function loadStyleChoice(ctx: ServiceContext, input: StyleTarget): Promise<{ style: Style; mutedKinds: string[] }> {
  const engagement = await findEngagement(ctx.db, input.teamId, input.engagementId);
  if (!engagement) throw new DomainError('not_found', `engagement ${input.engagementId}`);
  if (engagement.leaderId !== input.userId) throw new DomainError('forbidden', 'style change by non-leader');
  if (engagement.status !== 'active') throw new DomainError('stale', `style change on ${engagement.status}`, 'This engagement is not under way, so there is nothing to change.');
  return { style: engagement.style, mutedKinds: engagement.mutedKinds };
}

export type SaveStyleResult = { outcome: 'invalid'; errors: Record<string, string> } | { outcome: 'saved'; style: Style; mutedKinds: string[] };

export async function saveStyleChoice(ctx: ServiceContext, input: StyleTarget & { style: string | undefined; keptKinds: readonly string[] }): Promise<SaveStyleResult> {
  if (!isStyle(input.style)) return { outcome: 'invalid', errors: { style: 'Please pick one of these.' } };
  await loadStyleChoice(ctx, input);
  const mutedKinds = CHOOSABLE_KINDS.map((c) => c.kind).filter((k) => !input.keptKinds.includes(k));
  const saved = await setEngagementStyle(ctx.db, { teamId: input.teamId, engagementId: input.engagementId, style: input.style, mutedKinds });
  if (!saved) throw new DomainError('stale', 'style change on a finished engagement', 'This engagement is not under way, so there is nothing to change.');
  await ctx.replan?.(input.teamId, input.engagementId);
  ctx.logger.info({ teamId: input.teamId, userId: input.userId, engagementId: input.engagementId, style: input.style, mutedKinds }, 'engagement style changed');
  return { outcome: 'saved', style: input.style, mutedKinds };
}
