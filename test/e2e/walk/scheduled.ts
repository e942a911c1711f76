// Moves a repeating job's next run to now: the job scheduler's pending (delayed) job is
// promoted, and the app's own worker runs it. The scheduled-work counterpart of setting
// a nudge's due time to now — used for the hourly coach planner (digests and briefs).
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { poll } from './stage.js';

export interface QueueLocation {
  redisUrl: string;
  prefix: string;
}

/** Promotes the scheduler's next run of `queueName` and waits until a run completed after it. */
export async function runScheduledNow(where: QueueLocation, queueName: string, ms = 10_000): Promise<void> {
  const connection = new Redis(where.redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue(queueName, { connection, prefix: where.prefix });
  try {
    const next = await poll(`the next scheduled run of ${queueName}`, async () => {
      const delayed = await queue.getDelayed();
      return delayed.find((job) => job.repeatJobKey !== undefined || String(job.id).startsWith('repeat:'));
    }, ms);
    await next.promote();
    await poll(`the scheduled run of ${queueName} to finish`, async () => {
      const state = await queue.getJobState(next.id!);
      if (state === 'failed') throw new Error(`the scheduled run of ${queueName} failed`);
      return state === 'completed' || state === 'unknown';
    }, ms);
  } finally {
    await queue.close();
    connection.disconnect();
  }
}
