// Read-side handles on every queue Grow runs, for the operators' views (Bull Board, the
// queue-depth gauges). They add and process nothing; close them with the process.
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { COACH_PLAN_QUEUE } from './digest-schedule.js';
import { jobNames } from './job-types.js';

export function openQueueViews(connection: Redis, prefix: string): Queue[] {
  return [...jobNames, COACH_PLAN_QUEUE].map((name) => new Queue(name, { connection, prefix }));
}

export async function closeQueueViews(queues: Queue[]): Promise<void> {
  await Promise.all(queues.map((q) => q.close()));
}
