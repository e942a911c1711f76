// A person's own settings: the working window Grow writes to them in, on their Slack
// clock, and for a coach the day and time of their weekly digest. Saving re-plans every
// live engagement they lead and moves their pending digests, so what is pending moves
// into the new window at once rather than being deferred one by one at send time.
import { noticesOffOf, saveNoticesOff } from '../../db/coach-notices.js';
import { retimeCoachDigests } from '../../db/coach-plan-sync.js';
import { NOTICE_TOPICS, type NoticeTopic } from '../domain/notices/index.js';
import { listEngagementsOf } from '../../db/engagements.js';
import { digestTimeOf, findPerson, saveDigestTime, saveWorkingHours, workingHoursOf } from '../../db/people.js';
import { DEFAULT_DIGEST_TIME, type DigestTime } from '../domain/digest/index.js';
import { checkDigestTimeForm, type DigestTimeAnswers, type DigestTimeErrors } from '../domain/settings/digest-time-form.js';
import { liveEngagementIdsOf, syncLeaderPlans } from '../../db/plan-sync.js';
import { checkWorkingHoursForm, type WorkingHoursAnswers, type WorkingHoursErrors } from '../domain/settings/working-hours-form.js';
import type { WorkingWindow } from '../domain/time/working-window.js';
import type { ServiceContext } from './context.js';

export interface OwnWorkingHours {
  window: WorkingWindow;
  /** The person's zone as Slack last told Grow; not theirs to change here. */
  tz: string;
  /** When their weekly digest comes, for someone who coaches; null for everyone else. */
  digest: DigestTime | null;
  /** The notice topics a coach turned off; empty for everyone else. */
  noticesOff: NoticeTopic[];
}

const coaches = async (ctx: ServiceContext, teamId: string, userId: string) => (await listEngagementsOf(ctx.db, teamId, userId, ['invited', 'active'], 'coach')).length > 0;

export async function loadOwnWorkingHours(ctx: ServiceContext, teamId: string, userId: string): Promise<OwnWorkingHours> {
  const [person, coaching] = await Promise.all([findPerson(ctx.db, teamId, userId), coaches(ctx, teamId, userId)]);
  if (!person) return { window: { ...ctx.defaultWorkingHours, workDays: [...ctx.defaultWorkingHours.workDays] }, tz: 'UTC', digest: coaching ? DEFAULT_DIGEST_TIME : null, noticesOff: [] };
  const { tz, ...window } = workingHoursOf(person);
  return { window, tz, digest: coaching ? digestTimeOf(person) : null, noticesOff: coaching ? noticesOffOf(person) : [] };
}

export type SaveWorkingHoursResult = { outcome: 'invalid'; errors: WorkingHoursErrors & DigestTimeErrors } | { outcome: 'saved'; window: WorkingWindow };

export async function saveOwnWorkingHours(
  ctx: ServiceContext,
  input: { teamId: string; userId: string; answers: WorkingHoursAnswers; digest?: DigestTimeAnswers; noticesOn?: readonly string[] },
): Promise<SaveWorkingHoursResult> {
  const checked = checkWorkingHoursForm(input.answers);
  const digest = input.digest ? checkDigestTimeForm(input.digest) : undefined;
  if (!checked.ok || (digest && !digest.ok)) {
    return { outcome: 'invalid', errors: { ...(checked.ok ? {} : checked.errors), ...(digest && !digest.ok ? digest.errors : {}) } };
  }
  await saveWorkingHours(ctx.db, input.teamId, input.userId, checked.window);
  // Whatever is not ticked is off, so a topic added later starts on.
  if (input.noticesOn) await saveNoticesOff(ctx.db, input.teamId, input.userId, NOTICE_TOPICS.filter((t) => !input.noticesOn!.includes(t)));
  const person = await findPerson(ctx.db, input.teamId, input.userId);
  if (person) {
    // The digest follows both the chosen time and the new working hours.
    const time = digest?.ok ? digest.time : digestTimeOf(person);
    if (digest?.ok) await saveDigestTime(ctx.db, input.teamId, input.userId, time);
    const moved = await retimeCoachDigests(ctx.db, { teamId: input.teamId, coachId: input.userId, hours: workingHoursOf(person), time });
    if (moved.length > 0) await ctx.handOffNudges?.(moved.map((m) => ({ ...m, repaired: false })));
  }
  // Through the service's re-plan when there is one, so what now falls due soon is queued
  // right after each engagement's re-plan commits.
  if (ctx.replan) {
    for (const id of await liveEngagementIdsOf(ctx.db, input.teamId, input.userId)) await ctx.replan(input.teamId, id);
  } else {
    await syncLeaderPlans(ctx.db, { teamId: input.teamId, leaderId: input.userId, now: ctx.now(), rhythm: ctx.rhythm, defaultWorkingHours: ctx.defaultWorkingHours });
  }
  ctx.logger.info({ teamId: input.teamId, userId: input.userId, days: checked.window.workDays.length }, 'working hours saved');
  return { outcome: 'saved', window: checked.window };
}
