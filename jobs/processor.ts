// The one way a processor is built: the payload parsed with its queue's schema first (a
// payload of the wrong shape fails at once, never retried), then the job's own work on
// the parsed data. Failures are logged by the worker, once they are final.
import { UnrecoverableError, type Job } from 'bullmq';
import { jobSchemas, type JobData, type JobName } from './job-types.js';

export type GrowJob<N extends JobName, R = unknown> = Job<JobData<N>, R, N>;

/** Takes any job, since what arrives from Redis is unchecked until parsed. */
export type GrowProcessor<R = unknown> = (job: Job, token?: string) => Promise<R>;

export function createProcessor<N extends JobName, R>(name: N, run: (data: JobData<N>, job: GrowJob<N, R>, token?: string) => Promise<R>): GrowProcessor<R> {
  return async (job, token) => {
    const parsed = jobSchemas[name].safeParse(job.data ?? {});
    if (!parsed.success) throw new UnrecoverableError(`${name} payload does not match its schema`);
    return run(parsed.data as JobData<N>, job as GrowJob<N, R>, token);
  };
}
