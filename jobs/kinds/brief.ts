// The coach's brief before a session: only while the session is still ahead, the
// engagement is running and the recipient is still its coach; the leader's record passes
// through the privacy rules before anything is composed.
import { findSessionForBrief, loadLeaderRecords } from '../../db/coach-view.js';
import { findEngagement } from '../../db/engagements.js';
import { lastCoachNote } from '../../db/coach-notes.js';
import { composeBrief } from '../../src/domain/digest/index.js';
import { coachViewOf } from '../../src/domain/privacy/index.js';
import { sponsorAnswersFor } from '../../src/services/sponsor-answers-view.js';
import { buildBriefMessage } from '../../src/slack/blocks/brief-message.js';
import { coachSponsorBlocks } from '../../src/slack/blocks/sponsor-answers.js';
import { FOR_THE_COACH, cancelled, failed, post, skipped, type KindDefinition } from './kind-definition.js';

export const brief: KindDefinition = {
  ...FOR_THE_COACH,
  async decide({ db, cipher, row, person, now }) {
    if (!row.sessionId) return failed('missing_session');
    const found = await findSessionForBrief(db, row.teamId, row.sessionId);
    if (!found) return cancelled('session_gone');
    const { session, engagement } = found;
    // A brief goes to the engagement's coach and no one else, whatever the row says.
    if (engagement.coachId !== row.recipientId) return cancelled('not_the_coach');
    if (engagement.status !== 'active') return cancelled(`engagement_${engagement.status}`);
    if (session.status !== 'scheduled') return skipped(`session_${session.status}`);
    if (session.scheduledAt <= now) return skipped('session_passed');
    const [record] = await loadLeaderRecords(db, cipher, { teamId: row.teamId, engagements: [engagement] });
    const model = record ? composeBrief(coachViewOf(row.recipientId, record), session.id, now) : null;
    if (!model) return failed('brief_unavailable');
    const full = await findEngagement(db, row.teamId, engagement.id);
    const sponsor = full ? coachSponsorBlocks(await sponsorAnswersFor({ db, cipher }, full, row.recipientId), engagement.leaderId) : [];
    // The coach's own last note: read for this coach only, shown to no one else.
    const note = await lastCoachNote(db, cipher, { teamId: row.teamId, engagementId: engagement.id, coachId: row.recipientId });
    return post(buildBriefMessage({ model, tz: person.tz, sponsor, note }));
  },
};
