// Fair order across workspaces: when a big and a small workspace fall due together, the
// queue alternates between them, so the small one's nudges are not all behind the big one's.
import { randomUUID } from 'node:crypto';
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueNudges, fairPriorities, type NudgeToEnqueue } from '../../jobs/enqueue-nudges.js';
import { createSendQueue, type GrowQueue } from '../../jobs/queues.js';
import { clearQueuePrefix, sharedRedisUrl, uniqueQueuePrefix } from '../support/redis.js';

const BIG = 'T0FAIRBIG';
const SMALL = 'T0FAIRSMALL';

/** Rows as the reconciler selects them: by due time, then id; the big workspace's sorting first. */
function dueTogether(dueAt: Date, big: number, small: number): NudgeToEnqueue[] {
  return [
    ...Array.from({ length: big }, () => ({ id: randomUUID(), teamId: BIG, dueAt })),
    ...Array.from({ length: small }, () => ({ id: randomUUID(), teamId: SMALL, dueAt })),
  ];
}

describe('fair priorities', () => {
  it('ranks each row within its own workspace, in the order given', () => {
    const at = new Date('2026-11-30T09:00:00Z');
    const rows = [
      { id: 'a', teamId: 'T1', dueAt: at }, { id: 'b', teamId: 'T1', dueAt: at }, { id: 'c', teamId: 'T2', dueAt: at },
      { id: 'd', teamId: 'T1', dueAt: at }, { id: 'e', teamId: 'T2', dueAt: at },
    ];
    expect(fairPriorities(rows)).toEqual([1, 2, 1, 3, 2]);
  });
});

describe('a big and a small workspace due together', () => {
  const prefix = uniqueQueuePrefix('fair');
  let connection: Redis;
  let queue: GrowQueue<'send-nudge'>;
  beforeAll(() => {
    connection = new Redis(sharedRedisUrl, { maxRetriesPerRequest: null });
    queue = createSendQueue({ prefix, connection });
  });
  afterAll(async () => {
    await queue?.close();
    connection?.disconnect();
    await clearQueuePrefix(sharedRedisUrl, prefix);
  });

  it('the queue alternates between them, so the small one is done in its first rounds', async () => {
    const now = new Date();
    const rows = dueTogether(new Date(now.getTime() - 1000), 40, 4);
    await enqueueNudges(queue, rows, now);

    const order: string[] = [];
    const workerConnection = new Redis(sharedRedisUrl, { maxRetriesPerRequest: null });
    const worker = new Worker<{ nudgeId: string; teamId: string }>(
      'send-nudge',
      async (job) => {
        order.push(job.data.teamId);
      },
      { connection: workerConnection, prefix, concurrency: 1 },
    );
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`only ${order.length} of 44 ran`)), 20_000);
        worker.on('completed', () => {
          if (order.length === rows.length) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
    } finally {
      await worker.close();
      workerConnection.disconnect();
    }

    expect(order).toHaveLength(44);
    const smallPositions = order.flatMap((team, i) => (team === SMALL ? [i] : []));
    expect(smallPositions).toHaveLength(4);
    // First of each, second of each…: the small workspace's fourth nudge is within the first eight.
    expect(Math.max(...smallPositions)).toBeLessThan(8);
    expect(order.slice(0, 8).filter((t) => t === BIG)).toHaveLength(4);
  });
});
