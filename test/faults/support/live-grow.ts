// The bench for fault tests: the delivery fixture's database, emulator and seeding, with
// Grow itself running as `npm start` runs it (a child process) on a Redis the test may
// flush or stop. Faults are injected while that process runs; nothing is restarted
// around them unless the test kills the process on purpose.
import { randomBytes } from 'node:crypto';
import { startGrowProcess, type GrowProcess } from '../../support/grow-process.js';
import { startTcpProxy, type TcpProxy } from './tcp-proxy.js';
import { BOT_TOKEN, deliveredNudgeIds, startDeliveryFixture, type DeliveryFixture, type SeededLeader } from '../../jobs/support/delivery-fixture.js';

export interface LiveGrow {
  f: DeliveryFixture;
  grow: GrowProcess;
  /** Starts Grow again (after a kill), with the same settings and any extra environment. */
  restart(extraEnv?: Record<string, string>): Promise<GrowProcess>;
  close(): Promise<void>;
}

export interface LiveOptions {
  redisUrl: string;
  reconcileEveryMs: number;
  /** Where Grow finds Postgres, when not the test database directly (a proxy the test controls). */
  databaseUrl?: (testDatabaseUrl: string) => string;
  env?: Record<string, string>;
}

export async function startLiveGrow(options: LiveOptions): Promise<LiveGrow> {
  const key = randomBytes(32);
  const f = await startDeliveryFixture({ redisUrl: options.redisUrl, encryptionKey: key, emulator: { signingSecret: 'live-secret' } });
  const env = {
    NODE_ENV: 'test',
    SLACK_SIGNING_SECRET: 'live-secret',
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_API_URL: f.emu.url,
    DATABASE_URL: options.databaseUrl?.(f.db.url) ?? f.db.url,
    REDIS_URL: options.redisUrl,
    QUEUE_PREFIX: f.config.queuePrefix,
    RECONCILE_EVERY_MS: String(options.reconcileEveryMs),
    ENCRYPTION_KEY: key.toString('base64'),
    LOG_LEVEL: 'info',
  };
  const start = async (extra: Record<string, string> = {}) => {
    const grow = await startGrowProcess({ ...env, ...options.env, ...extra });
    f.emu.appUrl = `${grow.url}/slack/events`;
    return grow;
  };
  let grow: GrowProcess;
  try {
    grow = await start();
  } catch (error) {
    await f.close();
    throw error;
  }
  const live: LiveGrow = {
    f,
    grow,
    async restart(extraEnv) {
      live.grow = await start(extraEnv);
      return live.grow;
    },
    async close() {
      await live.grow.stop().catch(() => null);
      await f.close();
    },
  };
  return live;
}

/** Grow with Postgres behind a TCP proxy the test cuts and mends (the shared server keeps running). */
export async function startLiveGrowBehindProxy(options: Omit<LiveOptions, 'databaseUrl'>): Promise<{ live: LiveGrow; proxy: TcpProxy }> {
  const proxy = await startTcpProxy({ host: '127.0.0.1', port: 5432 });
  try {
    const live = await startLiveGrow({
      ...options,
      databaseUrl: (url) => {
        const u = new URL(url);
        u.host = `127.0.0.1:${proxy.port}`;
        return u.toString();
      },
    });
    return { live, proxy };
  } catch (error) {
    await proxy.close();
    throw error;
  }
}

/** Every nudge id in the leaders' DMs, one entry per message Slack holds. */
export function deliveredTo(live: LiveGrow, leaders: SeededLeader[]): string[] {
  return leaders.flatMap((l) => deliveredNudgeIds(live.f, l.leaderId));
}

/** Seconds with one decimal, for the recovery figures the tests log. */
export const seconds = (ms: number) => Math.round(ms / 100) / 10;
