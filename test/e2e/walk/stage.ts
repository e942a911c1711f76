// The stage a walk through Grow plays on: the Slack emulator, the database Grow writes
// to, and the one way time moves forward — a pending nudge's `due_at` set to now, then
// the real worker delivering it. Shared by the end-to-end suite and `npm run demo`.
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import type { NudgeRow } from '../../../db/nudges.js';
import { nudges, people } from '../../../db/schema/index.js';
import type { Emulator, Json } from '../../emulator/index.js';

export interface Stage {
  emu: Emulator;
  db: Db;
  teamId: string;
  /**
   * Runs after a nudge was moved to now. Left out, the scheduled reconcile picks the row
   * up within RECONCILE_EVERY_MS; the demo reconciles at once to keep its pace.
   */
  kick?: () => Promise<unknown>;
  /**
   * Wraps each delivery. The demo keeps real office hours for planning and opens the
   * recipient's window only for the moment of delivery, since it runs at any hour.
   */
  aroundDelivery?: (row: NudgeRow, deliver: () => Promise<Delivered>) => Promise<Delivered>;
}

/** Polls until `check` gives a value (not undefined/false), or fails naming `what`. */
export async function poll<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, ms = 10_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Waits until the app has made no Slack call for `quietMs`: what it was doing is done. */
export async function quiet(emu: Emulator, quietMs = 250): Promise<void> {
  let count = -1;
  while (count !== emu.calls.length) {
    count = emu.calls.length;
    await new Promise((r) => setTimeout(r, quietMs));
  }
}

/** A working window of every day, all day, so delivery never waits for office hours. */
export async function openWorkingWindow(stage: Stage, userId: string, tz: string): Promise<void> {
  const always = { tz, workDays: [1, 2, 3, 4, 5, 6, 7], workStartMinute: 0, workEndMinute: 1440 };
  await stage.db
    .insert(people)
    .values({ teamId: stage.teamId, userId, ...always })
    .onConflictDoUpdate({ target: [people.teamId, people.userId], set: always });
  stage.emu.setUserDnd(stage.teamId, userId, undefined);
}

export async function nudgeById(stage: Stage, id: string): Promise<NudgeRow> {
  const [row] = await stage.db.select().from(nudges).where(eq(nudges.id, id));
  if (!row) throw new Error(`no nudge ${id}`);
  return row;
}

/** The nudge of a kind planned for an engagement, whatever its status (e.g. an invitation). */
export async function engagementNudge(stage: Stage, engagementId: string, kind: string, ms = 5_000): Promise<NudgeRow> {
  return poll(`a ${kind} nudge for engagement ${engagementId}`, async () => {
    const [row] = await stage.db
      .select()
      .from(nudges)
      .where(and(eq(nudges.engagementId, engagementId), eq(nudges.kind, kind)))
      .orderBy(asc(nudges.dueAt))
      .limit(1);
    return row;
  }, ms);
}

/** The earliest pending nudge of a kind for a person, waiting a moment for it to be planned. */
export async function pendingNudge(stage: Stage, recipientId: string, kind: string, ms = 5_000): Promise<NudgeRow> {
  return poll(`a pending ${kind} nudge for ${recipientId}`, async () => {
    const [row] = await stage.db
      .select()
      .from(nudges)
      .where(and(eq(nudges.teamId, stage.teamId), eq(nudges.recipientId, recipientId), eq(nudges.kind, kind), eq(nudges.status, 'pending')))
      .orderBy(asc(nudges.dueAt))
      .limit(1);
    return row;
  }, ms);
}

export interface Delivered {
  row: NudgeRow;
  /** When Grow had planned to send it, before the walk moved it to now. */
  plannedAt: Date;
  message: Json;
  where: { channel: string; ts: string };
}

const SETTLED = new Set(['sent', 'skipped', 'cancelled', 'failed']);

/**
 * Moves a pending nudge to now and waits for the real worker to post it. A nudge that
 * was due already may be on its way by itself; then this only waits for it.
 */
export async function deliverNudge(stage: Stage, row: NudgeRow, ms = 15_000): Promise<Delivered> {
  const deliver = async (): Promise<Delivered> => {
    const done = await settleNudge(stage, row, ms);
    if (done.status !== 'sent' || !done.channelId || !done.messageTs) {
      throw new Error(`the ${row.kind} nudge was not sent: ${done.status} (${done.reason ?? 'no reason'})`);
    }
    const where = { channel: done.channelId, ts: done.messageTs };
    const message = stage.emu.messagesIn(stage.teamId, where.channel).find((m) => m.ts === where.ts);
    if (!message) throw new Error(`the ${row.kind} nudge is marked sent but Slack has no such message`);
    return { row: done, plannedAt: row.dueAt, message, where };
  };
  return stage.aroundDelivery ? stage.aroundDelivery(row, deliver) : deliver();
}

/** Moves a pending nudge to now and waits for the worker to settle it, whatever it decides. */
export async function settleNudge(stage: Stage, row: NudgeRow, ms = 15_000): Promise<NudgeRow> {
  const movedAt = new Date();
  if (row.status === 'pending') {
    await stage.db
      .update(nudges)
      .set({ dueAt: movedAt })
      .where(and(eq(nudges.id, row.id), eq(nudges.status, 'pending')));
    await stage.kick?.();
  }
  return poll(`the worker to settle the ${row.kind} nudge`, async () => {
    const now = await nudgeById(stage, row.id);
    if (SETTLED.has(now.status)) return now;
    // Released back to pending with a later time: the sender deferred it (hours, DND).
    if (now.status === 'pending' && now.reason && now.dueAt > movedAt) return now;
    return undefined;
  }, ms);
}
