// A delivery test bench: a fresh migrated database, the Slack emulator with one
// workspace, a unique BullMQ prefix, and helpers to seed engagements and nudge rows and
// to start real workers against all three.
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { nudges, people, sessions, engagements, checkIns, actions } from '../../../db/schema/index.js';
import { parseConfig, type Config } from '../../../src/config.js';
import { createCipher, type Cipher } from '../../../src/crypto.js';
import { createLogger } from '../../../src/logger.js';
import { closeQueues, createQueues, type Queues, type SendRetry } from '../../../jobs/queues.js';
import { reconcileOnce, type ReconcileResult, type ReconcileSettings } from '../../../jobs/reconcile.js';
import { connectRedis } from '../../../jobs/redis.js';
import { startWorker, type RunningWorker, type WorkerOptions } from '../../../jobs/worker.js';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../emulator/index.js';
import { createTestDatabase, type TestDatabase } from '../../support/db.js';
import { clearQueuePrefix, sharedRedisUrl, uniqueQueuePrefix } from '../../support/redis.js';

export const TEAM = 'T0DELIVER1';
export const BOT_TOKEN = 'xoxb-delivery-test-token';
export const BOT_USER = 'U0GROWBOT1';
export const COACH = 'U0COACH001';

export interface DeliveryFixture {
  db: TestDatabase;
  emu: Emulator;
  cipher: Cipher;
  config: Config;
  workers: RunningWorker[];
  /** The test's own handle on the queues (to inspect jobs, or enqueue with no worker running). */
  queues: Queues;
  reconcile(settings?: Partial<ReconcileSettings>, now?: Date): Promise<ReconcileResult>;
  startWorker(overrides?: Partial<WorkerOptions>): Promise<RunningWorker>;
  close(): Promise<void>;
}

export interface FixtureOptions {
  /** Redis for the queues; the shared one by default. */
  redisUrl?: string;
  emulator?: Partial<EmulatorOptions>;
  /** Key for free text, when another process must read what this one encrypts. */
  encryptionKey?: Buffer;
  /** Retry policy of send jobs, whichever side (test or worker) enqueues them. */
  sendRetry?: SendRetry;
}

export async function startDeliveryFixture(options: FixtureOptions = {}): Promise<DeliveryFixture> {
  const db = await createTestDatabase();
  const emu = await startEmulator({ signingSecret: 'delivery-secret', rateLimits: { enabled: false }, ...options.emulator });
  emu.addTeam({ id: TEAM, name: 'Acme', botToken: BOT_TOKEN, botUserId: BOT_USER });
  emu.addUser(TEAM, { id: COACH, name: 'cora', tz: 'UTC' });
  const redisUrl = options.redisUrl ?? sharedRedisUrl;
  const prefix = uniqueQueuePrefix('jobs');
  const config = parseConfig(
    {
      NODE_ENV: 'test',
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_API_URL: emu.url,
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: prefix,
      DATABASE_URL: db.url,
      // Tests run the reconciler by hand; the scheduler stays out of the way.
      RECONCILE_EVERY_MS: String(3_600_000),
    },
    'worker',
  );
  const cipher = createCipher(options.encryptionKey ?? randomBytes(32));
  const logger = createLogger('silent');
  const workers: RunningWorker[] = [];
  const connection = connectRedis(redisUrl, logger);
  const sendRetry = options.sendRetry ?? { attempts: 3, backoffMs: 200 };
  const queues = createQueues({ connection, prefix }, sendRetry);
  return {
    db,
    emu,
    cipher,
    config,
    workers,
    queues,
    reconcile: (settings, now) => reconcileOnce({ db: db.db, sendQueue: queues.sendNudge, logger, settings }, now),
    async startWorker(overrides = {}) {
      const worker = await startWorker({
        config,
        db: db.db,
        logger,
        cipher,
        resolveBotToken: async () => BOT_TOKEN,
        sendRetry,
        ...overrides,
      });
      workers.push(worker);
      return worker;
    },
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      await closeQueues(queues);
      connection.disconnect();
      await clearQueuePrefix(redisUrl, prefix).catch(() => {});
      await emu.close();
      await db.drop();
    },
  };
}

