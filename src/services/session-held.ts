// The coach's answer to "did this session take place?": Yes marks it held, No marks it
// cancelled (it did not happen, so it is not one of the engagement's sessions). Only the
// coach the question went to may answer, only about its own session; a session someone
// marked meanwhile is left as it is.
import { findNudge } from '../../db/nudges.js';
import { findPerson } from '../../db/people.js';
import { findSessionWithEngagement } from '../../db/sessions.js';
import type { ServiceContext } from './context.js';
import { changeSession } from './engagement-sessions.js';

export interface SessionHeldAnswer {
  teamId: string;
  userId: string;
  nudgeId: string;
  sessionId: string;
  held: boolean;
}

export interface SessionHeldView {
  seq: number;
  scheduledAt: Date;
  leaderId: string;
  tz: string;
}

export type SessionHeldResult =
  | { outcome: 'refused' }
  | { outcome: 'gone' }
  /** Someone marked it (or the engagement closed) before this answer; `status` is how it stands. */
  | { outcome: 'stale'; status: 'scheduled' | 'held' | 'cancelled'; view: SessionHeldView }
  | { outcome: 'answered'; status: 'held' | 'cancelled'; view: SessionHeldView };

export async function answerSessionHeld(ctx: ServiceContext, input: SessionHeldAnswer): Promise<SessionHeldResult> {
  const [nudge, found, person] = await Promise.all([
    findNudge(ctx.db, input.nudgeId),
    findSessionWithEngagement(ctx.db, input.teamId, input.sessionId),
    findPerson(ctx.db, input.teamId, input.userId),
  ]);
  if (!nudge || nudge.teamId !== input.teamId || nudge.kind !== 'session_held' || nudge.recipientId !== input.userId || nudge.sessionId !== input.sessionId) {
    return { outcome: 'refused' };
  }
  if (!found) return { outcome: 'gone' };
  if (found.engagement.coachId !== input.userId) return { outcome: 'refused' };
  const view = { seq: found.session.seq, scheduledAt: found.session.scheduledAt, leaderId: found.engagement.leaderId, tz: person?.tz ?? 'UTC' };
  if (found.session.status !== 'scheduled' || found.engagement.status !== 'active') return { outcome: 'stale', status: found.session.status, view };
  const status = input.held ? 'held' : 'cancelled';
  try {
    await changeSession(ctx, { teamId: input.teamId, userId: input.userId, sessionId: input.sessionId, change: { kind: input.held ? 'held' : 'cancel' } });
  } catch (error) {
    // Marked by someone else between our read and our write.
    const after = await findSessionWithEngagement(ctx.db, input.teamId, input.sessionId);
    if (after && after.session.status !== 'scheduled') return { outcome: 'stale', status: after.session.status, view };
    throw error;
  }
  return { outcome: 'answered', status, view };
}
