// Every job Grow runs, by name, with the schema of its payload. Payloads carry ids only:
// the worker re-reads everything else from Postgres, and tokens or free text never
// reach Redis.
import { z } from 'zod';

export const jobSchemas = {
  'send-nudge': z.object({ nudgeId: z.string().uuid(), teamId: z.string().min(1) }).strict(),
  reconcile: z.object({}).strict(),
  'refresh-time-zones': z.object({ teamId: z.string().min(1).optional() }).strict(),
  'apply-retention': z.object({}).strict(),
  'plan-coach-nudges': z.object({ teamId: z.string().min(1).optional() }).strict(),
} as const;

export type JobName = keyof typeof jobSchemas;
export type JobData<N extends JobName> = z.infer<(typeof jobSchemas)[N]>;

export const jobNames = Object.keys(jobSchemas) as JobName[];

/**
 * One send job per (nudge, due time): a nudge moved to a new time gets a new job, and the
 * job for the old time finds nothing to claim. BullMQ forbids ':' in custom ids.
 */
export function sendJobId(nudgeId: string, dueAt: Date): string {
  return `nudge-${nudgeId}-${dueAt.getTime()}`;
}
