// The end-to-end bench: the Slack emulator with one workspace, a fresh migrated Postgres
// database, a unique BullMQ prefix on the shared Redis, and Grow itself running as a
// child process (`npm start`'s entrypoint) pointed at all three.
import { randomBytes } from 'node:crypto';
import { createCipher, type Cipher } from '../../src/crypto.js';
import { startEmulator, type Emulator } from '../emulator/index.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { startGrowProcess, type GrowProcess } from '../support/grow-process.js';
import { clearQueuePrefix, sharedRedisUrl, uniqueQueuePrefix } from '../support/redis.js';
import { Person } from './walk/person.js';
import type { QueueLocation } from './walk/scheduled.js';
import { openWorkingWindow, type Stage } from './walk/stage.js';

export const TEAM = 'T0E2E00001';

export interface E2eApp {
  stage: Stage;
  emu: Emulator;
  /** What Grow checks request signatures with, for tests that sign their own requests. */
  signingSecret: string;
  db: TestDatabase;
  /** The app's own key, for tests that read what it stored. */
  cipher: Cipher;
  grow: GrowProcess;
  /** Where the app's BullMQ queues live. */
  queues: QueueLocation;
  /** People in the workspace, each with an always-open working window and no DND. */
  person(id: string, name: string, tz: string): Promise<Person>;
  /** Stops Grow with SIGTERM and returns its exit code, then removes what the run made. */
  close(): Promise<number | null>;
}

export async function startE2eApp(): Promise<E2eApp> {
  const signingSecret = randomBytes(16).toString('hex');
  const botToken = `xoxb-e2e-${randomBytes(8).toString('hex')}`;
  const prefix = uniqueQueuePrefix('e2e');
  const db = await createTestDatabase();
  const key = randomBytes(32);
  // Rate limits off: `rejectedCalls()` then lists only what Slack itself would refuse.
  const emu = await startEmulator({ signingSecret, rateLimits: { enabled: false } });
  emu.addTeam({ id: TEAM, name: 'Acme', botToken, botUserId: 'U0E2EBOT01', appId: 'A0E2EGROW1' });
  let grow: GrowProcess;
  try {
    grow = await startGrowProcess({
      NODE_ENV: 'test',
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_BOT_TOKEN: botToken,
      SLACK_API_URL: emu.url,
      DATABASE_URL: db.url,
      REDIS_URL: sharedRedisUrl,
      QUEUE_PREFIX: prefix,
      RECONCILE_EVERY_MS: '1000',
      ENCRYPTION_KEY: key.toString('base64'),
      // Info at least: the port is read from the "web role listening" line.
      LOG_LEVEL: 'info',
    });
  } catch (error) {
    await emu.close();
    await db.drop();
    throw error;
  }
  emu.appUrl = `${grow.url}/slack/events`;
  const stage: Stage = { emu, db: db.db, teamId: TEAM };
  return {
    stage,
    emu,
    signingSecret,
    db,
    cipher: createCipher(key),
    grow,
    queues: { redisUrl: sharedRedisUrl, prefix },
    async person(id, name, tz) {
      emu.addUser(TEAM, { id, name, realName: name, tz });
      await openWorkingWindow(stage, id, tz);
      return new Person(stage, id, name);
    },
    async close() {
      const code = await grow.stop();
      await clearQueuePrefix(sharedRedisUrl, prefix).catch(() => {});
      await emu.close();
      await db.drop();
      return code;
    },
  };
}
