// A delivery test bench: a fresh migrated database, the Slack emulator with one
// workspace and a unique BullMQ prefix, with real workers started against all three.
import { randomBytes } from 'node:crypto';
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
import { BOT_TOKEN, BOT_USER, COACH, TEAM } from './seed.js';

export { BOT_TOKEN, BOT_USER, COACH, TEAM };


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
  const key = options.encryptionKey ?? randomBytes(32);
  const config = parseConfig(
    {
      NODE_ENV: 'test',
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_API_URL: emu.url,
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: prefix,
      DATABASE_URL: db.url,
      ENCRYPTION_KEY: key.toString('base64'),
      // Tests run the reconciler by hand; the scheduler stays out of the way.
      RECONCILE_EVERY_MS: String(3_600_000),
    },
    'worker',
  );
  const cipher = createCipher(key);
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
        // The rows a test plans are the only ones it sends; tests of coach planning ask for it.
        coachPlanning: false,
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

export { deliveredNudgeIds, insertNudges, nudgeRow, seedLeader, sleep, statusCounts, waitFor, type SeededLeader } from './seed.js';
