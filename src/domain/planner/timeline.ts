// The sessions that still shape the rhythm — held or scheduled, never cancelled — in
// the order they happen, and the questions the rules ask of them.
import type { PlanSession } from './types.js';

export interface LiveSession {
  id: string;
  seq: number;
  startMs: number;
  endMs: number;
}

/**
 * Ordered by time (then seq), not by seq alone: after a reschedule the session that
 * comes next on the calendar is the one to prepare for.
 */
export function liveSessions(sessions: PlanSession[], sessionMinutes: number): LiveSession[] {
  return sessions
    .filter((s) => s.status !== 'cancelled')
    .map((s) => {
      const startMs = s.scheduledAt.getTime();
      return { id: s.id, seq: s.seq, startMs, endMs: startMs + sessionMinutes * 60_000 };
    })
    .sort((a, b) => a.startMs - b.startMs || a.seq - b.seq);
}

/** The last session that started at or before `ms`. */
export function sessionAtOrBefore(live: LiveSession[], ms: number): LiveSession | undefined {
  let found: LiveSession | undefined;
  for (const s of live) if (s.startMs <= ms) found = s;
  return found;
}

/** The first session that starts after `ms`. */
export function sessionAfter(live: LiveSession[], ms: number): LiveSession | undefined {
  return live.find((s) => s.startMs > ms);
}

/** 1-based position of the midpoint session: ⌈n/2⌉. */
export function midpointIndex(count: number): number {
  return Math.ceil(count / 2);
}
