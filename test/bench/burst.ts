// Monday 09:00: N nudges due in the same minute over ten workspaces (half of them in one
// workspace, the rest spread 1:2:…:9 over nine others), one per leader, sent by the real
// worker against the emulator enforcing Slack's limits. Leaders already have their DM with
// the bot, as on any Monday after the first.
//
// The floor of each workspace is the longer of two times, both measured or computed in the
// same run: what Slack's limits allow it (chat.postMessage's workspace ceiling with its
// burst, dnd.teamInfo's tier), and when Grow itself delivered that workspace's share of
// the same burst with the emulator's limits lifted (the same worker, the same fair order:
// what this machine allows). What the ratio then shows is what Slack's limits, their 429s
// and the holds cost each workspace, the small ones included. N plain chat.postMessage
// calls are timed as well, for the cost of Grow's send path against a bare post.
import { LogLevel, WebClient } from '@slack/web-api';
import { Redis } from 'ioredis';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/client.js';
import { engagements, nudges, people, sessions } from '../../db/schema/index.js';
import type { RecordedCall } from '../emulator/index.js';
import { TIER_PER_MINUTE } from '../emulator/rate-limits.js';
import { startDeliveryFixture, waitFor, type DeliveryFixture } from '../jobs/support/delivery-fixture.js';
import { sharedRedisUrl } from '../support/redis.js';

const CONCURRENCY = Number(process.env.SEND_CONCURRENCY ?? 20);
const POST_PER_MINUTE = 300; // the emulator's chat.postMessage workspace ceiling at factor 1
const CHUNK = 1000;

interface Workspace { teamId: string; token: string; leaders: string[] }

function workspaces(total: number): Workspace[] {
  const big = Math.round(total / 2);
  const sizes = [big, ...Array.from({ length: 9 }, (_, i) => Math.round(((total - big) * (i + 1)) / 45))];
  return sizes.map((n, t) => ({
    teamId: `T0BURST${String(t).padStart(3, '0')}`,
    token: `xoxb-burst-${t}`,
    leaders: Array.from({ length: n }, (_, i) => `U${t}B${String(i).padStart(5, '0')}`),
  }));
}

interface Recipient { teamId: string; leaderId: string; engagementId: string; sessionId: string }

async function seedPeople(f: DeliveryFixture, ws: Workspace[]): Promise<Recipient[]> {
  const out: Recipient[] = [];
  for (const w of ws) {
    f.emu.addTeam({ id: w.teamId, name: w.teamId, botToken: w.token, botUserId: `U0BOT${w.teamId.slice(-3)}` });
    for (let i = 0; i < w.leaders.length; i += CHUNK) {
      const ids = w.leaders.slice(i, i + CHUNK);
      for (const id of ids) f.emu.addUser(w.teamId, { id, name: id.toLowerCase(), tz: 'UTC' });
      await f.db.db.insert(people).values(ids.map((userId) => ({
        teamId: w.teamId, userId, tz: 'UTC', workDays: [1, 2, 3, 4, 5, 6, 7], workStartMinute: 0, workEndMinute: 1440, dmChannelId: userId,
      })));
      const es = await f.db.db.insert(engagements)
        .values(ids.map((leaderId) => ({ teamId: w.teamId, coachId: 'U0COACH001', leaderId, status: 'active' as const, startDate: '2026-01-05' })))
        .returning({ id: engagements.id, leaderId: engagements.leaderId });
      const ss = await f.db.db.insert(sessions)
        .values(es.map((e) => ({ teamId: w.teamId, engagementId: e.id, seq: 1, scheduledAt: new Date(Date.now() + 30 * 86_400_000) })))
        .returning({ id: sessions.id, engagementId: sessions.engagementId });
      const sessionOf = new Map(ss.map((s) => [s.engagementId, s.id]));
      out.push(...es.map((e) => ({ teamId: w.teamId, leaderId: e.leaderId, engagementId: e.id, sessionId: sessionOf.get(e.id)! })));
    }
  }
  return out;
}

