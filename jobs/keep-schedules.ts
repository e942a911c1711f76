// Keeps the recurring work alive whatever happens to Redis. The reconcile loop runs from
// this process's own timer, not from a BullMQ scheduler: a scheduler lives only in Redis,
// so FLUSHALL or a Redis restart without persistence would delete the very job that puts
// everything back. Postgres is the truth, so Postgres also says who reconciles: each pass
// takes a transaction-scoped advisory lock, and a worker that finds it taken skips its
// turn (several workers then share one pass per interval instead of stacking them). The
// hourly schedulers (coach planning, time-zone refresh) stay in BullMQ, where their jobs
// are spread over workers, but are re-created whenever the Redis connection becomes ready
// (start, reconnect) and whenever this process's timer finds them missing.
import { sql } from 'drizzle-orm';
import type { Redis } from 'ioredis';
import type { Db } from '../db/client.js';
import { rowsOf } from '../db/client.js';
import type { Logger } from '../src/logger.js';
import type { GrowQueue } from './queues.js';
import { collectDue, enqueueDue, type ReconcileDeps, type ReconcileResult } from './reconcile.js';

/** Any 64-bit number no other feature locks on; "grow" "rcnl" in ASCII. */
const RECONCILE_LOCK = 0x67726f77_72636e6cn;

/** A recurring job that lives in Redis: whether it still exists there, and how to re-create it. */
export interface KeptSchedule {
  name: string;
  exists(): Promise<boolean>;
  create(): Promise<void>;
}

/** A job that runs every `everyMs` with no payload, kept under its queue's own name. */
export function repeatingSchedule(queue: GrowQueue<'refresh-time-zones' | 'apply-retention' | 'plan-coach-nudges'>, everyMs: number): KeptSchedule {
  const name = queue.name;
  const upsert = queue.upsertJobScheduler.bind(queue) as (id: string, repeat: { every: number }, template: { name: string; data: object }) => Promise<unknown>;
  return {
    name,
    exists: async () => (await queue.getJobScheduler(name)) !== undefined,
    create: async () => {
      await upsert(name, { every: everyMs }, { name, data: {} });
    },
  };
}

export interface KeeperOptions {
  connection: Redis;
  db: Db;
  logger: Logger;
  reconcile: Omit<ReconcileDeps, 'db'>;
  everyMs: number;
  now: () => Date;
  schedules: KeptSchedule[];
}

export interface ScheduleKeeper {
  /** The first pass, at start: schedules ensured and the queue filled from Postgres. */
  started: Promise<void>;
  /** One guarded reconcile pass (undefined when another worker holds the lock or Redis is down). */
  tick(): Promise<ReconcileResult | undefined>;
  stop(): Promise<void>;
}

/** A Redis call that never waits longer than `ms`; the next tick tries again. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Reads what is due inside a transaction holding the advisory lock, then queues it after
 * commit; undefined when another worker has the lock. Nothing but Postgres is awaited in
 * the transaction: a callback still waiting on Redis when its connection is killed would
 * go on issuing queries after postgres.js gave up on the transaction, onto a dead or
 * reused connection, where they never settle.
 */
export async function reconcileUnderLock(deps: ReconcileDeps, now: Date, enqueueTimeoutMs: number): Promise<ReconcileResult | undefined> {
  const due = await deps.db.transaction(async (tx) => {
    const [row] = rowsOf<{ locked: boolean }>(await tx.execute(sql`select pg_try_advisory_xact_lock(${RECONCILE_LOCK}) as locked`));
    if (!row?.locked) return undefined;
    return collectDue({ ...deps, db: tx as unknown as Db }, now);
  });
  if (!due) return undefined;
  // A Redis that stops answering mid-pass must not hold up the loop; the next pass re-reads.
  return within(enqueueDue(deps, due, now), enqueueTimeoutMs, 'reconcile');
}

export function startScheduleKeeper(options: KeeperOptions): ScheduleKeeper {
  const { connection, logger } = options;
  const timeoutMs = Math.max(5_000, options.everyMs);
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;

  const ensureSchedules = async () => {
    for (const schedule of options.schedules) {
      if (await within(schedule.exists(), timeoutMs, schedule.name)) continue;
      await within(schedule.create(), timeoutMs, schedule.name);
      logger.info({ schedule: schedule.name }, 'recurring job scheduled');
    }
  };
  const pass = async (): Promise<ReconcileResult | undefined> => {
    // While Redis is away nothing can be queued; Postgres keeps every row for later.
    if (stopped || connection.status !== 'ready') return undefined;
    await ensureSchedules();
    // A transaction whose connection was dropped can stay unsettled; the loop must go on.
    const result = await within(reconcileUnderLock({ ...options.reconcile, db: options.db }, options.now(), timeoutMs), 2 * timeoutMs, 'reconcile pass');
    if (result && result.enqueued > 0) logger.debug({ ...result }, 'reconciled');
    return result;
  };
  // One pass at a time: a slow pass delays the next instead of running beside it.
  const tick = () => {
    const next = running.then(pass, pass);
    running = next.catch((error: unknown) => {
      const err = error as { code?: string; message?: string };
      logger.warn({ err: { code: err.code, message: err.message } }, 'reconcile pass failed; the next one retries');
    });
    return next;
  };
  const background = () => void tick().catch(() => {});
  const timer = setInterval(background, options.everyMs);
  connection.on('ready', background);

  return {
    started: tick().then(() => undefined, () => undefined),
    tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      connection.off('ready', background);
      await running;
    },
  };
}
