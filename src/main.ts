// Grow's entrypoint. `npm start` runs the web and worker roles in one process;
// `--role=web` or `--role=worker` runs one of them (production scales each out).
// `--exit-on-missing` exits non-zero as soon as Redis or Postgres is out of reach (in
// production Grow does so after 60 s), so a supervisor restarts it.
import { ConfigError, loadConfig, type Config, type Role } from './config.js';
import { createDatabaseOutage } from './database-outage.js';
import { watchDependencies } from './dependency-watch.js';
import { KeyMismatchError, startGrow, type RunningGrow } from './grow.js';
import { createLogger, wantsPrettyLogs } from './logger.js';

const roleArg = process.argv.find((a) => a.startsWith('--role='))?.slice('--role='.length) ?? 'all';
if (!['all', 'web', 'worker'].includes(roleArg)) {
  process.stderr.write(`Unknown role "${roleArg}": use --role=web, --role=worker, or no flag for both.\n`);
  process.exit(2);
}

let config: Config;
try {
  config = loadConfig(roleArg as Role);
} catch (error) {
  process.stderr.write(`${error instanceof ConfigError ? error.message : 'Grow cannot start: the configuration could not be read.'}\n`);
  process.exit(1);
}

// Failures caused by Postgres going away after start are summarised, not logged one by one.
const outage = createDatabaseOutage();
const logger = createLogger(config.logLevel, { role: config.role }, { pretty: wantsPrettyLogs(config.env, process.stdout.isTTY), screen: outage.screen });
const PRODUCTION_GRACE_MS = 60_000;
const giveUpAfterMs = process.argv.includes('--exit-on-missing') ? 0 : config.env === 'production' ? PRODUCTION_GRACE_MS : undefined;
// Flushed first: the line saying what is missing must reach the supervisor's log.
const watch = watchDependencies(logger, { giveUpAfterMs, onGiveUp: () => logger.flush(() => process.exit(1)) });
// Fault tests only: hold a send between its post and its record, so the process can be
// killed exactly there. Inert outside NODE_ENV=test.
const pauseAfterPostMs = config.testPauseAfterPostMs;
const afterPost = pauseAfterPostMs > 0 ? () => new Promise<void>((r) => setTimeout(r, pauseAfterPostMs)) : undefined;

// A stray rejection (a connection dropped mid-query) is logged, not fatal: Postgres keeps
// every nudge's state, and the worker and reconciler retry what was in flight.
process.on('unhandledRejection', (reason) => {
  const err = reason as { code?: string; message?: string } | undefined;
  logger.error({ err: { code: err?.code, message: err?.message } }, 'unhandled rejection');
});

let grow: RunningGrow | undefined;
// A stop signal while Grow still waits for a dependency: nothing is in flight yet.
const exitIfStarting = () => {
  if (!grow) process.exit(0);
};
process.once('SIGTERM', exitIfStarting);
process.once('SIGINT', exitIfStarting);
try {
  grow = await startGrow(config, logger, afterPost ? { afterPost } : {}, watch, outage);
} catch (error) {
  if (error instanceof KeyMismatchError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  logger.fatal({ err: error }, 'Grow could not start: is the database reachable (DATABASE_URL) and the port free (PORT)?');
  process.exit(1);
}

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down: no new work, finishing what is in flight');
  const force = setTimeout(() => process.exit(1), 25_000).unref();
  try {
    await grow?.close();
  } finally {
    clearTimeout(force);
    process.exit(0);
  }
}
process.off('SIGTERM', exitIfStarting);
process.off('SIGINT', exitIfStarting);
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
