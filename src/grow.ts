// Starts Grow's roles in this process: opens and migrates the database, connects Redis,
// and runs the web role, the worker, or both. `src/main.ts` calls it for `npm start`;
// the demo calls it in-process so it can share the embedded database.
import { openDatabase, type Database } from '../db/client.js';
import { migrateDatabase } from '../db/migrate.js';
import { syncEngagementPlan } from '../db/plan-sync.js';
import { createHandOff, createNudgeHandOff } from '../jobs/hand-off.js';
import { createSendQueue } from '../jobs/queues.js';
import { defaultReconcileSettings } from '../jobs/reconcile.js';
import { connectRedis, pingRedis } from '../jobs/redis.js';
import { startWorker, type RunningWorker, type WorkerOptions } from '../jobs/worker.js';
import type { Config } from './config.js';
import { checkKeysOnSample, encryptLegacyPlaintext } from '../db/encrypted-columns.js';
import { createCipher, developmentKeyPath, loadDevelopmentKey, type Cipher } from './crypto.js';
import { createAppSurface } from './app-surface.js';
import type { DatabaseOutage } from './database-outage.js';
import { describeDatabaseUrl, waitUntilReachable, watchDependencies, type DependencyWatch } from './dependency-watch.js';
import type { Logger } from './logger.js';
import { createTokenResolver } from './platform/tokens.js';
import { closeQueueViews, openQueueViews } from '../jobs/queue-views.js';
import { createAdminRoutes } from './http/admin/admin-routes.js';
import { startOpsServer } from './http/ops-server.js';
import { createMetrics } from './http/metrics.js';
import { startWeb, type WebHandle } from './web.js';

export interface RunningGrow {
  database: Database;
  cipher: Cipher;
  web?: WebHandle;
  worker?: RunningWorker;
  /** Stops taking work, finishes what is in flight, closes connections. */
  close(): Promise<void>;
}

/** The configured keys do not read what is stored: Grow refuses to run. */
export class KeyMismatchError extends Error {
  constructor(readonly column: string, readonly code: string) {
    super(`Grow cannot start: ENCRYPTION_KEY does not decrypt the stored ${column} values (${code}). Set the key this database was written with (list old keys after the new one while rotating).`);
    this.name = 'KeyMismatchError';
  }
}

/**
 * The HTTP side listens first, so /readyz can name a missing dependency while Grow waits
 * for Postgres (then migrates) and for Redis (then starts the worker), retrying with backoff.
 */
export async function startGrow(
  config: Config,
  logger: Logger,
  workerOverrides: Partial<WorkerOptions> = {},
  watch: DependencyWatch = watchDependencies(logger),
  /** Summarises Postgres lost after start (src/database-outage.ts); its logger screens through it. */
  outage?: DatabaseOutage,
): Promise<RunningGrow> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir });
  const cipher = createCipher(config.encryptionKeys ?? loadDevelopmentKey(developmentKeyPath(config)));
  const redis = connectRedis(config.redisUrl, logger, watch);
  const resolveBotToken = createTokenResolver(config, database.db, cipher);
  const now = () => new Date();
  const settings = { rhythm: config.rhythm, defaultWorkingHours: config.defaultWorkingHours };
  // What a re-plan makes due soon goes to the queue once its transaction has committed;
  // the reconciler is only the safety net (a Redis outage, a crash in between).
  const sendQueue = createSendQueue({ connection: redis, prefix: config.queuePrefix }, workerOverrides.sendRetry);
  const handOffDeps = {
    db: database.db,
    queue: sendQueue,
    connection: redis,
    logger,
    now,
    horizonMs: workerOverrides.reconcile?.horizonMs ?? defaultReconcileSettings.horizonMs,
  };
  const handOff = createHandOff(handOffDeps);
  const handOffNudges = createNudgeHandOff(handOffDeps);
  const replan = async (teamId: string, engagementId: string) => {
    await syncEngagementPlan(database.db, { teamId, engagementId, now: now(), ...settings });
    await handOff(teamId, engagementId);
  };
  const queueViews = openQueueViews(redis, config.queuePrefix);
  const readiness = { postgres: () => database.ping(), redis: () => pingRedis(redis) };
  const metrics = createMetrics({ db: database.db, queues: queueViews });
  const web =
    config.role === 'worker'
      ? undefined
      : await startWeb({
          deps: { config, db: database.db, cipher, logger, now, ...settings, resolveBotToken, replan, handOff, handOffNudges },
          extensions: createAppSurface(),
          readiness,
          metrics,
          admin: createAdminRoutes({
            adminToken: config.adminToken,
            adminWrite: config.adminWrite,
            secureCookie: config.env === 'production',
            db: database.db,
            queues: queueViews,
          }),
        });
  const ops = config.role === 'worker' ? await startOpsServer({ port: config.port, logger, readiness, metrics }) : undefined;

  const where = describeDatabaseUrl(config.databaseUrl);
  const howToFix = `Postgres is not reachable at ${where}: start it, or fix DATABASE_URL (user, host, port, database)`;
  await waitUntilReachable('postgres', () => database.ping(), watch, howToFix);
  outage?.follow({ ping: () => database.ping(), watch, howToFix });
  if (config.runMigrations) await migrateDatabase(database, config.databaseUrl);
  // A wrong key must stop Grow here, not surface later as unreadable check-ins.
  const keyCheck = await checkKeysOnSample(database.db, cipher);
  if (!keyCheck.ok) {
    await web?.close();
    await ops?.close();
    await closeQueueViews(queueViews);
    redis.disconnect();
    watch.close();
    await database.close();
    throw new KeyMismatchError(keyCheck.column, keyCheck.code);
  }
  // Only once the key is known good: ratings and permalinks stored in clear are sealed now.
  await encryptLegacyPlaintext(database.db, cipher);
  // Waits for Redis: BullMQ workers become ready only once it answers.
  const worker =
    config.role === 'web'
      ? undefined
      : await startWorker({ config, db: database.db, logger, cipher, resolveBotToken, watch, ...workerOverrides });
  logger.info({ database: database.kind }, 'Grow is running');
  return {
    database,
    cipher,
    web,
    worker,
    async close() {
      await web?.close();
      await ops?.close();
      await closeQueueViews(queueViews);
      await worker?.close();
      await sendQueue.close().catch(() => {});
      redis.disconnect();
      watch.close();
      await database.close();
    },
  };
}
