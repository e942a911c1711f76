// The follow-up on the leader's committed action, on its due date: Done / Partly / Not
// yet / Snooze / Reflect. Gone quiet once the action is answered or snoozed past this row.
import { and, eq } from 'drizzle-orm';
import { actions } from '../../db/schema/index.js';
import { rowSeal } from '../../db/sealed.js';
import { buildFollowUpMessage } from '../../src/slack/blocks/nudge-follow-up.js';
import { NUDGE_ACTIONS } from '../../src/slack/ids.js';
import { loadExpectation, loadRowStyle } from './nudge-facts.js';
import { askQuestions } from '../../src/services/questions.js';
import { AT_WORK, cancelled, failed, post, skipped, type KindDefinition } from './kind-definition.js';

export const followUp: KindDefinition = {
  recipient: 'leader',
  plannedBy: ['engagement-rhythm', 'check-in'],
  engagement: 'when-linked',
  rules: { ...AT_WORK, backOff: true },
  actions: [NUDGE_ACTIONS.followUpDone, NUDGE_ACTIONS.followUpPartly, NUDGE_ACTIONS.followUpNotYet, NUDGE_ACTIONS.followUpSnooze, NUDGE_ACTIONS.followUpReflect],
  async decide({ db, cipher, row, person, now }) {
    const actionId = typeof row.ref.actionId === 'string' ? row.ref.actionId : undefined;
    if (!actionId) return failed('missing_action_ref');
    const [action] = await db.select().from(actions).where(and(eq(actions.id, actionId), eq(actions.teamId, row.teamId)));
    if (!action) return cancelled('action_gone');
    if (action.status !== 'open') return skipped('action_answered');
    // A snooze moves the follow-up to a new row; the earlier one has nothing left to ask.
    if (action.snoozedUntil && action.snoozedUntil > now && row.dueAt < action.snoozedUntil) return skipped('action_snoozed');
    const actionText = rowSeal(cipher, 'actions', action).open('text_enc', action.textEnc);
    const style = await loadRowStyle(db, row);
    const expectation = style === 'experiment' ? await loadExpectation(db, cipher, row.teamId, action.checkInId) : null;
    // The prediction is followed by a question from the bank on what did happen, never the same one twice in a row.
    const outcome = expectation ? (await askQuestions({ db, cipher, now: () => now }, { teamId: row.teamId, leaderId: row.recipientId, engagementId: row.engagementId, seed: row.id }, ['outcome'])).outcome : null;
    return post(buildFollowUpMessage({ nudgeId: row.id, actionId, actionText, dueAt: action.dueAt, tz: person.tz, style, expectation, outcomeQuestion: outcome?.text }));
  },
};
