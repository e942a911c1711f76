// The coach's weekly digest: their running engagements, each leader's record passed
// through the privacy rules, composed and rendered on the coach's clock, with what one
// message cannot hold in its thread. A coach with no running engagement gets nothing,
// and a digest held up until the next one is due is dropped.
import { findActiveEngagementsOfCoach, loadLeaderRecords } from '../../db/coach-view.js';
import { workingHoursOf } from '../../db/people.js';
import { listPulseSharing } from '../../db/pulse-sharing.js';
import { briefDueAt, composeDigest, isDigestSuperseded, isoWeekOfDedupeKey } from '../../src/domain/digest/index.js';
import { coachViewOf, sharedPulseStagesOf } from '../../src/domain/privacy/index.js';
import { buildDigestParts } from '../../src/slack/blocks/digest-message.js';
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
    const [records, pulse] = await Promise.all([
      loadLeaderRecords(db, cipher, { teamId: row.teamId, engagements: running }),
      listPulseSharing(db, row.teamId, running.map((e) => e.id)),
    ]);
    const views = records.map((record) => coachViewOf(coachId, record));
    const sharedPulse = new Map(running.map((e) => [e.id, sharedPulseStagesOf(coachId, e, pulse.get(e.id) ?? [])]));
    const hours = workingHoursOf(person);
    const model = composeDigest(views, now, { sharedPulse, briefDueOf: (sessionAt) => briefDueAt(sessionAt, hours, now) });
    const parts = buildDigestParts({ model, tz: person.tz });
    return post(parts.message, parts.about, parts.replies);
  },
};
