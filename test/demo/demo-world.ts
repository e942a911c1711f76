// What `npm run demo` runs on: the Slack emulator with a demo workspace, and Grow itself
// in this process (`startGrow`, web and worker) on embedded Postgres in a temporary
// directory and the usual Redis under a key prefix of its own. `close()` leaves nothing.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { destination, pino } from 'pino';
import { people } from '../../db/schema/index.js';
import { parseConfig } from '../../src/config.js';
import { startGrow, type RunningGrow } from '../../src/grow.js';
import { startEmulator, type Emulator } from '../emulator/index.js';
import { Person } from '../e2e/walk/person.js';
import type { QueueLocation } from '../e2e/walk/scheduled.js';
import type { Stage } from '../e2e/walk/stage.js';
import { clearQueuePrefix, uniqueQueuePrefix } from '../support/redis.js';

export const TEAM = 'T0GROWDEMO';

export interface Window {
  workDays: number[];
  workStartMinute: number;
  workEndMinute: number;
}

/** Office hours, as Grow plans with them by default: Monday to Friday, 09:00–17:30. */
export const OFFICE_HOURS: Window = { workDays: [1, 2, 3, 4, 5], workStartMinute: 9 * 60, workEndMinute: 17 * 60 + 30 };
export const ALWAYS: Window = { workDays: [1, 2, 3, 4, 5, 6, 7], workStartMinute: 0, workEndMinute: 1440 };

export interface DemoWorld {
  emu: Emulator;
  grow: RunningGrow;
  stage: Stage;
  queues: QueueLocation;
  /** A person in the workspace, known to Grow with their zone and office hours. */
  person(id: string, name: string, tz: string): Promise<Person>;
  setWindow(userId: string, window: Window): Promise<void>;
  close(): Promise<void>;
}

export async function startDemoWorld(redisUrl: string): Promise<DemoWorld> {
  const dir = await mkdtemp(join(tmpdir(), 'grow-demo-'));
  const prefix = uniqueQueuePrefix('demo');
  const signingSecret = randomBytes(16).toString('hex');
  const botToken = `xoxb-demo-${randomBytes(8).toString('hex')}`;
  const emu = await startEmulator({ signingSecret, rateLimits: { enabled: false } });
  emu.addTeam({ id: TEAM, name: 'Grow Demo', botToken, botUserId: 'U0DEMOBOT1', domain: 'grow-demo' });
  const config = parseConfig({
    NODE_ENV: 'development',
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_BOT_TOKEN: botToken,
    SLACK_API_URL: emu.url,
    PGLITE_DIR: join(dir, 'pglite'),
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: prefix,
    RECONCILE_EVERY_MS: '1000',
    PORT: '0',
    ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  });
  // Grow's own logs would interleave with the story; only errors, and on stderr.
  const logger = pino({ level: process.env.DEMO_LOG_LEVEL ?? 'error' }, destination(2));
  let grow: RunningGrow;
  try {
    grow = await startGrow(config, logger);
  } catch (error) {
    await emu.close();
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  emu.appUrl = `http://127.0.0.1:${grow.web!.port}/slack/events`;
  const db = grow.database.db;
  const stage: Stage = { emu, db, teamId: TEAM, kick: () => grow.worker!.reconcileNow() };

  async function setWindow(userId: string, window: Window): Promise<void> {
    await db.update(people).set(window).where(and(eq(people.teamId, TEAM), eq(people.userId, userId)));
  }

  return {
    emu,
    grow,
    stage,
    queues: { redisUrl, prefix },
    setWindow,
    async person(id, name, tz) {
      emu.addUser(TEAM, { id, name: name.toLowerCase(), realName: name, tz });
      await db.insert(people).values({ teamId: TEAM, userId: id, tz, ...OFFICE_HOURS });
      return new Person(stage, id, name);
    },
    async close() {
      await grow.close();
      await emu.close();
      await clearQueuePrefix(redisUrl, prefix).catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
  };
}
