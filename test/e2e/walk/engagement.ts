// An engagement as coach and leader walk it: the coach invites from `/grow coach`, the
// leader accepts from the invitation DM and contracts, then answers what Grow sends
// between sessions — follow-ups, reflections, session prep and reviews.
import { and, eq } from 'drizzle-orm';
import { engagements } from '../../../db/schema/index.js';
import type { Json } from '../../emulator/index.js';
import { actionIdsIn, type MessageRef, type Person } from './person.js';
import { deliverNudge, engagementNudge, poll, type Delivered } from './stage.js';

export interface EngagementPlan {
  /** First session, on the leader's calendar (YYYY-MM-DD) and clock (HH:mm). */
  startDate: string;
  sessionTime: string;
  sessions: number;
  cadenceDays: 7 | 14 | 21;
  /** The sponsor the coach names, if any. */
  sponsor?: string;
}

export interface Invitation extends Delivered {
  engagementId: string;
}

/** `/grow coach`, the new-engagement modal, then the invitation delivered to the leader. */
export async function inviteLeader(coach: Person, leader: Person, plan: EngagementPlan): Promise<Invitation> {
  const modal = await coach.opensModal('engagement_new', () => coach.grow('coach'));
  await coach.submit(modal, {
    leader: leader.userId,
    ...(plan.sponsor ? { sponsor: plan.sponsor } : {}),
    start_date: plan.startDate,
    session_time: plan.sessionTime,
    sessions: String(plan.sessions),
    cadence: String(plan.cadenceDays),
    session_length: '60',
  });
  const { stage } = coach;
  const [engagement] = await stage.db
    .select()
    .from(engagements)
    .where(and(eq(engagements.teamId, stage.teamId), eq(engagements.coachId, coach.userId), eq(engagements.leaderId, leader.userId), eq(engagements.status, 'invited')));
  if (!engagement) throw new Error('the engagement was not created');
  const delivered = await deliverNudge(stage, await engagementNudge(stage, engagement.id, 'invitation'));
  return { ...delivered, engagementId: engagement.id };
}

export interface ContractingAnswers {
  targets: { description: string; baseline: number; level?: number }[];
  worked: string;
  worthwhile: string;
  openness: number;
  /** The form of resistance named, shared with the coach; left out, none. */
  resistance?: 'no_time' | 'not_sure' | 'dont_need' | 'did_not_work';
  /** The messages left ticked; left out, all of them. */
  messages?: string[];
  /** Named in the picker contracting moves on to; left out, the leader picks "Not now". */
  stakeholders?: string[];
}

/** Accept on the invitation opens contracting at once; the leader fills it in and saves. */
export async function acceptAndContract(leader: Person, invitation: MessageRef, answers: ContractingAnswers): Promise<Json> {
  const modal = await leader.opensModal('engagement_contracting', () => leader.click(invitation, 'engagement_accept'));
  const values: Record<string, string> = {
    worked: answers.worked,
    worked_visibility: 'shared',
    not_worked_visibility: 'private',
    worthwhile: answers.worthwhile,
    worthwhile_visibility: 'summary',
    openness: String(answers.openness),
    openness_visibility: 'summary',
    resistance_visibility: answers.resistance ? 'shared' : 'private',
  };
  if (answers.resistance) values.resistance = answers.resistance;
  answers.targets.forEach((t, i) => {
    values[`target${i + 1}`] = t.description;
    values[`baseline${i + 1}`] = String(t.baseline);
    if (t.level) values[`level${i + 1}`] = String(t.level);
  });
  // Saving the targets moves the same modal on to naming stakeholders.
  const { view: picker } = await leader.submit(modal, answers.messages ? { ...values, messages: answers.messages } : values, 'updated');
  if (picker?.callback_id !== 'pulse_stakeholders') throw new Error('contracting did not move on to the stakeholder picker');
  if (answers.stakeholders) await leader.submit(picker, { stakeholders: answers.stakeholders });
  else await leader.stage.emu.closeView({ teamId: leader.stage.teamId, userId: leader.userId, viewId: String(picker.id) });
  return leader.buttonGone(invitation, 'engagement_accept');
}

export interface Reflection {
  happened: string;
  learned: string;
  tryNext: string;
  visibility?: 'private' | 'summary' | 'shared';
}

/** Reflect… on a follow-up: the modal, saved; the DM notes it. */
export async function reflectOnFollowUp(leader: Person, followUp: MessageRef, r: Reflection): Promise<Json> {
  const before = JSON.stringify(leader.message(followUp).blocks);
  const modal = await leader.opensModal('followup_reflection', () => leader.click(followUp, 'followup_reflect'));
  await leader.submit(modal, { happened: r.happened, learned: r.learned, try_next: r.tryNext, visibility: r.visibility ?? 'shared' });
  return poll('the follow-up DM to note the reflection', () => {
    const now = leader.message(followUp);
    return JSON.stringify(now.blocks) !== before ? now : undefined;
  });
}

/** "Make this my next action" after a reflection: the modal, prefilled, saved as it stands with a commitment; the DM shows the new action. */
export async function makeNextAction(leader: Person, followUp: MessageRef, answers: { commitment: number; visibility?: 'private' | 'summary' | 'shared' }): Promise<Json> {
  const modal = await leader.opensModal('followup_next_action_submit', () => leader.click(followUp, 'followup_next_action'));
  const will = (modal.blocks as { block_id?: string; element?: { initial_value?: string } }[]).find((b) => b.block_id === 'will')?.element?.initial_value;
  if (!will) throw new Error('the next-action modal is not prefilled with what the leader will try next');
  await leader.submit(modal, { will, commitment: String(answers.commitment), ...(answers.visibility ? { visibility: answers.visibility } : {}) });
  return leader.buttonGone(followUp, 'followup_next_action');
}

/** Answers a follow-up with one of its buttons (followup_done, followup_partly, …). */
export async function answerFollowUp(leader: Person, followUp: MessageRef, actionId: string): Promise<Json> {
  if (!actionIdsIn(leader.message(followUp).blocks).includes(actionId)) throw new Error(`the follow-up offers no ${actionId}`);
  await leader.click(followUp, actionId);
  return leader.buttonGone(followUp, actionId);
}

/** Answer on a session-prep DM: the prep modal, saved; the button gives way to a thank-you. */
export async function answerPrep(leader: Person, prep: MessageRef, answers: { example: string; want: string }): Promise<Json> {
  const modal = await leader.opensModal('session_prep', () => leader.click(prep, 'prep_answer'));
  await leader.submit(modal, { example: answers.example, want: answers.want, visibility: 'shared' });
  return leader.buttonGone(prep, 'prep_answer');
}

/** A midpoint or closing review: the rating modal, one rating per target, saved. */
export async function answerReview(leader: Person, review: MessageRef, ratings: number[]): Promise<Json> {
  const modal = await leader.opensModal('target_review', () => leader.click(review, 'review_open'));
  await leader.submit(modal, Object.fromEntries(ratings.map((r, i) => [`rating${i + 1}`, String(r)])));
  return leader.buttonGone(review, 'review_open');
}
