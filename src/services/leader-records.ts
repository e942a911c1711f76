// What a leader sees of their own practice outside the check-in modal: their recent
// check-ins (App Home, `/grow history`), the action they are working on, and what the
// check-in modal offers them (targets, next session) for the engagement they are in.
import { askQuestions } from './questions.js';
import { findOpenAction, listRecentCheckIns } from '../../db/check-ins.js';
import { listRecentMoments } from '../../db/reflections.js';
import { findEngagementContext } from '../../db/engagement-context.js';
export type { ActiveEngagement } from '../../db/engagement-context.js';
import type { ServiceContext } from './context.js';
import { findRoundByStage } from '../../db/pulse.js';
import type { BaselineState, Style } from '../domain/engagement/style.js';
import { checkInQuestionUses, type CheckInQuestionUse } from '../domain/checkin/questions.js';
import { personZone } from './people-sync.js';

const RECENT = 5;
/** Moments shown on App Home, newest first. */
export const HOME_MOMENTS = 3;

export async function loadLeaderHome(ctx: ServiceContext, teamId: string, userId: string) {
  const [recent, action, moments] = await Promise.all([
    listRecentCheckIns(ctx.db, ctx.cipher, teamId, userId, RECENT),
    findOpenAction(ctx.db, ctx.cipher, teamId, userId),
    listRecentMoments(ctx.db, ctx.cipher, { teamId, leaderId: userId, limit: HOME_MOMENTS }),
  ]);
  return { recent, action, moments };
}

export async function loadCheckInHistory(ctx: ServiceContext, teamId: string, userId: string) {
  const [entries, tz] = await Promise.all([listRecentCheckIns(ctx.db, ctx.cipher, teamId, userId, RECENT), personZone(ctx, teamId, userId)]);
  return { entries, tz };
}

/** What the check-in modal offers, and for the goal-first style where the stakeholders' baseline stands. */
export async function loadCheckInContext(ctx: ServiceContext, teamId: string, userId: string) {
  const now = ctx.now();
  const context = await findEngagementContext(ctx.db, ctx.cipher, teamId, userId, now);
  if (!context || context.style !== 'goal_first') return context && { ...context, baseline: undefined };
  const round = await findRoundByStage(ctx.db, teamId, context.engagementId, 'baseline');
  const baseline: BaselineState = !round ? 'none' : round.closesAt <= now ? 'released' : 'open';
  return { ...context, baseline };
}

/**
 * The check-in's questions, drawn from the bank for this leader: a hint under each GROW
 * field the style asks, and the style's own questions (goal first's goal, the
 * experiment's expectation).
 */
export async function checkInHints(ctx: Pick<ServiceContext, 'db' | 'cipher' | 'now'>, teamId: string, userId: string, engagementId: string | null, style: Style = 'standard'): Promise<Partial<Record<CheckInQuestionUse, string>>> {
  const uses = checkInQuestionUses(style);
  const asked = await askQuestions(ctx, { teamId, leaderId: userId, engagementId, seed: ctx.now().toISOString() }, uses);
  return Object.fromEntries(uses.map((use) => [use, asked[use].text]));
}
