// The nudge about what would make the action a 10, a working day before the follow-up,
// when the leader asked for it at the check-in. Quiet once the action is answered or
// replaced, or when the answer to "what would make it a 10?" is gone.
import { and, eq } from 'drizzle-orm';
import { openCheckIn } from '../../db/check-ins.js';
import { actions, checkIns, nudges } from '../../db/schema/index.js';
import { formatLocalDateTime } from '../../src/domain/checkin/due-date.js';
import { buildPreconditionMessage } from '../../src/slack/blocks/nudge-precondition.js';
import { NUDGE_ACTIONS } from '../../src/slack/ids.js';
import { AT_WORK, cancelled, failed, post, skipped, type KindDefinition } from './kind-definition.js';

export const precondition: KindDefinition = {
  recipient: 'leader',
  plannedBy: ['engagement-rhythm', 'check-in'],
  engagement: 'when-linked',
  rules: { ...AT_WORK, backOff: true },
  actions: [NUDGE_ACTIONS.preconditionDone, NUDGE_ACTIONS.preconditionNotYet],
  async decide({ db, cipher, row, person }) {
    const actionId = typeof row.ref.actionId === 'string' ? row.ref.actionId : undefined;
    if (!actionId) return failed('missing_action_ref');
    const [found] = await db
      .select({ action: actions, checkIn: checkIns })
      .from(actions)
      .innerJoin(checkIns, eq(checkIns.id, actions.checkInId))
      .where(and(eq(actions.id, actionId), eq(actions.teamId, row.teamId)));
    if (!found) return cancelled('action_gone');
    if (found.action.status !== 'open') return skipped('action_answered');
    const makeItTen = openCheckIn(cipher, found.checkIn).makeItTen;
    if (!makeItTen) return skipped('nothing_to_ask');
    const followUps = await db
      .select({ dueAt: nudges.dueAt, ref: nudges.ref })
      .from(nudges)
      .where(and(eq(nudges.teamId, row.teamId), eq(nudges.recipientId, row.recipientId), eq(nudges.kind, 'follow_up'), eq(nudges.status, 'pending')));
    const followUpAt = followUps.find((f) => f.ref.actionId === actionId)?.dueAt ?? found.action.dueAt;
    return post(buildPreconditionMessage({ nudgeId: row.id, actionId, makeItTen, followUpLabel: formatLocalDateTime(followUpAt, person.tz) }));
  },
};