/** One session-prep nudge per leader, all due at `dueAt`; `round` keeps each burst's rows apart. */
async function seedBurst(f: DeliveryFixture, recipients: Recipient[], round: string, dueAt: Date): Promise<void> {
  for (let i = 0; i < recipients.length; i += CHUNK) {
    await f.db.db.insert(nudges).values(recipients.slice(i, i + CHUNK).map((r) => ({
      teamId: r.teamId, recipientId: r.leaderId, engagementId: r.engagementId, sessionId: r.sessionId, kind: 'session_prep',
      dedupeKey: `${r.engagementId}:${round}`, dueAt, ref: { sessionId: r.sessionId },
    })));
  }
}

/** Seconds Slack's limits need for n posts in one workspace at this factor. */
export function slackFloorMs(n: number, factor: number): number {
  const perMinute = POST_PER_MINUTE * factor;
  const lookups = Math.ceil(n / 50);
  const teamInfoPerMinute = TIER_PER_MINUTE[2] * factor;
  const postMs = (Math.max(0, n - perMinute) / perMinute) * 60_000;
  const lookupMs = (Math.max(0, lookups - teamInfoPerMinute) / teamInfoPerMinute) * 60_000;
  return Math.max(postMs, lookupMs);
}

async function plainPostsMs(f: DeliveryFixture, ws: Workspace[]): Promise<number> {
  const jobs = ws.flatMap((w) => w.leaders.map((id) => ({ token: w.token, id })));
  const clients = new Map(ws.map((w) => [w.token, new WebClient(w.token, { slackApiUrl: f.emu.url, logLevel: LogLevel.ERROR, retryConfig: { retries: 0 } })]));
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    for (let j = jobs.shift(); j; j = jobs.shift()) await clients.get(j.token)!.chat.postMessage({ channel: j.id, text: 'baseline' });
  }));
  return performance.now() - t0;
}

interface Pass { ms: number; doneMs: Map<string, number>; calls: RecordedCall[] }

/** Hands one burst to the running worker and waits until every row is settled. */
async function runPass(f: DeliveryFixture, ws: Workspace[], recipients: Recipient[], round: string, boundMs: number): Promise<Pass> {
  await seedBurst(f, recipients, round, new Date(Date.now() - 1000));
  const skip = f.emu.calls.length;
  const t0 = Date.now();
  // One reconcile run hands the whole minute to the queue.
  await f.reconcile({ batchSize: recipients.length });
  await waitFor(async () => {
    // This burst's rows only: the reconciler also plans the engagements' rhythm, due later.
    const [row] = rowsOf<{ open: number }>(await f.db.db.execute(sql`select count(*)::int as open from nudges where status in ('pending', 'sending') and dedupe_key like ${`%:${round}`}`));
    return row?.open === 0;
  }, boundMs, `all delivered (${round})`);
  const ms = Date.now() - t0;
  const calls = f.emu.calls.slice(skip);
  const doneMs = new Map(ws.map((w) => [w.teamId, Math.max(...calls.filter((c) => c.teamId === w.teamId && c.method === 'chat.postMessage' && c.ok).map((c) => c.at)) - t0]));
  return { ms, doneMs, calls };
}

/** Forgets what the sender learnt in a pass (DND windows, holds), as on the next Monday. */
async function forgetPacing(prefix: string): Promise<void> {
  const redis = new Redis(sharedRedisUrl);
  try {
    for (const pattern of [`${prefix}:dnd*`, `${prefix}:hold:*`, `${prefix}:pace:*`]) {
      const keys = await redis.keys(pattern);
      if (keys.length > 0) await redis.del(...keys);
    }
  } finally {
    redis.disconnect();
  }
}

