// Planning at scale: N engagements created, accepted and planned through the service verbs
// (the same calls the listeners make, each followed by the re-plan Grow runs), then 1,000
// of their leaders move to another time zone and every engagement of theirs is re-planned
// through `applyUserChange`, the path of a `user_change` event or the hourly sweep. A
// company's roll-out has many coaches submitting forms at once: BENCH_PLANNING_CONCURRENCY
// (default 8) engagements are under way at a time, each still one coach's form and one
// leader's click. The same-run baseline is plain single-row inserts at the same concurrency
// on the same database. The queue hand-off after each re-plan is left out: it touches
// Redis, not the planner.
import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { openDatabase, rowsOf } from '../../db/client.js';
import { syncEngagementPlan } from '../../db/plan-sync.js';
import { applyUserChange } from '../../src/services/people-sync.js';
import { parseConfig } from '../../src/config.js';
import { createCipher } from '../../src/crypto.js';
import { createLogger } from '../../src/logger.js';
import { acceptInvitation, createEngagement } from '../../src/services/engagement.js';
import type { ServiceContext } from '../../src/services/context.js';
import { createTestDatabase } from '../support/db.js';

const TEAM = 'T0PLAN';
const MOVED = 1_000;
const CONCURRENCY = Math.max(1, Number(process.env.BENCH_PLANNING_CONCURRENCY ?? 8));
// One coach per 10 leaders, as in a company's coaching programme.
const coachOf = (i: number) => `UC${String(Math.floor(i / 10)).padStart(6, '0')}`;
const leaderOf = (i: number) => `UL${String(i).padStart(7, '0')}`;

/** Runs `work(i)` for i = 0, 1, … with `CONCURRENCY` under way at once, until `n` or `stop()`; how many ran. */
async function inParallel(n: number, work: (i: number) => Promise<void>, stop: () => boolean = () => false): Promise<number> {
  let next = 0;
  let done = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    for (let i = next++; i < n && !stop(); i = next++) {
      await work(i);
      done++;
    }
  }));
  return done;
}