export interface SeededLeader {
  leaderId: string;
  engagementId: string;
  sessionId: string;
  actionId: string;
}

/** A leader (in Slack and in `people`) with an active engagement, a future session and an open action. */
export async function seedLeader(
  f: DeliveryFixture,
  leaderId: string,
  person: Partial<typeof people.$inferInsert> = {},
  options: { inSlack?: boolean } = {},
): Promise<SeededLeader> {
  const tz = person.tz ?? 'UTC';
  if (options.inSlack !== false) f.emu.addUser(TEAM, { id: leaderId, name: leaderId.toLowerCase(), tz });
  // Always at work unless a test says otherwise, so delivery tests do not depend on the hour.
  await f.db.db
    .insert(people)
    .values({ teamId: TEAM, userId: leaderId, tz, workDays: [1, 2, 3, 4, 5, 6, 7], workStartMinute: 0, workEndMinute: 1440, ...person });
  const [engagement] = await f.db.db
    .insert(engagements)
    .values({ teamId: TEAM, coachId: COACH, leaderId, status: 'active', startDate: '2026-01-05' })
    .returning();
  const [session] = await f.db.db
    .insert(sessions)
    .values({ teamId: TEAM, engagementId: engagement!.id, seq: 1, scheduledAt: new Date(Date.now() + 30 * 86_400_000) })
    .returning();
  const [checkIn] = await f.db.db
    .insert(checkIns)
    .values({
      teamId: TEAM, leaderId, engagementId: engagement!.id,
      goalEnc: f.cipher.encrypt('goal'), realityEnc: f.cipher.encrypt('reality'),
      optionsEnc: f.cipher.encrypt('options'), willEnc: f.cipher.encrypt('will'), commitment: 9,
      createdAt: new Date(Date.now() - 86_400_000),
    })
    .returning();
  const [action] = await f.db.db
    .insert(actions)
    .values({
      teamId: TEAM, leaderId, engagementId: engagement!.id, checkInId: checkIn!.id,
      textEnc: f.cipher.encrypt('Ask <!channel> & the team for feedback'), dueAt: new Date(Date.now() + 7 * 86_400_000),
    })
    .returning();
  return { leaderId, engagementId: engagement!.id, sessionId: session!.id, actionId: action!.id };
}

/** Nudge rows for a seeded leader; session prep by default (no back-off applies to it). */
export async function insertNudges(
  f: DeliveryFixture,
  leader: SeededLeader,
  count: number,
  options: { kind?: 'session_prep' | 'follow_up'; dueAt?: Date } = {},
): Promise<string[]> {
  const kind = options.kind ?? 'session_prep';
  const rows = await f.db.db
    .insert(nudges)
    .values(
      Array.from({ length: count }, (_, i) => ({
        teamId: TEAM,
        recipientId: leader.leaderId,
        engagementId: leader.engagementId,
        sessionId: leader.sessionId,
        kind,
        dedupeKey: `${leader.engagementId}:test:${kind}:${i}:${randomBytes(3).toString('hex')}`,
        dueAt: options.dueAt ?? new Date(Date.now() - 1000),
        ref: (kind === 'follow_up' ? { actionId: leader.actionId } : { sessionId: leader.sessionId }) as Record<string, string>,
      })),
    )
    .returning({ id: nudges.id });
  return rows.map((r) => r.id);
}

export async function nudgeRow(f: DeliveryFixture, id: string) {
  const [row] = await f.db.db.select().from(nudges).where(eq(nudges.id, id));
  if (!row) throw new Error(`no nudge ${id}`);
  return row;
}

export async function statusCounts(f: DeliveryFixture): Promise<Record<string, number>> {
  const rows = await f.db.db.select({ status: nudges.status }).from(nudges);
  return rows.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {});
}

/** Nudge ids carried by the bot's messages in a leader's DM, one per message. */
export function deliveredNudgeIds(f: DeliveryFixture, leaderId: string): string[] {
  return f.emu
    .dmWith(TEAM, leaderId)
    .map((m) => (m.metadata as { event_payload?: { nudge_id?: string } } | undefined)?.event_payload?.nudge_id)
    .filter((id): id is string => typeof id === 'string');
}

export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 15_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
