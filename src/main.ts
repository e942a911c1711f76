// Grow's entrypoint. `npm start` runs the web and worker roles in one process;
// `--role=web` or `--role=worker` runs one of them (production scales each out).
import { join } from 'node:path';
import { openDatabase } from '../db/client.js';
import { migrateDatabase } from '../db/migrate.js';
import { syncEngagementPlan } from '../db/plan-sync.js';
import { connectRedis, pingRedis } from '../jobs/redis.js';
import { startWorker } from '../jobs/worker.js';
import { ConfigError, loadConfig, type Role } from './config.js';
import { createCipher, loadDevelopmentKey } from './crypto.js';
import { createLogger } from './logger.js';
import { createExtensions } from './extensions.js';
import { createTokenResolver } from './slack/tokens.js';
import { startWeb } from './web.js';

const roleArg = process.argv.find((a) => a.startsWith('--role='))?.slice('--role='.length) ?? 'all';
if (!['all', 'web', 'worker'].includes(roleArg)) {
  process.stderr.write(`Unknown role "${roleArg}": use --role=web, --role=worker, or no flag for both.\n`);
  process.exit(2);
}
const role = roleArg as Role;

let config;
try {
  config = loadConfig(role);
} catch (error) {
  process.stderr.write(`${error instanceof ConfigError ? error.message : 'Grow cannot start: the configuration could not be read.'}\n`);
  process.exit(1);
}

const logger = createLogger(config.logLevel, { role });
const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir });
try {
  if (config.runMigrations) await migrateDatabase(database, config.databaseUrl);
} catch (error) {
  logger.fatal({ err: error }, 'database is not reachable or could not be migrated; check DATABASE_URL');
  process.exit(1);
}
const cipher = createCipher(config.encryptionKey ?? loadDevelopmentKey(join(config.pgliteDir, '..', 'encryption.key')));
const redis = connectRedis(config.redisUrl, logger);
const resolveBotToken = createTokenResolver(config, database.db, cipher);
const now = () => new Date();

const worker = role === 'web' ? undefined : await startWorker({ config, db: database.db, logger, cipher, resolveBotToken });
const replan = async (teamId: string, engagementId: string) => {
  await syncEngagementPlan(database.db, { teamId, engagementId, now: now() });
};
const deps = { config, db: database.db, cipher, logger, now, resolveBotToken, replan };
const web =
  role === 'worker'
    ? undefined
    : await startWeb({
        deps,
        extensions: createExtensions(),
        readiness: { postgres: () => database.ping(), redis: () => pingRedis(redis) },
      });
logger.info({ role, database: database.kind }, 'Grow is running');

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down: no new work, finishing what is in flight');
  const force = setTimeout(() => process.exit(1), 25_000).unref();
  try {
    await web?.close();
    await worker?.close();
    redis.disconnect();
    await database.close();
  } finally {
    clearTimeout(force);
    process.exit(0);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
