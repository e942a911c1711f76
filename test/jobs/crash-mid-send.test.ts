// A worker killed between posting and recording leaves the row `sending` and a message
// in the DM. After restart the reconciler repairs the row and the next claim finds the
// message by its metadata instead of posting it again.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BOT_TOKEN, deliveredNudgeIds, insertNudges, nudgeRow, seedLeader, sleep, startDeliveryFixture, waitFor, type DeliveryFixture,
} from './support/delivery-fixture.js';

const key = randomBytes(32);

function runCrashingWorker(f: DeliveryFixture): Promise<NodeJS.Signals | null> {
  const script = fileURLToPath(new URL('./support/crash-after-post.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: f.db.url,
      REDIS_URL: f.config.redisUrl,
      QUEUE_PREFIX: f.config.queuePrefix,
      SLACK_API_URL: f.config.slack.apiUrl,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      ENCRYPTION_KEY: key.toString('base64'),
      RECONCILE_EVERY_MS: '3600000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
}

describe('a worker killed mid-send', () => {
  let f: DeliveryFixture;
  beforeAll(async () => {
    f = await startDeliveryFixture({ encryptionKey: key });
  });
  afterAll(async () => {
    await f?.close();
  });

  it('delivers the nudge once after restart', async () => {
    const leader = await seedLeader(f, 'U0CRASH001');
    const [id] = await insertNudges(f, leader, 1);
    const exited = runCrashingWorker(f);
    // An ordinary reconcile queues the job; the child picks it up, posts, and dies.
    await f.reconcile();
    expect(await exited).toBe('SIGKILL');

    const orphan = await nudgeRow(f, id!);
    expect(orphan.status).toBe('sending');
    expect(deliveredNudgeIds(f, leader.leaderId)).toEqual([id]);

    // Restart: a sending row older than staleSendingMs belongs to a dead worker.
    await sleep(300);
    const restarted = await f.startWorker({ reconcile: { staleSendingMs: 200 } });
    // Its scheduler reconciles on start too; either pass may be the one that repairs.
    await restarted.reconcileNow();
    await waitFor(async () => (await nudgeRow(f, id!)).status === 'sent', 10_000, 'sent');

    const row = await nudgeRow(f, id!);
    const dm = f.emu.dmWith('T0DELIVER1', leader.leaderId);
    expect(dm).toHaveLength(1);
    expect(row.messageTs).toBe(dm[0]!.ts);
    expect(row.attempts).toBe(2);
    expect(f.emu.callsTo('chat.postMessage')).toHaveLength(1);
    expect(f.emu.callsTo('conversations.history').length).toBeGreaterThan(0);
  });
});
