// Changing one session of an engagement — moved, held, cancelled — by its coach or its
// leader; the nudges follow through a re-plan.
import { findPerson } from '../../db/people.js';
import { closeSession, findSessionWithEngagement, rescheduleSession } from '../../db/sessions.js';
import type { EngagementRow, SessionRow } from '../../db/engagements.js';
import { checkSessionChange, type SessionChange } from '../domain/engagement/status.js';
import { DomainError } from '../domain/errors.js';
import { tellCoach } from './coach-notices.js';
import type { ServiceContext } from './context.js';

export interface ChangeSessionInput {
  teamId: string;
  userId: string;
  sessionId: string;
  change: SessionChange;
}

export async function changeSession(ctx: ServiceContext, input: ChangeSessionInput): Promise<{ session: SessionRow; engagement: EngagementRow }> {
  const found = await findSessionWithEngagement(ctx.db, input.teamId, input.sessionId);
  if (!found) throw new DomainError('not_found', `session ${input.sessionId}`);
  const { session, engagement } = found;
  checkSessionChange(engagement, session, input.change, input.userId, ctx.now());
  const changed =
    input.change.kind === 'reschedule'
      ? await rescheduleSession(ctx.db, input.teamId, session.id, input.change.at)
      : await closeSession(ctx.db, input.teamId, session.id, input.change.kind === 'held' ? 'held' : 'cancelled');
  if (!changed) throw new DomainError('stale', 'session changed meanwhile', 'That session was changed a moment ago; nothing was changed now.');
  await ctx.replan?.(input.teamId, engagement.id);
  // The coach hears of a leader's move or cancellation in their next notice, not at once.
  if (input.userId === engagement.leaderId && input.change.kind !== 'held') {
    await tellCoach(ctx, { teamId: input.teamId, engagement, event: input.change.kind === 'reschedule' ? 'session_moved' : 'session_cancelled', sessionId: session.id });
  }
  ctx.logger.info({ teamId: input.teamId, userId: input.userId, engagementId: engagement.id, sessionId: session.id, change: input.change.kind }, 'session changed');
  const after = await findSessionWithEngagement(ctx.db, input.teamId, session.id);
  return after ?? found;
}

/** A session its coach or leader is about to move or cancel, with the viewer's zone for the form. */
export async function loadSessionToChange(ctx: ServiceContext, input: { teamId: string; userId: string; sessionId: string; kind: 'reschedule' | 'cancel' }) {
  const [found, person] = await Promise.all([findSessionWithEngagement(ctx.db, input.teamId, input.sessionId), findPerson(ctx.db, input.teamId, input.userId)]);
  if (!found) throw new DomainError('not_found', `session ${input.sessionId}`);
  // A far-future time passes the "not in the past" rule, so this checks only who and what state.
  const change: SessionChange = input.kind === 'reschedule' ? { kind: 'reschedule', at: new Date(8.64e15) } : { kind: 'cancel' };
  checkSessionChange(found.engagement, found.session, change, input.userId, ctx.now());
  return { ...found, tz: person?.tz ?? 'UTC' };
}
