// Starts Grow's roles in this process: opens and migrates the database, connects Redis,
// and runs the web role, the worker, or both. `src/main.ts` calls it for `npm start`;
// the demo calls it in-process so it can share the embedded database.
import { join } from 'node:path';
import { openDatabase, type Database } from '../db/client.js';
import { migrateDatabase } from '../db/migrate.js';
import { syncEngagementPlan } from '../db/plan-sync.js';
import { createHandOff } from '../jobs/hand-off.js';
import { createSendQueue } from '../jobs/queues.js';
import { defaultReconcileSettings } from '../jobs/reconcile.js';
import { connectRedis, pingRedis } from '../jobs/redis.js';
import { startWorker, type RunningWorker, type WorkerOptions } from '../jobs/worker.js';
import type { Config } from './config.js';
import { createCipher, loadDevelopmentKey, type Cipher } from './crypto.js';
import { createExtensions, createNudgeSubjects } from './extensions.js';
import type { Logger } from './logger.js';
import { createTokenResolver } from './slack/tokens.js';
import { createAdminRoutes } from './http/admin.js';
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

export async function startGrow(config: Config, logger: Logger, workerOverrides: Partial<WorkerOptions> = {}): Promise<RunningGrow> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir });
  if (config.runMigrations) await migrateDatabase(database, config.databaseUrl);
  const cipher = createCipher(config.encryptionKey ?? loadDevelopmentKey(join(config.pgliteDir, '..', 'encryption.key')));
  const redis = connectRedis(config.redisUrl, logger);
  const resolveBotToken = createTokenResolver(config, database.db, cipher);
  const now = () => new Date();

  const worker =
    config.role === 'web' ? undefined : await startWorker({ config, db: database.db, logger, cipher, resolveBotToken, extraSubjects: createNudgeSubjects(), ...workerOverrides });
  const settings = { rhythm: config.rhythm, defaultWorkingHours: config.defaultWorkingHours };
  // What a re-plan makes due soon goes to the queue once its transaction has committed;
  // the reconciler is only the safety net (a Redis outage, a crash in between).
  const sendQueue = createSendQueue({ connection: redis, prefix: config.queuePrefix }, workerOverrides.sendRetry);
  const handOff = createHandOff({
    db: database.db,
    queue: sendQueue,
    connection: redis,
    logger,
    now,
    horizonMs: workerOverrides.reconcile?.horizonMs ?? defaultReconcileSettings.horizonMs,
  });
  const replan = async (teamId: string, engagementId: string) => {
    await syncEngagementPlan(database.db, { teamId, engagementId, now: now(), ...settings });
    await handOff(teamId, engagementId);
  };
  const admin = config.role === 'worker' ? undefined : createAdminRoutes({ adminToken: config.adminToken, db: database.db, redis, queuePrefix: config.queuePrefix });
  const web =
    config.role === 'worker'
      ? undefined
      : await startWeb({
          deps: { config, db: database.db, cipher, logger, now, ...settings, resolveBotToken, replan },
          extensions: createExtensions(),
          readiness: { postgres: () => database.ping(), redis: () => pingRedis(redis) },
          metrics: createMetrics(database.db),
          extraRoutes: admin?.routes,
        });
  logger.info({ database: database.kind }, 'Grow is running');
  return {
    database,
    cipher,
    web,
    worker,
    async close() {
      await web?.close();
      await admin?.close();
      await worker?.close();
      await sendQueue.close().catch(() => {});
      redis.disconnect();
      await database.close();
    },
  };
}
