// Footprint of `npm start` (web and worker in one process): time from spawn to /readyz
// answering 200, resident memory idle, at its peak while the worker delivers a burst of
// due nudges to the Slack emulator, and after it once a full GC has run (target: within
// 10% of idle after the same GC). Same-run baselines: a bare `node --import tsx` that
// exits at once, and its resident memory.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { and, eq, sql } from 'drizzle-orm';
import { rowsOf } from '../../db/client.js';
import { engagements, nudges, people, sessions } from '../../db/schema/index.js';
import { startEmulator } from '../emulator/index.js';
import { createTestDatabase } from '../support/db.js';
import { startGrowProcess } from '../support/grow-process.js';
import { clearQueuePrefix, sharedRedisUrl, uniqueQueuePrefix } from '../support/redis.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TEAM = 'T0FOOTPRNT';
const GC_PRELOAD = fileURLToPath(new URL('./support/gc-on-signal.mjs', import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mb = (kb: number) => `${(kb / 1024).toFixed(1)} MB`;

function rssKb(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
}

/** Baseline: a bare node with the tsx loader, its start-up time and resident memory. */
async function bareNode(): Promise<{ ms: number; rssKb: number }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', '-e', 'setTimeout(() => {}, 1500)'], { cwd: ROOT, stdio: 'ignore' });
  await sleep(1000);
  const rss = rssKb(child.pid!);
  await new Promise((r) => child.once('exit', r));
  return { ms: performance.now() - t0 - 1500, rssKb: rss };
}

interface Reading { afterMs: number; rss: number; heapUsed: number; heapTotal: number; external: number; arrayBuffers: number }
interface Settled { rssKb: number; heapUsedMb: number; readings: Reading[] }

const READINGS = 5; // 0, 1, 5, 15 and 30 s after the GC (gc-on-signal.mjs)

/**
 * A full GC in the child, then its memory as the child reports it right after and 1, 5,
 * 15 and 30 s later; the RSS compared is the last (what the process keeps once it has
 * had time to give pages back), the earlier ones show whether and how fast it does; the
 * heap compared is the one right after the GC (live objects only).
 */
async function settled(pid: number, output: () => string): Promise<Settled> {
  const lines = () => output().split('\n').filter((l) => l.includes('benchMemory'));
  const seen = lines().length;
  process.kill(pid, 'SIGUSR2');
  const deadline = Date.now() + 60_000;
  while (lines().length < seen + READINGS && Date.now() < deadline) await sleep(500);
  const readings = lines().slice(seen).map((l) => (JSON.parse(l.slice(l.indexOf('{'))) as { benchMemory: Reading }).benchMemory);
  const last = readings.at(-1);
  return { rssKb: last ? last.rss / 1024 : rssKb(pid), heapUsedMb: readings[0] ? readings[0].heapUsed / 1048576 : NaN, readings };
}

const mib = (bytes: number) => (bytes / 1048576).toFixed(1);

/** RSS at each reading, then what held it right after the GC: V8's heap (used of total), outside it, array buffers, the rest (code, stacks, malloc). */
function describeReadings(s: Settled): string {
  const gc = s.readings[0];
  if (!gc) return 'no readings';
  const rss = s.readings.map((r) => `${r.afterMs / 1000} s ${mib(r.rss)}`).join(', ');
  return `RSS after the GC ${rss} MB; right after it heap ${mib(gc.heapUsed)} of ${mib(gc.heapTotal)} MB, external ${mib(gc.external)} MB (array buffers ${mib(gc.arrayBuffers)}), other ${mib(gc.rss - gc.heapTotal - gc.external)} MB`;
}

export async function benchFootprint(args: string[]): Promise<string> {
  const burst = Number(args[0] ?? 1_000);
  const bare = await bareNode();
  const db = await createTestDatabase();
  const emu = await startEmulator({ signingSecret: 'footprint', rateLimits: { enabled: false } });
  const botToken = `xoxb-footprint-${randomBytes(6).toString('hex')}`;
  emu.addTeam({ id: TEAM, name: 'Acme', botToken, botUserId: 'U0FOOTBOT1' });
  const prefix = uniqueQueuePrefix('footprint');
  const t0 = performance.now();
  const grow = await startGrowProcess(
    {
      NODE_ENV: 'test',
      NODE_OPTIONS: `--expose-gc --import ${GC_PRELOAD}`,
      SLACK_SIGNING_SECRET: 'footprint',
      SLACK_BOT_TOKEN: botToken,
      SLACK_API_URL: emu.url,
      DATABASE_URL: db.url,
      REDIS_URL: sharedRedisUrl,
      QUEUE_PREFIX: prefix,
      RECONCILE_EVERY_MS: '1000',
      ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      LOG_LEVEL: 'info',
    },
    { readyTimeoutMs: 120_000 },
  );
  const readyMs = performance.now() - t0;
  process.stderr.write(`footprint: ready after ${(readyMs / 1000).toFixed(1)} s; loading\n`);
  const pid = grow.child.pid!;
  try {
    await sleep(3000);
    const idle = await settled(pid, grow.output);
    // The leaders: one each, always at work, a session ahead. Each burst gives every one of
    // them a session-prep nudge due now (the reconciler also plans their rhythm for later
    // days; only the burst's own rows are waited for).
    const leaders = Array.from({ length: burst }, (_, i) => `U0FP${String(i).padStart(6, '0')}`);
    for (const id of leaders) emu.addUser(TEAM, { id, name: id.toLowerCase(), tz: 'UTC' });
    await db.db.insert(people).values(leaders.map((userId) => ({ teamId: TEAM, userId, tz: 'UTC', workDays: [1, 2, 3, 4, 5, 6, 7], workStartMinute: 0, workEndMinute: 1440 })));
    const rows = await db.db.insert(engagements).values(leaders.map((leaderId) => ({ teamId: TEAM, coachId: 'U0FPCOACH1', leaderId, status: 'active' as const, startDate: '2026-01-05' }))).returning();
    const ss = await db.db.insert(sessions).values(rows.map((e) => ({ teamId: TEAM, engagementId: e.id, seq: 1, scheduledAt: new Date(Date.now() + 2 * 86_400_000) }))).returning();
    // Each engagement also has its prep for the session pending, a day ahead (beyond the
    // reconciler's horizon): an active engagement with nothing pending is one whose plan was
    // lost, and the reconciler would re-plan 50 a second after each burst, so the readings
    // would measure that planning instead of a process at rest.
    await db.db.insert(nudges).values(ss.map((s, i) => ({
      teamId: TEAM, recipientId: rows[i]!.leaderId, engagementId: s.engagementId, sessionId: s.id, kind: 'session_prep' as const,
      dedupeKey: `footprint:later:${s.id}`, dueAt: new Date(Date.now() + 86_400_000), ref: { sessionId: s.id },
    })));
    const deadline = Date.now() + Number(process.env.BENCH_FOOTPRINT_TIMEOUT_MS ?? 15 * 60_000);
    const runBurst = async (round: string) => {
      const start = performance.now();
      await db.db.insert(nudges).values(ss.map((s, i) => ({
        teamId: TEAM, recipientId: rows[i]!.leaderId, engagementId: s.engagementId, sessionId: s.id, kind: 'session_prep' as const,
        dedupeKey: `footprint:${round}:${s.id}`, dueAt: new Date(Date.now() - 1000), ref: { sessionId: s.id },
      })));
      let peak = 0;
      const open = async () => rowsOf<{ n: number }>(await db.db.execute(sql`select count(*)::int as n from nudges where status in ('pending', 'sending') and dedupe_key like ${`footprint:${round}:%`}`))[0]!.n;
      while ((await open()) > 0) {
        if (Date.now() > deadline) {
          const statuses = rowsOf(await db.db.execute(sql`select status, reason, count(*)::int as n from nudges group by 1, 2`));
          throw new Error(`burst not delivered in time: ${JSON.stringify(statuses)}\n${grow.output().slice(-2000)}`);
        }
        peak = Math.max(peak, rssKb(pid));
        await sleep(250);
      }
      const seconds = (performance.now() - start) / 1000;
      const sent = (await db.db.select({ id: nudges.id }).from(nudges).where(and(eq(nudges.teamId, TEAM), eq(nudges.status, 'sent'), sql`${nudges.dedupeKey} like ${`footprint:${round}:%`}`))).length;
      const others = rowsOf<{ status: string; reason: string | null; n: number }>(await db.db.execute(sql`select status, reason, count(*)::int as n from nudges
        where status <> 'sent' and dedupe_key like ${`footprint:${round}:%`} group by 1, 2`)).map((r) => `${r.n} ${r.status}${r.reason ? ` (${r.reason})` : ''}`);
      return { peak, seconds, sent, others, after: await settled(pid, grow.output) };
    };
    const first = await runBurst('a');
    const second = await runBurst('b');
    const pct = (a: number, b: number) => { const g = (a / b - 1) * 100; return `${g >= 0 ? '+' : ''}${g.toFixed(1)}%`; };
    const line = (label: string, r: Awaited<ReturnType<typeof runBurst>>) =>
      `  ${label}: RSS peak ${mb(r.peak)} (${r.sent} of ${burst} sent in ${r.seconds.toFixed(1)} s${r.others.length ? `; ${r.others.join(', ')}` : ''})\n` +
      `    ${describeReadings(r.after)}\n`;
    return (
      `footprint: \`npm start\` (web and worker), two bursts of ${burst} session-prep nudges due at once, emulator limits lifted\n` +
      `  start to /readyz 200: ${(readyMs / 1000).toFixed(1)} s (baseline: bare node --import tsx ${(bare.ms / 1000).toFixed(1)} s; ratio ${(readyMs / bare.ms).toFixed(1)}x)\n` +
      `  idle: RSS ${mb(idle.rssKb)} 30 s after a GC (baseline: bare node --import tsx ${mb(bare.rssKb)}; ratio ${(idle.rssKb / bare.rssKb).toFixed(1)}x)\n` +
      `    ${describeReadings(idle)}\n` +
      line('burst 1', first) + line('burst 2', second) +
      `  after burst 1 against idle, 30 s after a GC: RSS ${pct(first.after.rssKb, idle.rssKb)}, heap ${pct(first.after.heapUsedMb, idle.heapUsedMb)} (target within 10%)\n` +
      `  after burst 2 against after burst 1 (a leak keeps growing): RSS ${pct(second.after.rssKb, first.after.rssKb)}, heap ${pct(second.after.heapUsedMb, first.after.heapUsedMb)}\n` +
      `  ${chatPosts(emu)} chat.postMessage in all\n`
    );
  } finally {
    await grow.stop();
    await clearQueuePrefix(sharedRedisUrl, prefix).catch(() => {});
    await emu.close();
    await db.drop();
  }
}

const chatPosts = (emu: { callsTo(method: string): unknown[] }) => emu.callsTo('chat.postMessage').length;
