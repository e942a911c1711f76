// Where an engagement stands, by time: "session k of n" counts the sessions that have
// begun and were not cancelled, out of all not cancelled. One function, so App Home, the
// coach's roster, the brief and the digest always agree, whether or not anyone marked a
// session held.

export interface ProgressSession {
  scheduledAt: Date;
  status: 'scheduled' | 'held' | 'cancelled';
}

export interface SessionProgress {
  /** Sessions that have begun by `at`, cancelled ones aside. */
  past: number;
  /** Sessions in the engagement, cancelled ones aside. */
  total: number;
}

export function sessionProgress(sessions: readonly ProgressSession[], at: Date): SessionProgress {
  const live = sessions.filter((s) => s.status !== 'cancelled');
  return { past: live.filter((s) => s.scheduledAt.getTime() <= at.getTime()).length, total: live.length };
}

/** "session 3 of 8"; before the first one, "8 sessions ahead". */
export function describeProgress(p: SessionProgress): string {
  if (p.total === 0) return 'no sessions planned';
  if (p.past === 0) return `${p.total} ${p.total === 1 ? 'session' : 'sessions'} ahead`;
  return `session ${p.past} of ${p.total}`;
}
