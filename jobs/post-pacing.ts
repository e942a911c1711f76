// Pacing a workspace's posts once Slack has answered one of them 429. Until then nothing
// is paced: a workspace that never saw a 429 posts as fast as the worker goes, and asking
// costs the one Redis round trip the hold check always cost. After a 429 the workspace is
// held until Retry-After, and then, rather than every waiting job posting at once (most
// of them to meet the next 429), its posts take slots `interval` apart. The interval is
// learnt from Slack's answers: between two 429s Slack's allowance for the workspace went
// from empty to empty, so the posts it accepted over that time are its rate; with no second
// 429 yet the interval shrinks a little every few posts, to find a faster allowance.
// A job that gets a slot later than now waits for it in place (delayed, unclaimed) and
// finds its slot kept for it when it wakes.
import type { Redis } from 'ioredis';

export interface PostPacer {
  /** Milliseconds this job must wait before posting; 0 to post now. */
  reservePost(teamId: string, jobId: string, nowMs: number): Promise<number>;
  /** Slack answered a post 429: hold the workspace for Retry-After and learn its rate. */
  refusePost(teamId: string, retryAfterMs: number, nowMs: number): Promise<void>;
}

/** How long a workspace stays paced after its last slot (a later burst starts unpaced). */
const LINGER_MS = 60_000;
/** Every this many posts without a 429 the interval shrinks by PROBE_FACTOR. */
const PROBE_EVERY = 20;
const PROBE_FACTOR = 0.9;
/** The first interval, before any rate is known: a Retry-After shared by this many posts. */
const FIRST_SHARE = 20;

// KEYS[1] the workspace's pacing hash; ARGV now, job id, then the settings above.
const RESERVE = `
local key = KEYS[1]
local now = tonumber(ARGV[1])
local member = 'r:' .. ARGV[2]
local f = redis.call('HMGET', key, 'until', 'interval', 'next', member)
local hold = tonumber(f[1] or '0')
local interval = tonumber(f[2] or '0')
if interval == 0 and hold <= now then return 0 end
local mine = tonumber(f[4] or '-1')
local function granted()
  local n = redis.call('HINCRBY', key, 'n', 1)
  if n % tonumber(ARGV[4]) == 0 then redis.call('HSET', key, 'interval', interval * tonumber(ARGV[5])) end
  redis.call('HDEL', key, member)
  return 0
end
if mine >= 0 and hold <= now and mine <= now + interval then return granted() end
local slot = math.max(now, hold, tonumber(f[3] or '0'))
redis.call('HSET', key, 'next', slot + interval)
redis.call('PEXPIRE', key, math.ceil(slot + interval - now + tonumber(ARGV[3])))
if slot <= now then return granted() end
redis.call('HSET', key, member, slot)
return math.ceil(slot - now)
`;

// KEYS[1] the workspace's pacing hash; ARGV now, Retry-After in ms, then the settings above.
const REFUSE = `
local key = KEYS[1]
local now = tonumber(ARGV[1])
local untilMs = now + tonumber(ARGV[2])
local f = redis.call('HMGET', key, 'until', 'interval', 'since', 'n', 'next')
local hold = tonumber(f[1] or '0')
if hold > now then
  if untilMs > hold then redis.call('HSET', key, 'until', untilMs) end
  redis.call('HSET', key, 'next', math.max(tonumber(f[5] or '0'), untilMs))
  return 0
end
local interval = tonumber(f[2] or '0')
local n = tonumber(f[4] or '0')
if interval == 0 then interval = tonumber(ARGV[2]) / tonumber(ARGV[4])
elseif n > 0 then interval = (now - tonumber(f[3] or now)) / n
else interval = interval * 2 end
redis.call('HSET', key, 'until', untilMs, 'interval', interval, 'since', now, 'n', 0, 'next', math.max(tonumber(f[5] or '0'), untilMs))
redis.call('PEXPIRE', key, math.ceil(tonumber(ARGV[2]) + tonumber(ARGV[3])))
return 0
`;

interface PacingCommands {
  growReservePost(key: string, nowMs: number, jobId: string, lingerMs: number, probeEvery: number, probeFactor: number): Promise<number>;
  growRefusePost(key: string, nowMs: number, retryAfterMs: number, lingerMs: number, firstShare: number): Promise<number>;
}

export function createRedisPostPacer(redis: Redis, prefix: string): PostPacer {
  const key = (teamId: string) => `${prefix}:pace:post:${teamId}`;
  if (!('growReservePost' in redis)) {
    redis.defineCommand('growReservePost', { numberOfKeys: 1, lua: RESERVE });
    redis.defineCommand('growRefusePost', { numberOfKeys: 1, lua: REFUSE });
  }
  const commands = redis as unknown as PacingCommands;
  return {
    async reservePost(teamId, jobId, nowMs) {
      return Number(await commands.growReservePost(key(teamId), nowMs, jobId, LINGER_MS, PROBE_EVERY, PROBE_FACTOR));
    },
    async refusePost(teamId, retryAfterMs, nowMs) {
      await commands.growRefusePost(key(teamId), nowMs, retryAfterMs, LINGER_MS, FIRST_SHARE);
    },
  };
}

interface TeamPace { until: number; interval: number; next: number; since: number; n: number; expires: number; slots: Map<string, number> }

/** The same rules in one process's memory, for a processor running on its own. */
export function createMemoryPostPacer(): PostPacer {
  const teams = new Map<string, TeamPace>();
  const paceOf = (teamId: string, nowMs: number) => {
    const pace = teams.get(teamId);
    return pace && pace.expires > nowMs ? pace : undefined;
  };
  return {
    async reservePost(teamId, jobId, nowMs) {
      const pace = paceOf(teamId, nowMs);
      if (!pace) return 0;
      const granted = () => {
        pace.n += 1;
        if (pace.n % PROBE_EVERY === 0) pace.interval *= PROBE_FACTOR;
        pace.slots.delete(jobId);
        return 0;
      };
      const mine = pace.slots.get(jobId);
      if (mine !== undefined && pace.until <= nowMs && mine <= nowMs + pace.interval) return granted();
      const slot = Math.max(nowMs, pace.until, pace.next);
      pace.next = slot + pace.interval;
      pace.expires = slot + pace.interval + LINGER_MS;
      if (slot <= nowMs) return granted();
      pace.slots.set(jobId, slot);
      return Math.ceil(slot - nowMs);
    },
    async refusePost(teamId, retryAfterMs, nowMs) {
      const until = nowMs + retryAfterMs;
      const pace = paceOf(teamId, nowMs);
      if (pace && pace.until > nowMs) {
        pace.until = Math.max(pace.until, until);
        pace.next = Math.max(pace.next, until);
        return;
      }
      const interval = !pace ? retryAfterMs / FIRST_SHARE : pace.n > 0 ? (nowMs - pace.since) / pace.n : pace.interval * 2;
      teams.set(teamId, { until, interval, since: nowMs, n: 0, next: Math.max(pace?.next ?? 0, until), expires: until + LINGER_MS, slots: pace?.slots ?? new Map() });
    },
  };
}
