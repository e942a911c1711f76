// What every service verb receives: the database, the cipher for free text, a logger
// and a clock. Verbs take `now` from here so tests control time without a fake clock.
import type { Db } from '../../db/client.js';
import type { Cipher } from '../crypto.js';
import type { Logger } from '../logger.js';

export interface ServiceContext {
  db: Db;
  cipher: Cipher;
  logger: Logger;
  now: () => Date;
  /** Re-plans an engagement's nudges after something changed (check-in, session, answer). */
  replan?: (teamId: string, engagementId: string) => Promise<void>;
}
