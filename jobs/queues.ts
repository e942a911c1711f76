// The queue factory: one BullMQ queue per job name, all under `config.queuePrefix` so
// several deployments (or parallel test files) can share one Redis without meeting.
import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { JobData, JobName } from './job-types.js';

export type GrowQueue<N extends JobName> = Queue<JobData<N>, unknown, N>;

export interface QueueSettings {
  prefix: string;
  connection: Redis;
}

/**
 * Finished jobs are removed at once: a job id that BullMQ remembers as completed or
 * failed would swallow the reconciler's re-enqueue of the same id.
 */
export const baseJobOptions: JobsOptions = { removeOnComplete: true, removeOnFail: true };

export function createQueue<N extends JobName>(name: N, settings: QueueSettings, jobOptions: JobsOptions = {}): GrowQueue<N> {
  return new Queue<JobData<N>, unknown, N>(name, {
    connection: settings.connection,
    prefix: settings.prefix,
    defaultJobOptions: { ...baseJobOptions, ...jobOptions },
  });
}

/** How often a send is tried when Slack or the network fails, and how far apart (doubling). */
export interface SendRetry {
  attempts: number;
  backoffMs: number;
}

export const defaultSendRetry: SendRetry = { attempts: 5, backoffMs: 5_000 };

export interface Queues {
  sendNudge: GrowQueue<'send-nudge'>;
  reconcile: GrowQueue<'reconcile'>;
  refreshTimeZones: GrowQueue<'refresh-time-zones'>;
  applyRetention: GrowQueue<'apply-retention'>;
  planCoachNudges: GrowQueue<'plan-coach-nudges'>;
}

/** The send queue with its retry policy; the same wherever jobs are added (worker or web). */
export function createSendQueue(settings: QueueSettings, retry: SendRetry = defaultSendRetry): GrowQueue<'send-nudge'> {
  return createQueue('send-nudge', settings, { attempts: retry.attempts, backoff: { type: 'exponential', delay: retry.backoffMs } });
}

export function createQueues(settings: QueueSettings, retry: SendRetry = defaultSendRetry): Queues {
  return {
    sendNudge: createSendQueue(settings, retry),
    reconcile: createQueue('reconcile', settings),
    refreshTimeZones: createQueue('refresh-time-zones', settings),
    applyRetention: createQueue('apply-retention', settings),
    planCoachNudges: createQueue('plan-coach-nudges', settings),
  };
}

export async function closeQueues(queues: Queues): Promise<void> {
  await Promise.all(Object.values(queues).map((q: Queue) => q.close()));
}
