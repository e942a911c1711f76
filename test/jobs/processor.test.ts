// Every processor is built by createProcessor: the payload is parsed with its queue's
// schema before any work, and a payload of the wrong shape fails for good (no retry).
import { UnrecoverableError, type Job } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { createProcessor } from '../../jobs/processor.js';

const jobWith = (data: unknown) => ({ id: 'j1', data }) as unknown as Job;

describe('createProcessor', () => {
  it('hands the parsed payload to the work', async () => {
    const seen: unknown[] = [];
    const run = createProcessor('refresh-time-zones', async (data) => {
      seen.push(data);
      return 'done';
    });
    expect(await run(jobWith({ teamId: 'T1' }))).toBe('done');
    expect(seen).toEqual([{ teamId: 'T1' }]);
  });

  it('refuses a payload of the wrong shape for good, before any work', async () => {
    let ran = false;
    const run = createProcessor('plan-coach-nudges', async () => {
      ran = true;
    });
    await expect(run(jobWith({ teamId: 42 }))).rejects.toBeInstanceOf(UnrecoverableError);
    await expect(run(jobWith({ nudgeId: 'x' }))).rejects.toThrow('plan-coach-nudges payload does not match its schema');
    expect(ran).toBe(false);
  });
});
