// Starts Grow's roles in this process: opens and migrates the database, connects Redis,
// and runs the web role, the worker, or both. `src/main.ts` calls it for `npm start`;
// the demo calls it in-process so it can share the embedded database.
import { openDatabase, type Database } from '../db/client.js';
import { migrateDatabase } from '../db/migrate.js';
import { syncEngagementPlan } from '../db/plan-sync.js';
import { connectRedis, pingRedis } from '../jobs/redis.js';
import { startWorker, type RunningWorker, type WorkerOptions } from '../jobs/worker.js';
import type { Config } from './config.js';
import { checkKeysOnSample } from '../db/encrypted-columns.js';
import { createCipher, developmentKeyPath, loadDevelopmentKey, type Cipher } from './crypto.js';
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

/** The configured keys do not read what is stored: Grow refuses to run. */
export class KeyMismatchError extends Error {
  constructor(readonly column: string, readonly code: string) {
    super(`Grow cannot start: ENCRYPTION_KEY does not decrypt the stored ${column} values (${code}). Set the key this database was written with (list old keys after the new one while rotating).`);
    this.name = 'KeyMismatchError';
  }
}

export async function startGrow(config: Config, logger: Logger, workerOverrides: Partial<WorkerOptions> = {}): Promise<RunningGrow> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir });
  if (config.runMigrations) await migrateDatabase(database, config.databaseUrl);
  const cipher = createCipher(config.encryptionKeys ?? loadDevelopmentKey(developmentKeyPath(config)));
  // A wrong key must stop Grow here, not surface later as unreadable check-ins.
  const keyCheck = await checkKeysOnSample(database.db, cipher);
  if (!keyCheck.ok) {
    await database.close();
    throw new KeyMismatchError(keyCheck.column, keyCheck.code);
  }
  const redis = connectRedis(config.redisUrl, logger);
  const resolveBotToken = createTokenResolver(config, database.db, cipher);
  const now = () => new Date();

  const worker =
    config.role === 'web' ? undefined : await startWorker({ config, db: database.db, logger, cipher, resolveBotToken, extraSubjects: createNudgeSubjects(), ...workerOverrides });
  const settings = { rhythm: config.rhythm, defaultWorkingHours: config.defaultWorkingHours };
  const replan = async (teamId: string, engagementId: string) => {
    await syncEngagementPlan(database.db, { teamId, engagementId, now: now(), ...settings });
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
      redis.disconnect();
      await database.close();
    },
  };
}
