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

async function settledRss(pid: number): Promise<number> {
  process.kill(pid, 'SIGUSR2');
  await sleep(1500);
  return rssKb(pid);
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
    const idle = await settledRss(pid);
    // The burst: one leader each (the reconciler also plans their rhythm for later days; only
    // the burst's own rows are waited for), always at work, a session ahead and its prep nudge due now.
    const leaders = Array.from({ length: burst }, (_, i) => `U0FP${String(i).padStart(6, '0')}`);
    for (const id of leaders) emu.addUser(TEAM, { id, name: id.toLowerCase(), tz: 'UTC' });
    await db.db.insert(people).values(leaders.map((userId) => ({ teamId: TEAM, userId, tz: 'UTC', workDays: [1, 2, 3, 4, 5, 6, 7], workStartMinute: 0, workEndMinute: 1440 })));
    const rows = await db.db.insert(engagements).values(leaders.map((leaderId) => ({ teamId: TEAM, coachId: 'U0FPCOACH1', leaderId, status: 'active' as const, startDate: '2026-01-05' }))).returning();
    const ss = await db.db.insert(sessions).values(rows.map((e) => ({ teamId: TEAM, engagementId: e.id, seq: 1, scheduledAt: new Date(Date.now() + 2 * 86_400_000) }))).returning();
    const loadStart = performance.now();
    await db.db.insert(nudges).values(ss.map((s, i) => ({
      teamId: TEAM, recipientId: rows[i]!.leaderId, engagementId: s.engagementId, sessionId: s.id, kind: 'session_prep' as const,
      dedupeKey: `footprint:${s.id}`, dueAt: new Date(Date.now() - 1000), ref: { sessionId: s.id },
    })));
    let peak = 0;
    const deadline = Date.now() + Number(process.env.BENCH_FOOTPRINT_TIMEOUT_MS ?? 15 * 60_000);
    const open = async () => rowsOf<{ n: number }>(await db.db.execute(sql`select count(*)::int as n from nudges where status in ('pending', 'sending') and dedupe_key like 'footprint:%'`))[0]!.n;
    while ((await open()) > 0) {
      if (Date.now() > deadline) {
        const statuses = rowsOf(await db.db.execute(sql`select status, reason, count(*)::int as n from nudges group by 1, 2`));
        throw new Error(`burst not delivered in time: ${JSON.stringify(statuses)}\n${grow.output().slice(-2000)}`);
      }
      peak = Math.max(peak, rssKb(pid));
      await sleep(250);
    }
    const loadS = (performance.now() - loadStart) / 1000;
    const sent = (await db.db.select({ id: nudges.id }).from(nudges).where(and(eq(nudges.teamId, TEAM), eq(nudges.status, 'sent'), sql`${nudges.dedupeKey} like 'footprint:%'`))).length;
    await sleep(5000);
    const after = await settledRss(pid);
    const growth = (after / idle - 1) * 100;
    return (
      `footprint: \`npm start\` (web and worker), ${burst} session-prep nudges due at once, emulator limits lifted\n` +
      `  start to /readyz 200: ${(readyMs / 1000).toFixed(1)} s (baseline: bare node --import tsx ${(bare.ms / 1000).toFixed(1)} s; ratio ${(readyMs / bare.ms).toFixed(1)}x)\n` +
      `  RSS idle after GC ${mb(idle)} (baseline: bare node --import tsx ${mb(bare.rssKb)}; ratio ${(idle / bare.rssKb).toFixed(1)}x)\n` +
      `  RSS peak during the burst ${mb(peak)} (${sent} of ${burst} sent in ${loadS.toFixed(1)} s, ${chatPosts(emu)} chat.postMessage)\n` +
      `  RSS after the burst and a GC ${mb(after)}: ${growth >= 0 ? '+' : ''}${growth.toFixed(1)}% against idle (target within 10%)\n`
    );
  } finally {
    await grow.stop();
    await clearQueuePrefix(sharedRedisUrl, prefix).catch(() => {});
    await emu.close();
    await db.drop();
  }
}

const chatPosts = (emu: { callsTo(method: string): unknown[] }) => emu.callsTo('chat.postMessage').length;
