// The session a coach's message is about (the brief, "did this session take place?"),
// re-read at send time: such a message goes to the engagement's coach and no one else,
// whatever the row says, and only while the engagement runs and the session is still
// scheduled.
import type { EngagementRow, SessionRow } from '../../db/engagements.js';
import type { NudgeRow } from '../../db/nudges.js';
import { findSessionWithEngagement } from '../../db/sessions.js';
import type { Db } from '../../db/client.js';
import { cancelled, failed, skipped, type KindDecision } from './kind-definition.js';

export type CoachSession = { session: SessionRow; engagement: EngagementRow };

/** The row's session and engagement while the message still applies; otherwise how the row settles. */
export async function scheduledSessionOfCoach(db: Db, row: NudgeRow): Promise<CoachSession | { settle: KindDecision }> {
  if (!row.sessionId) return { settle: failed('missing_session') };
  const found = await findSessionWithEngagement(db, row.teamId, row.sessionId);
  if (!found) return { settle: cancelled('session_gone') };
  const { session, engagement } = found;
  if (engagement.coachId !== row.recipientId) return { settle: cancelled('not_the_coach') };
  if (engagement.status !== 'active') return { settle: cancelled(`engagement_${engagement.status}`) };
  if (session.status !== 'scheduled') return { settle: skipped(`session_${session.status}`) };
  return found;
}