export async function benchPlanning(args: string[]): Promise<string> {
  const wanted = Number(args[0] ?? 10_000);
  // Bounded: past BENCH_PLANNING_SECONDS (default 600) of creating, the run goes on with
  // what it created, and the total for the size asked is extrapolated, and says so.
  const boundMs = Number(process.env.BENCH_PLANNING_SECONDS ?? 600) * 1000;
  const db = await createTestDatabase();
  // A pool of its own, one connection for each form under way (the test database's is 5).
  const pool = await openDatabase({ databaseUrl: db.url, pgliteDir: '', max: CONCURRENCY + 2 });
  try {
    const config = parseConfig({ NODE_ENV: 'test', SLACK_BOT_TOKEN: 'xoxb-bench', DATABASE_URL: db.url, ENCRYPTION_KEY: randomBytes(32).toString('base64') }, 'worker');
    const settings = { rhythm: config.rhythm, defaultWorkingHours: config.defaultWorkingHours };
    const now = () => new Date();
    const ctx: ServiceContext = {
      db: pool.db,
      cipher: createCipher(randomBytes(32)),
      logger: createLogger('silent'),
      now,
      ...settings,
      replan: async (teamId, engagementId) => void (await syncEngagementPlan(pool.db, { teamId, engagementId, now: now(), ...settings })),
    };
    const startDate = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const values = { startDate, sessionTime: '10:00', sessions: '8', cadence: '14', sessionLength: '60' };

    await pool.db.execute(sql`create table bench_baseline (id uuid primary key, team_id text not null, leader_id text not null)`);
    const baselineN = Math.min(wanted, 1000);
    const b0 = performance.now();
    await inParallel(baselineN, async (i) => {
      await pool.db.execute(sql`insert into bench_baseline (id, team_id, leader_id) values (${randomUUID()}, ${TEAM}, ${leaderOf(i)})`);
    });
    const baselineMs = performance.now() - b0;

    // Per engagement: the coach's form (create + plan the invitation), then the leader's
    // click (accept + plan the rhythm), one after the other, as people would.
    let createMs = 0;
    let acceptMs = 0;
    const p0 = performance.now();
    const engagements = await inParallel(wanted, async (i) => {
      const c0 = performance.now();
      const created = await createEngagement(ctx, {
        teamId: TEAM,
        coachId: coachOf(i),
        values: { ...values, leader: leaderOf(i) },
        lookUpLeader: async () => ({ isBot: false, deleted: false, tz: i % 2 ? 'Europe/Paris' : 'America/New_York' }),
      });
      if (created.outcome !== 'created') throw new Error(`engagement ${i} not created: ${Object.keys(created.errors).join(', ')}`);
      const a0 = performance.now();
      const accepted = await acceptInvitation(ctx, { teamId: TEAM, userId: leaderOf(i), engagementId: created.engagement.id });
      if (accepted.outcome !== 'moved') throw new Error(`engagement ${i} not accepted`);
      createMs += a0 - c0;
      acceptMs += performance.now() - a0;
    }, () => performance.now() - p0 >= boundMs);
    const totalMs = performance.now() - p0;

    const moved = Math.min(MOVED, engagements);
    let changed = 0;
    const r0 = performance.now();
    await inParallel(moved, async (i) => {
      if (await applyUserChange({ db: pool.db, ...settings }, { teamId: TEAM, userId: leaderOf(i), tz: 'Asia/Tokyo' }, now())) changed++;
    });
    const replanMs = performance.now() - r0;
    const [counts] = rowsOf<{ active: number; pending: number; moved_pending: number }>(
      await pool.db.execute(sql`select
        (select count(*)::int from engagements where status = 'active') as active,
        (select count(*)::int from nudges where status = 'pending') as pending,
        (select count(*)::int from nudges n join people p on p.team_id = n.team_id and p.user_id = n.recipient_id
           where n.status = 'pending' and p.tz = 'Asia/Tokyo') as moved_pending`),
    );
    if (counts!.active !== engagements || changed !== moved) throw new Error(`planned ${counts!.active} of ${engagements}, re-planned ${changed} of ${moved}`);

    const per = (ms: number, n: number) => `${(ms / n).toFixed(2)} ms each`;
    const baselineEach = baselineMs / baselineN;
    const cut = engagements < wanted
      ? `  stopped at the ${boundMs / 1000} s bound after ${engagements} of ${wanted}; at the measured ${per(totalMs, engagements)}, ${wanted} would take about ${((totalMs / engagements) * wanted / 1000).toFixed(0)} s — extrapolated, not measured\n`
      : '';
    return (
      `planning: ${engagements} engagements (8 sessions every 14 days, 10 leaders a coach), ${CONCURRENCY} at a time through the services\n` +
      `  baseline: ${baselineN} single-row inserts, ${CONCURRENCY} at a time, ${(baselineMs / 1000).toFixed(1)} s (${per(baselineMs, baselineN)} of throughput)\n` + cut +
      `  each engagement's own time: create + plan invitation ${per(createMs, engagements)}; accept + plan rhythm ${per(acceptMs, engagements)}\n` +
      `  created, accepted and planned: ${(totalMs / 1000).toFixed(1)} s (${per(totalMs, engagements)} of throughput), ratio ${(totalMs / engagements / baselineEach).toFixed(1)}x a baseline insert; ${counts!.pending} nudges pending\n` +
      `  time zone changed for ${moved} leaders, each leader's engagements re-planned: ${(replanMs / 1000).toFixed(1)} s (${per(replanMs, moved)} of throughput), ` +
      `ratio ${(replanMs / moved / baselineEach).toFixed(1)}x a baseline insert; ${counts!.moved_pending} pending nudges now for leaders in the new zone\n`
    );
  } finally {
    await pool.close();
    await db.drop();
  }
}
