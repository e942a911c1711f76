// Status transitions of a `nudges` row (pending → sending → sent | skipped | cancelled |
// failed) and the reconciler's selection. Every transition names the state it leaves in
// its WHERE clause, so two workers can never both move the same row.
import { and, eq, getTableColumns, inArray, lte, sql } from 'drizzle-orm';
import { rowsOf, type Db } from './client.js';
import type { Person } from './people.js';
import { engagements, nudges, people } from './schema/index.js';

export type NudgeRow = typeof nudges.$inferSelect;
export type ClosedStatus = 'skipped' | 'cancelled' | 'failed';

/** A pending row due by `now` becomes `sending`, once; null when someone else has it. */
export async function claimNudge(db: Db, nudgeId: string, now: Date): Promise<NudgeRow | null> {
  return (await claimNudgeToSend(db, nudgeId, now))?.row ?? null;
}

/** What the sender reads about a row's engagement before the kind decides. */
export type RowEngagement = Pick<typeof engagements.$inferSelect, 'status' | 'style' | 'createdAt'>;

export interface ClaimedNudge {
  row: NudgeRow;
  /** The recipient as Grow knows them; undefined for someone not met yet. */
  person: Person | undefined;
  /** The row's engagement; undefined when the row has none or it is gone. */
  engagement: RowEngagement | undefined;
}

/**
 * The claim, and in the same statement the recipient and the row's engagement that every
 * send reads next: one round trip where a Monday burst's send would otherwise spend three.
 */
export async function claimNudgeToSend(db: Db, nudgeId: string, now: Date): Promise<ClaimedNudge | null> {
  const claimed = db.$with('claimed').as(
    db
      .update(nudges)
      .set({ status: 'sending', claimedAt: now, attempts: sql`${nudges.attempts} + 1`, updatedAt: now })
      .where(and(eq(nudges.id, nudgeId), eq(nudges.status, 'pending'), lte(nudges.dueAt, now)))
      .returning(),
  );
  const [found] = await db
    .with(claimed)
    .select({ row: claimedColumns(claimed), person: people, engagement: { status: engagements.status, style: engagements.style, createdAt: engagements.createdAt } })
    .from(claimed)
    .leftJoin(people, and(eq(people.teamId, claimed.teamId), eq(people.userId, claimed.recipientId)))
    .leftJoin(engagements, and(eq(engagements.id, claimed.engagementId), eq(engagements.teamId, claimed.teamId)));
  if (!found) return null;
  return { row: found.row as NudgeRow, person: found.person ?? undefined, engagement: found.engagement ?? undefined };
}

/** Every column of `nudges` as the claim's CTE returns it, under the row's own field names. */
function claimedColumns<T extends Record<keyof NudgeRow, unknown>>(claimed: T): { [K in keyof NudgeRow]: T[K] } {
  return Object.fromEntries(Object.keys(getTableColumns(nudges)).map((k) => [k, claimed[k as keyof NudgeRow]])) as { [K in keyof NudgeRow]: T[K] };
}

export async function findNudge(db: Db, nudgeId: string): Promise<NudgeRow | null> {
  const [row] = await db.select().from(nudges).where(eq(nudges.id, nudgeId));
  return row ?? null;
}

export interface ReleaseOptions {
  /** When it may be tried again; unchanged when omitted (a retry of the same job). */
  dueAt?: Date;
  reason: string;
  /**
   * True when this claim never reached chat.postMessage, so the next claim need not
   * search the DM history for a message that cannot exist.
   */
  refundAttempt: boolean;
  now: Date;
}

/** A claimed row goes back to pending, to be tried again by a later job. */
export async function releaseNudge(db: Db, nudgeId: string, options: ReleaseOptions): Promise<void> {
  await db
    .update(nudges)
    .set({
      status: 'pending',
      reason: options.reason,
      updatedAt: options.now,
      ...(options.dueAt ? { dueAt: options.dueAt } : {}),
      ...(options.refundAttempt ? { attempts: sql`greatest(${nudges.attempts} - 1, 0)` } : {}),
    })
    .where(and(eq(nudges.id, nudgeId), eq(nudges.status, 'sending')));
}

/** Ends a claimed row without sending it. */
/** False when the row was already closed (another job got there first). */
export async function closeNudge(db: Db, nudgeId: string, status: ClosedStatus, reason: string, now: Date): Promise<boolean> {
  const closed = await db
    .update(nudges)
    .set({ status, reason, updatedAt: now })
    .where(and(eq(nudges.id, nudgeId), inArray(nudges.status, ['sending', 'pending'])))
    .returning({ id: nudges.id });
  return closed.length > 0;
}

export interface SentMark {
  channelId: string;
  messageTs: string;
  now: Date;
}

/**
 * Records a message that is in Slack. A row the reconciler put back to pending meanwhile
 * is still marked: the message exists, and saying so is what stops a second post. A sent
 * follow-up counts toward the leader's unanswered streak (the answer resets it).
 */
