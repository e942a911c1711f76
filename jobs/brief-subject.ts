// The session brief at send time: only while the session is still ahead, the engagement
// is running and the recipient is still its coach; the leader's record passes through
// the privacy rules before anything is composed.
import { findSessionForBrief, loadLeaderRecords } from '../db/coach-view.js';
import { composeBrief } from '../src/domain/digest/index.js';
import { coachViewOf } from '../src/domain/privacy/index.js';
import { buildBriefMessage } from '../src/slack/blocks/brief-message.js';
import type { NudgeSubject, SubjectInput } from './nudge-subject.js';

const closed = (status: 'skipped' | 'cancelled' | 'failed', reason: string): NudgeSubject => ({ applies: false, status, reason });

export async function loadBriefSubject({ db, cipher, row, person, now }: SubjectInput): Promise<NudgeSubject> {
  if (!row.sessionId) return closed('failed', 'missing_session');
  const found = await findSessionForBrief(db, row.teamId, row.sessionId);
  if (!found) return closed('cancelled', 'session_gone');
  const { session, engagement } = found;
  // A brief goes to the engagement's coach and no one else, whatever the row says.
  if (engagement.coachId !== row.recipientId) return closed('cancelled', 'not_the_coach');
  if (engagement.status !== 'active') return closed('cancelled', `engagement_${engagement.status}`);
  if (session.status !== 'scheduled') return closed('skipped', `session_${session.status}`);
  if (session.scheduledAt <= now) return closed('skipped', 'session_passed');
  const [record] = await loadLeaderRecords(db, cipher, { teamId: row.teamId, engagements: [engagement] });
  const model = record ? composeBrief(coachViewOf(row.recipientId, record), session.id, now) : null;
  if (!model) return closed('failed', 'brief_unavailable');
  return { applies: true, message: buildBriefMessage({ model, tz: person.tz }) };
}
