// A closed round's results as the leader (and, if shared, the coach) sees them: computed
// from the stored answers each time they are shown, only after the round closed, only
// from three answers up, suggestions in a fresh random order. The leader's first choice
// to share a round and the coach's message it plans commit together.
import { randomInt } from 'node:crypto';
import type { Db } from '../../db/client.js';
import { findEngagement } from '../../db/engagements.js';
import { syncEngagementPlan } from '../../db/plan-sync.js';
import { countInvitations, findRound, findRoundByStage, listRounds, loadRoundAnswers, shareRound, type PulseRoundRow } from '../../db/pulse.js';
import { listTargets, type TargetView } from '../../db/targets.js';
import { isClosed, releaseRound, type RoundRelease } from '../domain/pulse/index.js';
import type { ServiceContext } from './context.js';

export interface RoundResults {
  round: PulseRoundRow;
  release: RoundRelease;
  targets: TargetView[];
}

/** The targets as a result shows them, each with the leader's own rating at that stage's review. */
export function resultTargets(targets: TargetView[], stage: PulseRoundRow['stage']) {
  return targets.map((t) => ({ id: t.id, position: t.position, description: t.description, ownRating: stage === 'midpoint' ? t.midpointRating : stage === 'closing' ? t.closingRating : null }));
}

const RANDOM_RANGE = 2 ** 32;
const cryptoRandom = () => randomInt(RANDOM_RANGE) / RANDOM_RANGE;

export async function roundResults(ctx: Pick<ServiceContext, 'db' | 'cipher' | 'now'>, round: PulseRoundRow): Promise<RoundResults> {
  const targets = await listTargets(ctx.db, ctx.cipher, round.teamId, round.engagementId);
  // Nothing is read from the answers while the round is open.
  const answers = isClosed(round, ctx.now()) ? await loadRoundAnswers(ctx.db, ctx.cipher, round) : { answered: 0, responses: [] };
  const release = releaseRound({ closesAt: round.closesAt, now: ctx.now(), ...answers, targetIds: targets.map((t) => t.id), random: cryptoRandom });
  return { round, release, targets };
}

export interface RoundSummary {
  round: PulseRoundRow;
  asked: number;
  answered: number;
  declined: number;
}

/** The engagement's rounds with how many were asked and answered (counts only, never who). */
export async function summariseRounds(ctx: Pick<ServiceContext, 'db' | 'now'>, teamId: string, engagementId: string): Promise<RoundSummary[]> {
  const rounds = await listRounds(ctx.db, teamId, engagementId);
  const counts = await countInvitations(ctx.db, rounds.map((r) => r.id));
  const tally = (roundId: string, status?: string) => counts.filter((c) => c.roundId === roundId && (!status || c.status === status)).reduce((n, c) => n + c.n, 0);
  return rounds.map((round) => ({
    round,
    asked: tally(round.id),
    // Counts of an open round would tell the leader who answered as answers come in.
    answered: isClosed(round, ctx.now()) ? tally(round.id, 'answered') : 0,
    declined: isClosed(round, ctx.now()) ? tally(round.id, 'declined') : 0,
  }));
}

export type ShareResult = { outcome: 'refused' } | { outcome: 'stale'; reason: 'not_released' | 'already_shared' } | { outcome: 'shared'; visibility: 'summary' | 'shared' };

export async function sharePulse(ctx: ServiceContext, input: { teamId: string; userId: string; roundId: string; visibility: 'summary' | 'shared' }): Promise<ShareResult> {
  const round = await findRound(ctx.db, input.teamId, input.roundId);
  const engagement = round ? await findEngagement(ctx.db, input.teamId, round.engagementId) : undefined;
  if (!round || engagement?.leaderId !== input.userId) return { outcome: 'refused' };
  if (!(await roundResults(ctx, round)).release.released) return { outcome: 'stale', reason: 'not_released' };
  const now = ctx.now();
  const shared = await ctx.db.transaction(async (tx) => {
    const done = await shareRound(tx as unknown as Db, { teamId: input.teamId, roundId: round.id, visibility: input.visibility, now });
    if (done) await syncEngagementPlan(tx as unknown as Db, { teamId: input.teamId, engagementId: engagement.id, now, rhythm: ctx.rhythm, defaultWorkingHours: ctx.defaultWorkingHours });
    return done;
  });
  if (!shared) return { outcome: 'stale', reason: 'already_shared' };
  await ctx.handOff?.(input.teamId, engagement.id);
  ctx.logger.info({ teamId: input.teamId, userId: input.userId, roundId: round.id, visibility: input.visibility }, 'pulse shared with coach');
  return { outcome: 'shared', visibility: input.visibility };
}

export type LeaderResults = { outcome: 'refused' } | { outcome: 'not_released' } | { outcome: 'ready'; results: RoundResults; asked: number };

/** A round's results for its leader, from App Home or after a share click. */
export async function leaderRoundResults(ctx: ServiceContext, input: { teamId: string; userId: string; roundId: string }): Promise<LeaderResults> {
  const round = await findRound(ctx.db, input.teamId, input.roundId);
  const engagement = round ? await findEngagement(ctx.db, input.teamId, round.engagementId) : undefined;
  if (!round || engagement?.leaderId !== input.userId) return { outcome: 'refused' };
  const [results, summaries] = await Promise.all([roundResults(ctx, round), summariseRounds(ctx, input.teamId, round.engagementId)]);
  if (!results.release.released) return { outcome: 'not_released' };
  return { outcome: 'ready', results, asked: summaries.find((s) => s.round.id === round.id)?.asked ?? 0 };
}

export interface StakeholderScores {
  answered: number;
  byTarget: Record<string, { score: number; count: number }[]>;
}

/** The released scores of a review's round, for the leader's review modal; null when there are none to show. */
export async function stakeholderScoresAt(ctx: ServiceContext, input: { teamId: string; engagementId: string; stage: 'midpoint' | 'closing' }): Promise<StakeholderScores | null> {
  const round = await findRoundByStage(ctx.db, input.teamId, input.engagementId, input.stage);
  if (!round) return null;
  const { release } = await roundResults(ctx, round);
  if (!release.released) return null;
  return { answered: release.answered, byTarget: Object.fromEntries(release.targets.map((t) => [t.targetId, t.distribution])) };
}
