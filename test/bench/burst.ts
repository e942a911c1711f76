// Monday 09:00: N nudges due in the same minute over ten workspaces (half of them in one
// workspace, the rest spread 1:2:…:9 over nine others), one per leader, sent by the real
// worker against the emulator enforcing Slack's limits. The floor of each workspace is the
// time Slack's limits allow (chat.postMessage's workspace ceiling, with its burst) and no
// less than N plain posts take at the same concurrency with no limits (the same-run
// baseline: what Grow's machine allows). Leaders already have their DM with the bot, as on
// any Monday after the first.
import { LogLevel, WebClient } from '@slack/web-api';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/client.js';
import { engagements, nudges, people, sessions } from '../../db/schema/index.js';
import { TIER_PER_MINUTE } from '../emulator/rate-limits.js';
import { startDeliveryFixture, waitFor, type DeliveryFixture } from '../jobs/support/delivery-fixture.js';

const CONCURRENCY = 5;
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

async function seed(f: DeliveryFixture, ws: Workspace[], dueAt: Date): Promise<void> {
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
      await f.db.db.insert(nudges).values(es.map((e) => ({
        teamId: w.teamId, recipientId: e.leaderId, engagementId: e.id, sessionId: sessionOf.get(e.id)!, kind: 'session_prep',
        dedupeKey: `${e.id}:burst`, dueAt, ref: { sessionId: sessionOf.get(e.id)! },
      })));
    }
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

export async function benchBurst(args: string[]): Promise<string> {
  const total = Number(args[0] ?? 10_000);
  const factor = Number(process.env.BENCH_RATE_FACTOR ?? 1);
  const f = await startDeliveryFixture({ emulator: { rateLimits: { enabled: false } } });
  try {
    const ws = workspaces(total);
    const dueAt = new Date(Date.now() - 1000);
    await seed(f, ws, dueAt);
    const baselineMs = await plainPostsMs(f, ws);
    const skip = f.emu.calls.length;
    const callsTo = (m: string) => f.emu.calls.slice(skip).filter((c) => c.method === m);
    f.emu.setRateLimits({ enabled: true, factor });
    const tokens = new Map(ws.map((w) => [w.teamId, w.token]));
    await f.startWorker({ concurrency: CONCURRENCY, resolveBotToken: async (teamId) => tokens.get(teamId)! });
    const t0 = Date.now();
    // One reconcile run hands the whole minute to the queue.
    await f.reconcile({ batchSize: total });
    const boundMs = Math.max(30 * 60_000, slackFloorMs(total / 2, factor) * 3);
    await waitFor(async () => {
      const [row] = rowsOf<{ open: number }>(await f.db.db.execute(sql`select count(*)::int as open from nudges where status in ('pending', 'sending')`));
      return row?.open === 0;
    }, boundMs, 'all delivered');
    const totalMs = Date.now() - t0;
    const posts = callsTo('chat.postMessage');
    const delivered = posts.filter((c) => c.ok).map((c) => String((c.args.metadata as { event_payload?: { nudge_id?: string } })?.event_payload?.nudge_id ?? ''));
    const unique = new Set(delivered.filter(Boolean));
    const lines = [`burst: ${total} nudges due together over ${ws.length} workspaces, emulator limits at factor ${factor}, worker concurrency ${CONCURRENCY}`];
    lines.push(`  baseline: ${total} plain chat.postMessage, no limits: ${baselineMs.toFixed(0)} ms (${((total * 1000) / baselineMs).toFixed(0)} msg/s)`);
    const baselineRate = total / baselineMs;
    let worst = 0;
    for (const w of ws) {
      const mine = posts.filter((c) => c.teamId === w.teamId);
      const first = Math.min(...mine.filter((c) => c.ok).map((c) => c.at)) - t0;
      if (process.env.BENCH_DEBUG) lines.push(`    first post ${first} ms; teamInfo at ${callsTo('dnd.teamInfo').filter((c) => c.teamId === w.teamId).map((c) => c.at - t0).join(',')}`);
      const done = Math.max(...mine.filter((c) => c.ok).map((c) => c.at)) - t0;
      const floor = Math.max(slackFloorMs(w.leaders.length, factor), w.leaders.length / baselineRate);
      const limited = mine.filter((c) => c.status === 429).length;
      worst = Math.max(worst, done / floor);
      lines.push(`  ${w.teamId} ${String(w.leaders.length).padStart(5)} leaders: done ${(done / 1000).toFixed(1).padStart(7)} s, floor ${(floor / 1000).toFixed(1).padStart(7)} s, ratio ${(done / floor).toFixed(2)}x, 429s ${limited}`);
    }
    const floorAll = Math.max(slackFloorMs(Math.max(...ws.map((w) => w.leaders.length)), factor), baselineMs);
    const calls = (m: string) => callsTo(m).length;
    lines.push(`  all: ${(totalMs / 1000).toFixed(1)} s vs floor ${(floorAll / 1000).toFixed(1)} s: ratio ${(totalMs / floorAll).toFixed(2)}x (target 1.15x); worst workspace ${worst.toFixed(2)}x`);
    lines.push(`  delivered ${unique.size}/${total}, duplicates ${delivered.length - unique.size}, losses ${total - unique.size}; calls: chat.postMessage ${posts.length}, dnd.teamInfo ${calls('dnd.teamInfo')}, dnd.info ${calls('dnd.info')}, conversations.open ${calls('conversations.open')}`);
    return `${lines.join('\n')}\n`;
  } finally {
    await f.close();
  }
}
