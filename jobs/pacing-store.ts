// What the sender remembers per workspace between jobs so that Slack's limits are spent
// only on posting: the scheduled Do Not Disturb windows it has already read (kept for the
// day), a short lock so one job at a time fetches a team's windows, the instant a refused
// lookup told Grow to wait until, and the pace of its posts after a 429 (post-pacing.ts).
// Redis in the worker (shared by every worker process); an in-process map where a single
// processor runs on its own.
import type { Redis } from 'ioredis';
import { createMemoryPostPacer, createRedisPostPacer, type PostPacer } from './post-pacing.js';

/** A scheduled DND window as dnd.teamInfo reports it, in epoch seconds. */
export interface DndWindow {
  enabled: boolean;
  start: number;
  end: number;
  fetchedAt: number;
}

export interface PacingStore extends PostPacer {
  readWindows(teamId: string, userIds: string[]): Promise<Map<string, DndWindow>>;
  saveWindows(teamId: string, windows: Map<string, DndWindow>): Promise<void>;
  /** True when this caller now owns the team's fetch for `ms` (or until `unlock`). */
  lockFetch(teamId: string, ms: number): Promise<boolean>;
  unlockFetch(teamId: string): Promise<void>;
  /** Someone waits for this person's window: the next fetch of the team includes them. */
  want(teamId: string, userId: string): Promise<void>;
  takeWanted(teamId: string, count: number): Promise<string[]>;
  /** Epoch ms before which this team may not make that kind of call; 0 when none. */
  holdUntil(teamId: string, scope: HoldScope): Promise<number>;
  hold(teamId: string, scope: HoldScope, untilMs: number, nowMs: number): Promise<void>;
}

/** DND lookups are held apart from posting, which post-pacing.ts paces. */
export type HoldScope = 'dnd';

// Windows are re-read at least daily, whatever they say.
const WINDOWS_TTL_MS = 24 * 3_600_000;

const encode = (w: DndWindow) => `${w.enabled ? 1 : 0}|${w.start}|${w.end}|${w.fetchedAt}`;

function decode(raw: string | null): DndWindow | undefined {
  if (!raw) return undefined;
  const [enabled, start, end, fetchedAt] = raw.split('|').map(Number);
  if ([start, end, fetchedAt].some((n) => n === undefined || !Number.isFinite(n))) return undefined;
  return { enabled: enabled === 1, start: start!, end: end!, fetchedAt: fetchedAt! };
}

export function createRedisPacingStore(redis: Redis, prefix: string): PacingStore {
  const windowsKey = (teamId: string) => `${prefix}:dnd:${teamId}`;
  const lockKey = (teamId: string) => `${prefix}:dnd-lock:${teamId}`;
  const wantKey = (teamId: string) => `${prefix}:dnd-want:${teamId}`;
  const holdKey = (teamId: string, scope: HoldScope) => `${prefix}:hold:${scope}:${teamId}`;
  return {
    ...createRedisPostPacer(redis, prefix),
    async readWindows(teamId, userIds) {
      const found = new Map<string, DndWindow>();
      if (userIds.length === 0) return found;
      const raw = await redis.hmget(windowsKey(teamId), ...userIds);
      userIds.forEach((id, i) => {
        const w = decode(raw[i] ?? null);
        if (w) found.set(id, w);
      });
      return found;
    },
    async saveWindows(teamId, windows) {
      if (windows.size === 0) return;
      const fields = [...windows].flatMap(([id, w]) => [id, encode(w)]);
      await redis.multi().hset(windowsKey(teamId), ...fields).pexpire(windowsKey(teamId), WINDOWS_TTL_MS).exec();
    },
    async lockFetch(teamId, ms) {
      return (await redis.set(lockKey(teamId), '1', 'PX', ms, 'NX')) === 'OK';
    },
    async unlockFetch(teamId) {
      await redis.del(lockKey(teamId));
    },
    async want(teamId, userId) {
      await redis.multi().sadd(wantKey(teamId), userId).pexpire(wantKey(teamId), WINDOWS_TTL_MS).exec();
    },
    async takeWanted(teamId, count) {
      return count > 0 ? redis.spop(wantKey(teamId), count) : [];
    },
    async holdUntil(teamId, scope) {
      return Number((await redis.get(holdKey(teamId, scope))) ?? 0);
    },
    async hold(teamId, scope, untilMs, nowMs) {
      await redis.set(holdKey(teamId, scope), String(untilMs), 'PX', Math.max(1, untilMs - nowMs));
    },
  };
}

export function createMemoryPacingStore(): PacingStore {
  const windows = new Map<string, Map<string, DndWindow>>();
  const locks = new Set<string>();
  const holds = new Map<string, number>();
  const wanted = new Map<string, Set<string>>();
  return {
    ...createMemoryPostPacer(),
    async readWindows(teamId, userIds) {
      const team = windows.get(teamId);
      return new Map(userIds.flatMap((id) => (team?.has(id) ? [[id, team.get(id)!] as const] : [])));
    },
    async saveWindows(teamId, saved) {
      const team = windows.get(teamId) ?? new Map<string, DndWindow>();
      for (const [id, w] of saved) team.set(id, w);
      windows.set(teamId, team);
    },
    async lockFetch(teamId) {
      if (locks.has(teamId)) return false;
      locks.add(teamId);
      return true;
    },
    async unlockFetch(teamId) {
      locks.delete(teamId);
    },
    async want(teamId, userId) {
      wanted.set(teamId, (wanted.get(teamId) ?? new Set()).add(userId));
    },
    async takeWanted(teamId, count) {
      const taken = [...(wanted.get(teamId) ?? [])].slice(0, count);
      for (const id of taken) wanted.get(teamId)?.delete(id);
      return taken;
    },
    async holdUntil(teamId, scope) {
      return holds.get(`${scope}:${teamId}`) ?? 0;
    },
    async hold(teamId, scope, untilMs) {
      holds.set(`${scope}:${teamId}`, untilMs);
    },
  };
}