export async function markNudgeSent(db: Db, row: Pick<NudgeRow, 'id' | 'teamId' | 'recipientId' | 'kind'>, mark: SentMark): Promise<boolean> {
  const markSent = db
    .update(nudges)
    .set({ status: 'sent', sentAt: mark.now, channelId: mark.channelId, messageTs: mark.messageTs, reason: null, updatedAt: mark.now })
    .where(and(eq(nudges.id, row.id), inArray(nudges.status, ['sending', 'pending'])))
    .returning({ id: nudges.id });
  if (row.kind !== 'follow_up') return (await markSent).length > 0;
  // A follow-up writes two rows in one statement (both CTEs run, or neither), so the
  // busiest path spends one round trip on it rather than BEGIN, two updates and COMMIT.
  const sent = db.$with('sent').as(markSent);
  const counted = db.$with('counted').as(
    db
      .update(people)
      .set({ unansweredFollowUps: sql`${people.unansweredFollowUps} + 1` })
      .where(and(eq(people.teamId, row.teamId), eq(people.userId, row.recipientId), sql`exists (select 1 from sent)`))
      .returning({ userId: people.userId }),
  );
  const marked = await db.with(sent, counted).select({ id: sent.id }).from(sent);
  return marked.length > 0;
}

export interface DueNudge {
  id: string;
  teamId: string;
  dueAt: Date;
  repaired: boolean;
}

export interface ReconcileWindow {
  now: Date;
  /** Rows due before now + horizon are handed to BullMQ as delayed jobs. */
  horizonMs: number;
  /** A `sending` row claimed longer ago than this lost its worker. */
  staleSendingMs: number;
  limit: number;
}

/**
 * One statement: puts stale `sending` rows back to pending (due now, so they get a fresh
 * job; their attempt count makes the next claim search the DM history first) and returns
 * them together with every pending row due within the horizon, earliest first (then by
 * id, the order the DND lookups read ahead in).
 */
export async function selectNudgesToEnqueue(db: Db, w: ReconcileWindow): Promise<DueNudge[]> {
  const now = w.now.toISOString();
  const horizon = new Date(w.now.getTime() + w.horizonMs).toISOString();
  const staleBefore = new Date(w.now.getTime() - w.staleSendingMs).toISOString();
  // `id = any(array(…))`, not `id in (…)`: with the subquery's limit as its estimate, the
  // planner joined `in` by hashing after a scan of the whole table (every sent row of
  // the year); an array is looked up through the primary key, row by row.
  const result = await db.execute(sql`
    with repaired as (
      update nudges set status = 'pending', due_at = greatest(due_at, ${now}::timestamptz),
        reason = 'stale_send', enqueued_at = ${now}::timestamptz, updated_at = ${now}::timestamptz
      where id = any(array(
        select id from nudges where status = 'sending' and claimed_at < ${staleBefore}::timestamptz
        order by claimed_at limit ${w.limit} for update skip locked))
      returning id, team_id, due_at, true as repaired
    ), due as (
      update nudges set enqueued_at = ${now}::timestamptz
      where id = any(array(
        select id from nudges where status = 'pending' and due_at <= ${horizon}::timestamptz
        order by due_at limit ${w.limit} for update skip locked))
      returning id, team_id, due_at, false as repaired
    )
    select * from repaired union all select * from due`);
  return rowsOf<{ id: string; team_id: string; due_at: string | Date; repaired: boolean }>(result)
    .map((r) => ({ id: r.id, teamId: r.team_id, dueAt: new Date(r.due_at), repaired: r.repaired }))
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Recipients in a team with something still to send by `until`, in the order the queue
 * runs them (due time, then id): the people whose Do Not Disturb windows are worth
 * reading in the same dnd.teamInfo call.
 */
export async function selectRecipientsDueNext(db: Db, teamId: string, until: Date, limit: number): Promise<string[]> {
  const rows = await db
    .select({ recipientId: nudges.recipientId })
    .from(nudges)
    .where(and(
      eq(nudges.teamId, teamId),
      inArray(nudges.status, ['pending', 'sending']),
      lte(nudges.dueAt, until),
    ))
    .orderBy(nudges.dueAt, nudges.id)
    .limit(limit);
  return [...new Set(rows.map((r) => r.recipientId))];
}

/** Pending rows of one engagement due before `before`: what a verb just planned for soon. */
export async function selectEngagementNudgesDueBefore(db: Db, teamId: string, engagementId: string, before: Date): Promise<DueNudge[]> {
  const rows = await db
    .select({ id: nudges.id, teamId: nudges.teamId, dueAt: nudges.dueAt })
    .from(nudges)
    .where(and(eq(nudges.teamId, teamId), eq(nudges.engagementId, engagementId), eq(nudges.status, 'pending'), lte(nudges.dueAt, before)));
  return rows.map((r) => ({ ...r, repaired: false }));
}
