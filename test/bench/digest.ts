// Digest week: N coaches, one running engagement each (a leader with a shared check-in and
// a session two days ahead), so each coach is owed a weekly digest and a session brief.
// Both planners run as the hourly job runs them; then this week's digest and every brief
// are made due now and the real worker renders and sends them to the emulator (limits
// lifted: Grow's own cost, not Slack's pacing). Same-run baseline: plain chat.postMessage
// at the same concurrency. Bounded: past BENCH_DIGEST_SECONDS (default 600) the run stops
// and the total is extrapolated from the rate of its last minute, and says so.
import { LogLevel, WebClient } from '@slack/web-api';
import { sql } from 'drizzle-orm';
import { openDatabase, rowsOf } from '../../db/client.js';
import { checkIns, engagements, people, sessions } from '../../db/schema/index.js';
import { planCoachNudges } from '../../jobs/plan-coach-nudges.js';
import { BOT_TOKEN, startDeliveryFixture, TEAM } from '../jobs/support/delivery-fixture.js';

const CONCURRENCY = Number(process.env.SEND_CONCURRENCY ?? 20);
const CHUNK = 1000;
const ALWAYS = { tz: 'UTC', workDays: [1, 2, 3, 4, 5, 6, 7], workStartMinute: 0, workEndMinute: 1440 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function benchDigest(args: string[]): Promise<string> {
  const coaches = Number(args[0] ?? 10_000);
  const boundS = Number(process.env.BENCH_DIGEST_SECONDS ?? 600);
  const f = await startDeliveryFixture();
  let closeCounted = async () => {};
  try {
    const coachOf = (i: number) => `UCD${String(i).padStart(6, '0')}`;
    const leaderOf = (i: number) => `ULD${String(i).padStart(6, '0')}`;
    const s0 = performance.now();
    for (let from = 0; from < coaches; from += CHUNK) {
      const ids = Array.from({ length: Math.min(CHUNK, coaches - from) }, (_, k) => from + k);
      for (const i of ids) {
        f.emu.addUser(TEAM, { id: coachOf(i), name: coachOf(i).toLowerCase(), tz: 'UTC' });
        f.emu.addUser(TEAM, { id: leaderOf(i), name: leaderOf(i).toLowerCase(), tz: 'UTC' });
      }
      await f.db.db.insert(people).values(ids.flatMap((i) => [
        { teamId: TEAM, userId: coachOf(i), dmChannelId: coachOf(i), ...ALWAYS },
        { teamId: TEAM, userId: leaderOf(i), dmChannelId: leaderOf(i), ...ALWAYS },
      ]));
      const es = await f.db.db.insert(engagements)
        .values(ids.map((i) => ({ teamId: TEAM, coachId: coachOf(i), leaderId: leaderOf(i), status: 'active' as const, startDate: '2026-01-05' })))
        .returning({ id: engagements.id, leaderId: engagements.leaderId });
      await f.db.db.insert(sessions).values(es.map((e) => ({ teamId: TEAM, engagementId: e.id, seq: 1, scheduledAt: new Date(Date.now() + 2 * 86_400_000) })));
      await f.db.db.insert(checkIns).values(es.map((e) => ({
        teamId: TEAM, leaderId: e.leaderId, engagementId: e.id, visibility: 'shared' as const, commitment: 8,
        goalEnc: f.cipher.encrypt('Delegate the weekly report'), realityEnc: f.cipher.encrypt('I still write it myself'),
        optionsEnc: f.cipher.encrypt('Pair with Sam'), willEnc: f.cipher.encrypt('Hand it over by Friday'),
        createdAt: new Date(Date.now() - 86_400_000),
      })));
    }
    const seedS = (performance.now() - s0) / 1000;

    // Baseline: plain posts at the same concurrency, to the same kind of recipient.
    const client = new WebClient(BOT_TOKEN, { slackApiUrl: f.emu.url, logLevel: LogLevel.ERROR, retryConfig: { retries: 0 } });
    const baselineN = Math.min(coaches, 2000);
    const queue = Array.from({ length: baselineN }, (_, i) => coachOf(i));
    const b0 = performance.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      for (let id = queue.shift(); id; id = queue.shift()) await client.chat.postMessage({ channel: id, text: 'baseline' });
    }));
    const baselineMsEach = (performance.now() - b0) / baselineN;

    const p0 = performance.now();
    const planned = await planCoachNudges(f.db.db, { now: new Date() });
    const planS = (performance.now() - p0) / 1000;
    // This week's digest (each coach's earliest) and every brief, due now.
    const due = new Date(Date.now() - 1000);
    await f.db.db.execute(sql`update nudges set due_at = ${due.toISOString()}::timestamptz where id in (
      select distinct on (recipient_id) id from nudges where kind = 'digest' order by recipient_id, due_at)
      or (kind = 'brief' and status = 'pending')`);
    const [{ n: owed }] = rowsOf<{ n: number }>(await f.db.db.execute(sql`select count(*)::int as n from nudges where kind in ('digest', 'brief') and due_at = ${due.toISOString()}::timestamptz`)) as [{ n: number }];

    const settled = async () => rowsOf<{ status: string; n: number }>(await f.db.db.execute(sql`select status, count(*)::int as n from nudges
      where kind in ('digest', 'brief') and due_at <= ${due.toISOString()}::timestamptz group by 1`));
    const skip = f.emu.calls.length;
    // The worker gets a pool of its own that counts the statements it sends.
    let statements = 0;
    const counted = await openDatabase({ databaseUrl: f.db.url, pgliteDir: '', max: 10, onQuery: () => void statements++ });
    closeCounted = () => counted.close();
    await f.startWorker({ concurrency: CONCURRENCY, db: counted.db });
    const t0 = performance.now();
    await f.reconcile({ batchSize: owed });
    const samples: Array<{ at: number; done: number }> = [];
    let done = 0;
    while (done < owed && performance.now() - t0 < boundS * 1000) {
      await sleep(2000);
      done = (await settled()).filter((r) => r.status !== 'pending' && r.status !== 'sending').reduce((a, r) => a + r.n, 0);
      samples.push({ at: performance.now() - t0, done });
    }
    const elapsedS = (performance.now() - t0) / 1000;
    const statuses = await settled();
    const posts = f.emu.calls.slice(skip).filter((c) => c.method === 'chat.postMessage' && c.ok).length;
    // The steady rate: the last minute of samples (or all of them in a short run).
    const last = samples.at(-1)!;
    const from = samples.find((s) => s.at >= last.at - 60_000) ?? samples[0]!;
    const steady = last.at > from.at ? ((last.done - from.done) * 1000) / (last.at - from.at) : last.done / elapsedS;
    const finished = done >= owed;
    const lines = [
      `digest week: ${coaches} coaches, one running engagement each; seeded in ${seedS.toFixed(0)} s; worker concurrency ${CONCURRENCY}, emulator limits lifted`,
      `  planned in ${planS.toFixed(1)} s: ${planned.digests} digests (this week's and next week's) and ${planned.briefs} briefs; ${owed} made due now`,
      `  baseline: ${baselineN} plain chat.postMessage ${baselineMsEach.toFixed(2)} ms each (${(1000 / baselineMsEach).toFixed(0)} msg/s)`,
      finished
        ? `  rendered and sent: ${owed} in ${elapsedS.toFixed(1)} s, ${((elapsedS * 1000) / owed).toFixed(2)} ms per message of throughput (${(owed / elapsedS).toFixed(0)} msg/s), ${(((elapsedS * 1000) / owed) / baselineMsEach).toFixed(1)}x a plain post`
        : `  stopped at the ${boundS} s bound: ${done} of ${owed} settled in ${elapsedS.toFixed(1)} s; steady rate over the last minute ${steady.toFixed(1)} msg/s (${(1000 / steady).toFixed(2)} ms per message, ${((1000 / steady) / baselineMsEach).toFixed(1)}x a plain post); extrapolated total ${((owed / steady)).toFixed(0)} s — an extrapolation, not a measurement`,
      `  outcomes: ${statuses.map((r) => `${r.status} ${r.n}`).join(', ')}; ${posts} accepted chat.postMessage`,
      `  statements the worker sent: ${statements}, ${(statements / Math.max(1, done)).toFixed(1)} per message settled (claim, read, render, record)`,
    ];
    return `${lines.join('\n')}\n`;
  } finally {
    await f.close();
    await closeCounted();
  }
}
