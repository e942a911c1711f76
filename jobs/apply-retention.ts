// The daily retention job: erases the free text of engagements that ended (or invitations
// declined or expired) more than RETENTION_DAYS ago, and of check-ins and moments outside
// any engagement written that long ago (db/retention.ts says what is kept). Its schedule lives in Redis
// like the others; a lost schedule only delays erasure until the worker re-creates it.
import { repeatingSchedule, type KeptSchedule } from './keep-schedules.js';
import type { Db } from '../db/client.js';
import { eraseExpiredContent } from '../db/retention.js';
import type { Cipher } from '../src/crypto.js';
import type { Logger } from '../src/logger.js';
import { createProcessor } from './processor.js';
import type { GrowQueue } from './queues.js';

export const RETENTION_EVERY_MS = 24 * 3_600_000;

export interface RetentionDeps {
  db: Db;
  cipher: Cipher;
  logger: Logger;
  retentionDays: number;
}

export function createApplyRetentionProcessor(deps: RetentionDeps, now: () => Date) {
  return createProcessor('apply-retention', async () => {
    const result = await eraseExpiredContent(deps.db, deps.cipher, { now: now(), retentionDays: deps.retentionDays });
    if (result.engagements + result.checkIns + result.reflections > 0) deps.logger.info({ ...result, retentionDays: deps.retentionDays }, 'retention erased expired free text');
    return result;
  });
}

/** For the schedule keeper: re-created whenever Redis has lost it. */
export function retentionSchedule(queue: GrowQueue<'apply-retention'>, everyMs = RETENTION_EVERY_MS): KeptSchedule {
  return repeatingSchedule(queue, everyMs);
}
