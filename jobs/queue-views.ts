// Read-side handles on every queue Grow runs (the names in job-types.ts), for the operators' views (Bull Board, the
// queue-depth gauges). They add and process nothing; close them with the process.
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { jobNames } from './job-types.js';

export function openQueueViews(connection: Redis, prefix: string): Queue[] {
  return jobNames.map((name) => new Queue(name, { connection, prefix }));
}

export async function closeQueueViews(queues: Queue[]): Promise<void> {
  await Promise.all(queues.map((q) => q.close()));
}
