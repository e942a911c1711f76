// Keeps an engagement's `nudges` rows in step with its plan. Loads what the planner
// needs, asks it, and applies the difference in one transaction: new slots inserted
// (idempotently, by dedupe key), moved or dropped slots changed only while still pending.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { diffPlan, planEngagement, planInvitation, planSponsorAsks, type NudgeSpec, type PlanDiff, type RhythmSettings } from '../src/domain/planner/index.js';
import { ENGAGEMENT_PLAN_KINDS } from '../src/domain/nudge-kinds.js';
import { defaultWorkingHours, type WorkingHours, type WorkingWindow } from '../src/domain/time/index.js';
import type { Db, Tx } from './client.js';
import { workingHoursOf } from './people.js';
import { actions, checkIns, engagements, nudges, people, sessions, targets } from './schema/index.js';
import { isWorkspaceUninstalled } from './workspaces.js';
import { syncPulsePlan } from './pulse-plan.js';

// The kinds this plan owns; rows of other kinds (digests, briefs) are left alone.
const PLANNED_KINDS = [...ENGAGEMENT_PLAN_KINDS];

type Spec = Omit<NudgeSpec, 'kind'> & { kind: string };

export interface PlanSyncInput {
  teamId: string;
  engagementId: string;
  now: Date;
  /** The operator's rhythm (config); the planner's defaults when omitted. */
  rhythm?: Partial<RhythmSettings>;
  /** The operator's window for a leader Grow has no row for yet. */
  defaultWorkingHours?: WorkingWindow;
}

/** What a plan follows besides the engagement's own rows: the operator's settings. */
export type PlanSettings = Pick<PlanSyncInput, 'rhythm' | 'defaultWorkingHours'>;

export interface PlanSyncResult {
  inserted: number;
  rescheduled: number;
  cancelled: number;
  restored: number;
}

async function loadSpecs(tx: Tx, input: PlanSyncInput): Promise<Spec[] | null> {
  // The row lock makes concurrent syncs of one engagement take turns.
  const [engagement] = await tx
    .select()
    .from(engagements)
    .where(and(eq(engagements.id, input.engagementId), eq(engagements.teamId, input.teamId)))
    .for('update');
  if (!engagement) return null;
  const leaderId = engagement.leaderId;
  const [sessionRows, [person], [openAction], [lastCheckIn], [target], [sponsor]] = await Promise.all([
    tx.select().from(sessions).where(eq(sessions.engagementId, engagement.id)),
    tx.select().from(people).where(and(eq(people.teamId, input.teamId), eq(people.userId, leaderId))),
    tx
      .select({ id: actions.id, dueAt: actions.dueAt, snoozedUntil: actions.snoozedUntil, askPrecondition: actions.askPrecondition })
      .from(actions)
      .where(and(eq(actions.teamId, input.teamId), eq(actions.leaderId, leaderId), eq(actions.engagementId, engagement.id), eq(actions.status, 'open')))
      .orderBy(desc(actions.createdAt))
      .limit(1),
    tx
      .select({ at: checkIns.createdAt })
      .from(checkIns)
      .where(and(eq(checkIns.teamId, input.teamId), eq(checkIns.leaderId, leaderId)))
      .orderBy(desc(checkIns.createdAt))
      .limit(1),
    tx.select({ id: targets.id }).from(targets).where(eq(targets.engagementId, engagement.id)).limit(1),
    engagement.sponsorId ? tx.select().from(people).where(and(eq(people.teamId, input.teamId), eq(people.userId, engagement.sponsorId))) : Promise.resolve([]),
  ]);
  // Until Slack has told us about the leader, UTC and the operator's default window stand.
  const window = input.defaultWorkingHours ?? defaultWorkingHours;
  const fallback: WorkingHours = { ...window, tz: 'UTC', workDays: [...window.workDays] };
  const hours: WorkingHours = person ? workingHoursOf(person) : fallback;
  const planFor = (pausedUntil: Date | null, style = engagement.style, mutedKinds = engagement.mutedKinds) =>
    planEngagement({
      engagement: { ...engagement, style, mutedKinds },
      sessions: sessionRows,
      leader: { userId: leaderId, hours, pausedUntil, unansweredFollowUps: person?.unansweredFollowUps ?? 0 },
      openAction: openAction ?? null,
      lastCheckInAt: lastCheckIn?.at ?? null,
      contracting: { acceptedAt: engagement.respondedAt, contracted: target !== undefined },
      rhythm: input.rhythm,
      now: input.now,
    });
  const rhythmSpecs: Spec[] = planFor(person?.pausedUntil ?? null);
  const invitation = planInvitation({ engagement, leader: { userId: leaderId, hours }, rhythm: input.rhythm, now: input.now });
  // An ended or completed engagement still owes the leader the results of a round already open.
  const over = engagement.status === 'ended' || engagement.status === 'completed';
  // The reviews fall when a full, unpaused rhythm would put them, whatever the leader chose to receive.
  const reviews = reviewTimes(person?.pausedUntil || engagement.style !== 'standard' || engagement.mutedKinds.length > 0 ? planFor(null, 'standard', []) : rhythmSpecs);
  const pulseSpecs = engagement.status === 'active' || over ? await syncPulsePlan(tx, { teamId: input.teamId, engagement, hours, ended: over, reviews, now: input.now }) : [];
  const sponsorSpecs = planSponsorAsks({ engagement, sponsorHours: sponsor ? workingHoursOf(sponsor) : fallback, closingReviewAt: reviews.closing });
  return [...(invitation ? [invitation] : []), ...rhythmSpecs, ...pulseSpecs, ...sponsorSpecs];
}

