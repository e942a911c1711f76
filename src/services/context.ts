// What every service verb receives: the database, the cipher for free text, a logger,
// a clock and the operator's settings. Verbs take `now` from here so tests control time
// without a fake clock, and settings from here so nothing reads the environment.
import type { Db } from '../../db/client.js';
import type { Cipher } from '../crypto.js';
import type { RhythmSettings } from '../domain/planner/rhythm.js';
import type { WorkingWindow } from '../domain/time/working-window.js';
import type { Logger } from '../logger.js';

export interface ServiceContext {
  db: Db;
  cipher: Cipher;
  logger: Logger;
  now: () => Date;
  /** The between-session rhythm every plan follows (config). */
  rhythm: RhythmSettings;
  /** The working window a person Grow meets for the first time starts with (config). */
  defaultWorkingHours: WorkingWindow;
  /** Re-plans an engagement's nudges after something changed (check-in, session, answer). */
  replan?: (teamId: string, engagementId: string) => Promise<void>;
  /** Queues rows just planned outside any engagement once they are committed (best effort). */
  handOffNudges?: (planned: { id: string; teamId: string; dueAt: Date; repaired: boolean }[]) => Promise<void>;
  /**
   * Queues what a verb planned inside its own transaction (a status change and its plan
   * commit together); called after the commit. The reconciler covers it when absent.
   */
  handOff?: (teamId: string, engagementId: string) => Promise<void>;
}
