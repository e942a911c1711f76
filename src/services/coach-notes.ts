// A coach's private notes on an engagement: only its coach writes them, only that coach
// reads them back (the last one in the next brief; all in the coach's own export). The
// leader, the sponsor and anyone else never see them.
import { insertCoachNote, lastCoachNote, type CoachNote } from '../../db/coach-notes.js';
import { findEngagement, listSessions } from '../../db/engagements.js';
import { parseCoachNote, sessionForNote } from '../domain/notes/coach-note.js';
import type { ServiceContext } from './context.js';

export interface CoachNoteClick {
  teamId: string;
  userId: string;
  engagementId: string;
}

export type CoachNoteCheck = { outcome: 'refused' } | { outcome: 'closed' } | { outcome: 'open'; leaderId: string };

export async function checkCoachNote(ctx: ServiceContext, input: CoachNoteClick): Promise<CoachNoteCheck> {
  const engagement = await findEngagement(ctx.db, input.teamId, input.engagementId);
  if (!engagement || engagement.coachId !== input.userId) return { outcome: 'refused' };
  // Notes go on for a finished engagement (the last session deserves one), not past its erasure.
  if (engagement.status === 'declined' || engagement.contentErasedAt !== null) return { outcome: 'closed' };
  return { outcome: 'open', leaderId: engagement.leaderId };
}

export type AddCoachNoteResult = CoachNoteCheck | { outcome: 'invalid'; errors: Record<string, string> } | { outcome: 'added'; leaderId: string; sessionId: string | null };

export async function addCoachNote(ctx: ServiceContext, input: CoachNoteClick & { values: Record<string, string | undefined> }): Promise<AddCoachNoteResult> {
  const form = parseCoachNote(input.values);
  if (!form.ok) return { outcome: 'invalid', errors: form.errors };
  const check = await checkCoachNote(ctx, input);
  if (check.outcome !== 'open') return check;
  const session = sessionForNote(await listSessions(ctx.db, input.teamId, [input.engagementId]), ctx.now());
  await insertCoachNote(ctx.db, ctx.cipher, { teamId: input.teamId, engagementId: input.engagementId, sessionId: session?.id ?? null, coachId: input.userId, text: form.text, now: ctx.now() });
  // Never the note's text in a log.
  ctx.logger.info({ teamId: input.teamId, engagementId: input.engagementId, sessionId: session?.id ?? null }, 'coach note saved');
  return { outcome: 'added', leaderId: check.leaderId, sessionId: session?.id ?? null };
}

/** The coach's last note for a brief: read for the coach who asks, and only theirs. */
export async function lastNoteForBrief(ctx: Pick<ServiceContext, 'db' | 'cipher'>, input: { teamId: string; coachId: string; engagementId: string }): Promise<CoachNote | null> {
  return lastCoachNote(ctx.db, ctx.cipher, input);
}
