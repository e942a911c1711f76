// A person's own settings: the working window Grow writes to them in, on their Slack
// clock. Saving it re-plans every live engagement they lead, so pending nudges move into
// the new window at once rather than waiting to be deferred one by one at send time.
import { findPerson, saveWorkingHours, workingHoursOf } from '../../db/people.js';
import { liveEngagementIdsOf, syncLeaderPlans } from '../../db/plan-sync.js';
import { checkWorkingHoursForm, type WorkingHoursAnswers, type WorkingHoursErrors } from '../domain/settings/working-hours-form.js';
import type { WorkingWindow } from '../domain/time/working-window.js';
import type { ServiceContext } from './context.js';

export interface OwnWorkingHours {
  window: WorkingWindow;
  /** The person's zone as Slack last told Grow; not theirs to change here. */
  tz: string;
}

export async function loadOwnWorkingHours(ctx: ServiceContext, teamId: string, userId: string): Promise<OwnWorkingHours> {
  const person = await findPerson(ctx.db, teamId, userId);
  if (!person) return { window: { ...ctx.defaultWorkingHours, workDays: [...ctx.defaultWorkingHours.workDays] }, tz: 'UTC' };
  const { tz, ...window } = workingHoursOf(person);
  return { window, tz };
}

export type SaveWorkingHoursResult = { outcome: 'invalid'; errors: WorkingHoursErrors } | { outcome: 'saved'; window: WorkingWindow };

export async function saveOwnWorkingHours(
  ctx: ServiceContext,
  input: { teamId: string; userId: string; answers: WorkingHoursAnswers },
): Promise<SaveWorkingHoursResult> {
  const checked = checkWorkingHoursForm(input.answers);
  if (!checked.ok) return { outcome: 'invalid', errors: checked.errors };
  await saveWorkingHours(ctx.db, input.teamId, input.userId, checked.window);
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
