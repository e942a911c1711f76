// The coach's brief before a session: only while the session is still ahead, the
// engagement is running and the recipient is still its coach; the leader's record passes
// through the privacy rules before anything is composed.
import { loadLeaderRecords } from '../../db/coach-view.js';
import { lastCoachNote } from '../../db/coach-notes.js';
import { composeBrief } from '../../src/domain/digest/index.js';
import { coachViewOf } from '../../src/domain/privacy/index.js';
import { sponsorAnswersFor } from '../../src/services/sponsor-answers-view.js';
import { buildBriefMessage } from '../../src/slack/blocks/brief-message.js';
import { coachSponsorBlocks } from '../../src/slack/blocks/sponsor-answers.js';
import { scheduledSessionOfCoach } from './coach-session.js';
import { FOR_THE_COACH, failed, post, skipped, type KindDefinition } from './kind-definition.js';

export const brief: KindDefinition = {
  ...FOR_THE_COACH,
  async decide({ db, cipher, row, person, now }) {
    const found = await scheduledSessionOfCoach(db, row);
    if ('settle' in found) return found.settle;
    const { session, engagement } = found;
    if (session.scheduledAt <= now) return skipped('session_passed');
    const { id, coachId, leaderId, status, closingVisibility } = engagement;
    const [record] = await loadLeaderRecords(db, cipher, { teamId: row.teamId, engagements: [{ id, coachId, leaderId, status, closingVisibility }] });
    const model = record ? composeBrief(coachViewOf(row.recipientId, record), session.id, now) : null;
    if (!model) return failed('brief_unavailable');
    const sponsor = coachSponsorBlocks(await sponsorAnswersFor({ db, cipher }, engagement, row.recipientId), engagement.leaderId);
    // The coach's own last note: read for this coach only, shown to no one else.
    const note = await lastCoachNote(db, cipher, { teamId: row.teamId, engagementId: engagement.id, coachId: row.recipientId });
    return post(buildBriefMessage({ model, tz: person.tz, sponsor, note }));
  },
};
