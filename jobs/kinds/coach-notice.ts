// The coach's quiet notice: planned at their next batch slot when something happens in an
// engagement (db/coach-notices.ts), it tells every item not yet told, minus the topics the
// coach turned off and what has since been undone; nothing at all when none is left.
import { markCoachNotices, noticesOffOf, pendingCoachNotices } from '../../db/coach-notices.js';
import { itemsToTell } from '../../src/domain/notices/index.js';
import { coachNoticeMessage } from '../../src/slack/blocks/coach-notice.js';
import { AT_WORK, post, skipped, type KindDefinition } from './kind-definition.js';

export const coachNotice: KindDefinition = {
  recipient: 'coach',
  plannedBy: ['coach-notice'],
  engagement: 'by-kind',
  rules: AT_WORK,
  actions: [],
  async decide({ db, row, person, now }) {
    const { items, withdrawn } = await pendingCoachNotices(db, { teamId: row.teamId, coachId: row.recipientId, nudgeId: row.id, now });
    const tell = itemsToTell(items, noticesOffOf(person));
    // Every item is settled by this row, told or not: a turned-off topic is not saved up.
    await markCoachNotices(db, row.teamId, [...withdrawn, ...items.map((i) => i.id)], row.id);
    if (tell.length === 0) return skipped('nothing_to_tell');
    // No `about`: that records a digest's coverage, which erasure would rewrite as a digest.
    // A notice carries only a leader's mention and what happened, never their words.
    return post(coachNoticeMessage(tell, person.tz));
  },
};
