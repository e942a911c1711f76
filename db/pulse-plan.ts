// The pulse's part of an engagement's plan, inside the plan's transaction: reads what the
// pulse rules need (contracting, stakeholders, stored rounds), stores the rounds they
// return — a round not yet open follows the reviews and the stakeholders named now; an
// opened one is never touched — and returns the pulse's nudge specs.
import { and, eq, gt, inArray, min, notInArray, sql } from 'drizzle-orm';
import { planPulse, planRounds, type PlannedRound, type PulseSpec, type PulseStage, type StoredRound } from '../src/domain/pulse/index.js';
import type { WorkingHours } from '../src/domain/time/index.js';
import type { Db, Tx } from './client.js';
import { pulseInvitations, pulseRounds, pulseStakeholders, targets } from './schema/index.js';

export interface PulsePlanInput {
  teamId: string;
  engagement: { id: string; leaderId: string; coachId: string };
  hours: WorkingHours;
  reviews: { midpoint?: Date | null; closing?: Date | null };
  /** Nothing new once the engagement has ended; rounds already open still close and report. */
  ended?: boolean;
  now: Date;
}

async function loadStoredRounds(tx: Tx, teamId: string, engagementId: string) {
  const rounds = await tx.select().from(pulseRounds).where(and(eq(pulseRounds.teamId, teamId), eq(pulseRounds.engagementId, engagementId)));
  const invited = rounds.length
    ? await tx.select({ roundId: pulseInvitations.roundId, userId: pulseInvitations.userId }).from(pulseInvitations).where(inArray(pulseInvitations.roundId, rounds.map((r) => r.id)))
    : [];
  return rounds.map((r) => ({ ...r, invitees: invited.filter((i) => i.roundId === r.id).map((i) => i.userId).sort() }));
}

async function storeRound(tx: Tx, teamId: string, engagementId: string, round: PlannedRound, now: Date): Promise<void> {
  const [row] = await tx
    .insert(pulseRounds)
    .values({ teamId, engagementId, stage: round.stage, opensAt: round.opensAt, closesAt: round.closesAt })
    .onConflictDoUpdate({
      target: [pulseRounds.engagementId, pulseRounds.stage],
      set: { opensAt: round.opensAt, closesAt: round.closesAt },
      // Once a round has opened, its window is the one the stakeholders were told.
      setWhere: sql`${pulseRounds.opensAt} > ${now.toISOString()}::timestamptz`,
    })
    .returning({ id: pulseRounds.id });
  if (!row) return;
  await tx.delete(pulseInvitations).where(and(eq(pulseInvitations.roundId, row.id), notInArray(pulseInvitations.userId, round.invitees)));
  await tx
    .insert(pulseInvitations)
    .values(round.invitees.map((userId) => ({ teamId, roundId: row.id, userId })))
    .onConflictDoNothing();
}

/** Plans and stores the engagement's rounds; returns the messages they call for. */
export async function syncPulsePlan(tx: Tx, input: PulsePlanInput): Promise<PulseSpec[]> {
  const { teamId, engagement, now } = input;
  const [stakeholders, [contracted], stored] = await Promise.all([
    tx.select({ userId: pulseStakeholders.userId, at: pulseStakeholders.createdAt }).from(pulseStakeholders).where(and(eq(pulseStakeholders.teamId, teamId), eq(pulseStakeholders.engagementId, engagement.id))),
    tx.select({ at: min(targets.createdAt) }).from(targets).where(and(eq(targets.teamId, teamId), eq(targets.engagementId, engagement.id))),
    loadStoredRounds(tx, teamId, engagement.id),
  ]);
  if (stakeholders.length === 0 && stored.length === 0) return [];
  const namedAt = stakeholders.length ? new Date(Math.min(...stakeholders.map((s) => s.at.getTime()))) : null;
  const rounds = planRounds({
    contractedAt: contracted?.at ?? null,
    stakeholders: input.ended ? [] : stakeholders.map((s) => s.userId).sort(),
    namedAt,
    stored: stored as StoredRound[],
    reviews: input.reviews,
    hours: input.hours,
    now,
  });
  for (const round of rounds.filter((r) => !r.fixed)) await storeRound(tx, teamId, engagement.id, round, now);
  // A round that has not opened and is no longer planned (its review dropped) goes.
  const planned = rounds.map((r) => r.stage);
  const unopened = stored.filter((r) => r.opensAt > now && !planned.includes(r.stage)).map((r) => r.id);
  if (unopened.length) await tx.delete(pulseRounds).where(and(inArray(pulseRounds.id, unopened), gt(pulseRounds.opensAt, now)));
  const sharedAt = new Map<PulseStage, Date | null>(stored.map((r) => [r.stage, r.sharedAt]));
  return planPulse({ engagement, rounds: rounds.map((r) => ({ ...r, sharedAt: sharedAt.get(r.stage) ?? null })), hours: input.hours });
}