export async function benchBurst(args: string[]): Promise<string> {
  const total = Number(args[0] ?? 10_000);
  const factor = Number(process.env.BENCH_RATE_FACTOR ?? 1);
  const f = await startDeliveryFixture({ emulator: { rateLimits: { enabled: false } } });
  try {
    const ws = workspaces(total);
    const recipients = await seedPeople(f, ws);
    const boundMs = Math.max(30 * 60_000, slackFloorMs(total / 2, factor) * 3);
    // Baseline 1: plain posts, no limits.
    const baselineMs = await plainPostsMs(f, ws);
    const tokens = new Map(ws.map((w) => [w.teamId, w.token]));
    await f.startWorker({ concurrency: CONCURRENCY, resolveBotToken: async (teamId) => tokens.get(teamId)! });
    // Warm-up, not measured (JIT, connection pools, the queue's scripts): one leader in twenty.
    await runPass(f, ws, recipients.filter((_, i) => i % 20 === 0), 'warm-up', boundMs);
    await forgetPacing(f.config.queuePrefix);
    // Baseline 2: Grow's own delivery of the same burst, no limits.
    const free = await runPass(f, ws, recipients, 'unlimited', boundMs);
    await forgetPacing(f.config.queuePrefix);
    // The measured run: the same burst against Slack's limits.
    f.emu.setRateLimits({ enabled: true, factor });
    const run = await runPass(f, ws, recipients, 'limited', boundMs);
    const callsTo = (m: string) => run.calls.filter((c) => c.method === m);
    const posts = callsTo('chat.postMessage');
    const delivered = posts.filter((c) => c.ok).map((c) => String((c.args.metadata as { event_payload?: { nudge_id?: string } })?.event_payload?.nudge_id ?? ''));
    const unique = new Set(delivered.filter(Boolean));
    const [settled] = rowsOf<{ sent: number }>(await f.db.db.execute(sql`select count(*)::int as sent from nudges where dedupe_key like '%:limited' and status = 'sent'`));
    const lines = [`burst: ${total} nudges due together over ${ws.length} workspaces, emulator limits at factor ${factor}, worker concurrency ${CONCURRENCY}`];
    lines.push(`  baseline: ${total} plain chat.postMessage, no limits, concurrency ${CONCURRENCY}: ${baselineMs.toFixed(0)} ms (${((total * 1000) / baselineMs).toFixed(0)} msg/s)`);
    lines.push(`  baseline: Grow delivering the same burst, no limits: ${free.ms} ms (${((total * 1000) / free.ms).toFixed(0)} msg/s; ${(free.ms / baselineMs).toFixed(2)}x the plain posts)`);
    let worst = 0;
    for (const w of ws) {
      const n = w.leaders.length;
      const done = run.doneMs.get(w.teamId)!;
      const slack = slackFloorMs(n, factor);
      const floor = Math.max(slack, free.doneMs.get(w.teamId)!);
      const limited = posts.filter((c) => c.teamId === w.teamId && c.status === 429).length;
      worst = Math.max(worst, done / floor);
      lines.push(`  ${w.teamId} ${String(n).padStart(5)} leaders: done ${(done / 1000).toFixed(1).padStart(7)} s, floor ${(floor / 1000).toFixed(1).padStart(7)} s (Slack ${(slack / 1000).toFixed(1)} s, Grow unlimited ${(free.doneMs.get(w.teamId)! / 1000).toFixed(1)} s), ratio ${(done / floor).toFixed(2)}x, 429s ${limited}`);
    }
    const slackAll = slackFloorMs(Math.max(...ws.map((w) => w.leaders.length)), factor);
    const floorAll = Math.max(slackAll, free.ms);
    const calls = (m: string) => callsTo(m).length;
    lines.push(`  all: ${(run.ms / 1000).toFixed(1)} s vs floor ${(floorAll / 1000).toFixed(1)} s (Slack ${(slackAll / 1000).toFixed(1)} s, Grow unlimited ${(free.ms / 1000).toFixed(1)} s): ratio ${(run.ms / floorAll).toFixed(2)}x (target 1.15x); worst workspace ${worst.toFixed(2)}x`);
    lines.push(`  delivered ${unique.size}/${total} (rows sent: ${settled?.sent ?? 0}), duplicates ${delivered.length - unique.size}, losses ${total - unique.size}; calls: chat.postMessage ${posts.length} (${posts.filter((c) => c.status === 429).length} answered 429), dnd.teamInfo ${calls('dnd.teamInfo')}, dnd.info ${calls('dnd.info')}, conversations.open ${calls('conversations.open')}`);
    return `${lines.join('\n')}\n`;
  } finally {
    await f.close();
  }
}