/** The stakeholders' rounds close on the leader's reviews, paused or not, sent or not. */
const reviewTimes = (specs: Spec[]) => ({
  midpoint: specs.find((s) => s.kind === 'midpoint_review')?.dueAt ?? null,
  closing: specs.find((s) => s.kind === 'closing_review')?.dueAt ?? null,
});

/** `update … from (values …)`: many rows, each its own due time, in one statement. */
function valuesList(rows: { id: string; dueAt: Date }[]) {
  return sql.join(
    rows.map((r) => sql`(${r.id}::uuid, ${r.dueAt.toISOString()}::timestamptz)`),
    sql`, `,
  );
}

async function applyDiff(tx: Tx, input: PlanSyncInput, engagementId: string, diff: PlanDiff<Spec>): Promise<void> {
  const now = input.now.toISOString();
  if (diff.insert.length > 0) {
    await tx
      .insert(nudges)
      .values(
        diff.insert.map((s) => ({
          teamId: input.teamId,
          recipientId: s.recipientId,
          engagementId,
          sessionId: s.sessionId ?? null,
          kind: s.kind,
          dedupeKey: s.dedupeKey,
          dueAt: s.dueAt,
          ref: s.ref,
        })),
      )
      .onConflictDoNothing({ target: [nudges.teamId, nudges.dedupeKey] });
  }
  const timeOnly = diff.reschedule.filter((m) => !m.session);
  if (timeOnly.length > 0) {
    await tx.execute(sql`update nudges set due_at = v.due_at, updated_at = ${now}::timestamptz
      from (values ${valuesList(timeOnly)}) as v(id, due_at)
      where nudges.id = v.id and nudges.status = 'pending'`);
  }
  // Rare (a once-only review following another session after a cancellation): one by one.
  for (const move of diff.reschedule.filter((m) => m.session)) {
    await tx
      .update(nudges)
      .set({ dueAt: move.dueAt, sessionId: move.session!.sessionId, ref: move.session!.ref, updatedAt: input.now })
      .where(and(eq(nudges.id, move.id), eq(nudges.status, 'pending')));
  }
  if (diff.restore.length > 0) {
    await tx.execute(sql`update nudges set status = 'pending', due_at = v.due_at, reason = null, updated_at = ${now}::timestamptz
      from (values ${valuesList(diff.restore)}) as v(id, due_at)
      where nudges.id = v.id and nudges.status = 'cancelled'`);
    for (const move of diff.restore.filter((m) => m.session)) {
      await tx.update(nudges).set({ sessionId: move.session!.sessionId, ref: move.session!.ref }).where(eq(nudges.id, move.id));
    }
  }
  if (diff.cancel.length > 0) {
    await tx
      .update(nudges)
      .set({ status: 'cancelled', reason: 'replanned', updatedAt: input.now })
      .where(and(inArray(nudges.id, diff.cancel), eq(nudges.status, 'pending')));
  }
}

/** Re-plans one engagement. Call after any change to it, its sessions, its actions or check-ins. */
export async function syncEngagementPlan(db: Db, input: PlanSyncInput): Promise<PlanSyncResult> {
  return db.transaction(async (tx) => {
    // An uninstalled workspace gets nothing new; its re-install re-plans from here.
    const specs = (await isWorkspaceUninstalled(tx, input.teamId)) ? null : await loadSpecs(tx, input);
    if (!specs) return { inserted: 0, rescheduled: 0, cancelled: 0, restored: 0 };
    const existing = await tx
      .select({ id: nudges.id, dedupeKey: nudges.dedupeKey, dueAt: nudges.dueAt, status: nudges.status, sessionId: nudges.sessionId })
      .from(nudges)
      .where(and(eq(nudges.teamId, input.teamId), eq(nudges.engagementId, input.engagementId), inArray(nudges.kind, PLANNED_KINDS)));
    const diff = diffPlan(existing, specs);
    await applyDiff(tx, input, input.engagementId, diff);
    return { inserted: diff.insert.length, rescheduled: diff.reschedule.length, cancelled: diff.cancel.length, restored: diff.restore.length };
  });
}

/** The engagements a leader has that still plan nudges (invited or active). */
export async function liveEngagementIdsOf(db: Db, teamId: string, leaderId: string): Promise<string[]> {
  const rows = await db
    .select({ id: engagements.id })
    .from(engagements)
    .where(and(eq(engagements.teamId, teamId), eq(engagements.leaderId, leaderId), inArray(engagements.status, ['invited', 'active'])));
  return rows.map((r) => r.id);
}

/** Re-plans every live engagement a leader has (after their zone, working hours or pause changed). */
export async function syncLeaderPlans(db: Db, input: { teamId: string; leaderId: string; now: Date } & PlanSettings): Promise<void> {
  const settings: PlanSettings = { rhythm: input.rhythm, defaultWorkingHours: input.defaultWorkingHours };
  for (const id of await liveEngagementIdsOf(db, input.teamId, input.leaderId)) {
    await syncEngagementPlan(db, { teamId: input.teamId, engagementId: id, now: input.now, ...settings });
  }
}
