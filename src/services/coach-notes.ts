// A coach's private notes on an engagement: only its coach writes them, only that coach
// reads them back (the last one in the next brief; all in the coach's own export). The
// leader, the sponsor and anyone else never see them.
import { insertCoachNote, lastCoachNote, type CoachNote } from '../../db/coach-notes.js';
import { listSessions } from '../../db/engagements.js';
import { parseCoachNote, sessionForNote } from '../domain/notes/coach-note.js';
import { checkCoachEngagement, type CoachEngagementCheck, type CoachEngagementClick } from './coach-engagement-check.js';
import type { ServiceContext } from './context.js';

// Notes go on for a finished engagement (the last session deserves one), not past its erasure.
export const checkCoachNote = (ctx: ServiceContext, input: CoachEngagementClick): Promise<CoachEngagementCheck> =>
  checkCoachEngagement(ctx, input, (engagement) => engagement.status !== 'declined' && engagement.contentErasedAt === null);

export type AddCoachNoteResult = CoachEngagementCheck | { outcome: 'invalid'; errors: Record<string, string> } | { outcome: 'added'; leaderId: string; sessionId: string | null };

export async function addCoachNote(ctx: ServiceContext, input: CoachEngagementClick & { values: Record<string, string | undefined> }): Promise<AddCoachNoteResult> {
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
