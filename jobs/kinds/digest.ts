// The coach's weekly digest: their running engagements, each leader's record passed
// through the privacy rules, composed and rendered on the coach's clock. A coach with no
// running engagement gets nothing, and a digest held up until the next one is due is dropped.
import { findActiveEngagementsOfCoach, loadLeaderRecords } from '../../db/coach-view.js';
import { workingHoursOf } from '../../db/people.js';
import { composeDigest, isDigestSuperseded, isoWeekOfDedupeKey } from '../../src/domain/digest/index.js';
import { coachViewOf } from '../../src/domain/privacy/index.js';
import { buildDigestMessage } from '../../src/slack/blocks/digest-message.js';
import { FOR_THE_COACH, failed, post, skipped, type KindDefinition } from './kind-definition.js';

export const digest: KindDefinition = {
  ...FOR_THE_COACH,
  async decide({ db, cipher, row, person, now }) {
    const week = isoWeekOfDedupeKey(row.dedupeKey);
    if (!week) return failed('digest_key_unreadable');
    if (isDigestSuperseded(week, now, workingHoursOf(person))) return skipped('digest_superseded');
    const coachId = row.recipientId;
    const running = await findActiveEngagementsOfCoach(db, row.teamId, coachId);
    if (running.length === 0) return skipped('no_active_engagements');
    const records = await loadLeaderRecords(db, cipher, { teamId: row.teamId, engagements: running });
    const views = records.map((record) => coachViewOf(coachId, record));
    return post(buildDigestMessage({ model: composeDigest(views, now), tz: person.tz }), running.map((e) => e.leaderId));
  },
};
