// A year of history: E engagements (14 nudges each, most sent, plus their check-ins and
// reflections) seeded in SQL, then the reconciler's cost per run while rows move from
// pending to sent all day with autovacuum off (the worst case: every index keeps its dead
// entries). Baseline in the same run: the same reconcile right after a VACUUM. Run once
// without the partial index nudges_open_due_idx and once with it. Redis memory is read
// from a private redis-server holding only what the reconciler hands over.
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.js';
import { selectNudgesToEnqueue } from '../../db/nudges.js';
import { startDeliveryFixture } from '../jobs/support/delivery-fixture.js';
import { startPrivateRedis } from '../support/redis.js';
import { Redis } from 'ioredis';

const STEPS = 20;
const HORIZON_MS = 10 * 60_000;

export async function seed(db: Db, engagements: number): Promise<void> {
  const blob = `repeat('x', 96)`;
  await db.execute(sql.raw(`
    insert into engagements (id, team_id, coach_id, leader_id, status, start_date)
      select md5('e' || g)::uuid, 'T0HIST' || (g % 10), 'UC' || (g % 1000), 'UL' || g, 'active', date '2026-01-05'
      from generate_series(1, ${engagements}) g;
    insert into check_ins (team_id, leader_id, engagement_id, goal_enc, reality_enc, options_enc, will_enc, commitment)
      select 'T0HIST' || (g % 10), 'UL' || g, md5('e' || g)::uuid, ${blob}, ${blob}, ${blob}, ${blob}, 8
      from generate_series(1, ${engagements}) g, generate_series(1, 6) k;
    insert into reflections (team_id, leader_id, engagement_id, kind, body_enc)
      select 'T0HIST' || (g % 10), 'UL' || g, md5('e' || g)::uuid, 'moment', ${blob}
      from generate_series(1, ${engagements}) g, generate_series(1, 3) k;
    -- 12 sent over the past year, 2 still to come; one engagement in seven has one due in the next 24 hours.
    insert into nudges (team_id, recipient_id, engagement_id, kind, dedupe_key, due_at, status, sent_at, attempts)
      select 'T0HIST' || (g % 10), 'UL' || g, md5('e' || g)::uuid, 'follow_up', g || ':' || k,
        case when k <= 12 then now() - ((13 - k) * 28 + g % 20) * interval '1 day'
             when k = 13 and g % 7 = 0 then now() + (g % 1440) * interval '1 minute'
             else now() + (k * 7 + g % 20) * interval '1 day' end,
        case when k <= 12 then 'sent' else 'pending' end,
        case when k <= 12 then now() - ((13 - k) * 28 + g % 20) * interval '1 day' end,
        case when k <= 12 then 1 else 0 end
      from generate_series(1, ${engagements}) g, generate_series(1, 14) k;
    analyze;`));
}

/**
 * The same-run baseline: a one-row UPDATE and its commit. The reconciler's statement is an
 * UPDATE too (it stamps what it hands over), so each run waits for a commit's WAL flush;
 * on a loaded machine that wait, not the scan, is most of its wall time.
 */
async function probeMs(db: Db): Promise<number> {
  const t0 = performance.now();
  await db.execute(sql`update bench_probe set n = n + 1`);
  return performance.now() - t0;
}

async function reconcileMs(db: Db, now: Date): Promise<number> {
  const t0 = performance.now();
  await selectNudgesToEnqueue(db, { now, horizonMs: HORIZON_MS, staleSendingMs: 5 * 60_000, limit: 5000 });
  return performance.now() - t0;
}

/** The worker's day up to `until`: every row of today due by then goes pending → sending → sent. */
async function churn(db: Db, until: Date): Promise<void> {
  const at = until.toISOString();
  await db.execute(sql`update nudges set status = 'sending', claimed_at = ${at}::timestamptz where status = 'pending' and due_at <= ${at}::timestamptz`);
  await db.execute(sql`update nudges set status = 'sent', sent_at = ${at}::timestamptz where status = 'sending'`);
}

/** Today's rows back to pending, then VACUUM: both runs start from the same clean table. */
async function resetDay(db: Db, start: Date): Promise<void> {
  await db.execute(sql`update nudges set status = 'pending', sent_at = null, claimed_at = null
    where dedupe_key like '%:13' and due_at >= ${start.toISOString()}::timestamptz`);
  await db.execute(sql`vacuum analyze nudges`);
}

/** The reconciler's whole statement, as the worker runs it, under EXPLAIN ANALYZE and rolled back. */
async function explain(db: Db, now: Date): Promise<string> {
  const horizon = new Date(now.getTime() + HORIZON_MS).toISOString();
  const stale = new Date(now.getTime() - 5 * 60_000).toISOString();
  let plan: Array<{ 'QUERY PLAN': string }> = [];
  await db.transaction(async (tx) => {
    plan = rowsOf<{ 'QUERY PLAN': string }>(await tx.execute(sql`explain (analyze, buffers, costs off)
      with repaired as (
        update nudges set status = 'pending' where id = any(array(
          select id from nudges where status = 'sending' and claimed_at < ${stale}::timestamptz order by claimed_at limit 5000 for update skip locked))
        returning id),
      due as (
        update nudges set enqueued_at = ${now.toISOString()}::timestamptz where id = any(array(
          select id from nudges where status = 'pending' and due_at <= ${horizon}::timestamptz order by due_at limit 5000 for update skip locked))
        returning id)
      select * from repaired union all select * from due`));
    tx.rollback();
  }).catch(() => {});
  const lines = plan.map((r) => r['QUERY PLAN'].trim());
  // The scans it chose, the buffers of the whole statement, its execution time.
  const keep = [...lines.filter((l) => /Scan (using|on)/.test(l) && !l.startsWith('->  CTE')), lines.find((l) => l.startsWith('Buffers:')) ?? '', lines.find((l) => l.startsWith('Execution Time')) ?? ''];
  return keep.map((l) => `      ${l}`).join('\n');
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// The day is replayed on a simulated clock: each step the worker has sent everything due,
// and the reconciler scans up to the step's now + horizon, across today's dead entries.
async function phase(db: Db, label: string, dayStart: Date): Promise<string> {
  await resetDay(db, dayStart);
  const vacuumed: number[] = [];
  const probes: number[] = [];
  for (let i = 0; i < 5; i++) {
    probes.push(await probeMs(db));
    vacuumed.push(await reconcileMs(db, dayStart));
  }
  const churned: number[] = [];
  let now = dayStart;
  for (let i = 1; i <= STEPS; i++) {
    now = new Date(dayStart.getTime() + (i * 86_400_000) / STEPS);
    await churn(db, now);
    probes.push(await probeMs(db));
    churned.push(await reconcileMs(db, now));
  }
  return `  ${label}: after VACUUM p50 ${median(vacuumed).toFixed(1)} ms; through the day (${STEPS} steps, no vacuum) ` +
    `p50 ${median(churned).toFixed(1)} ms, max ${Math.max(...churned).toFixed(1)} ms, last ${churned.at(-1)!.toFixed(1)} ms; ` +
    `ratio p50 ${(median(churned) / median(vacuumed)).toFixed(2)}x\n` +
    `    baseline, a one-row UPDATE and commit at the same moments: p50 ${median(probes).toFixed(1)} ms, max ${Math.max(...probes).toFixed(1)} ms; ` +
    `reconcile through the day against it: p50 ${(median(churned) / median(probes)).toFixed(2)}x\n    plan at the end of the day:\n${await explain(db, now)}\n`;
}

export async function benchHistory(args: string[]): Promise<string> {
  const engagements = Number(args[0] ?? 100_000);
  const redis = await startPrivateRedis();
  const f = await startDeliveryFixture({ redisUrl: redis.url });
  const probe = new Redis(redis.url);
  try {
    const db = f.db.db;
    const t0 = performance.now();
    await seed(db, engagements);
    await db.execute(sql`create table bench_probe (n int not null); insert into bench_probe values (0)`);
    const seedS = (performance.now() - t0) / 1000;
    const [counts] = rowsOf<{ nudges: number; sent: number; db: string; nudges_size: string }>(await db.execute(sql`select
      (select count(*)::int from nudges) as nudges, (select count(*)::int from nudges where status = 'sent') as sent,
      pg_size_pretty(pg_database_size(current_database())) as db, pg_size_pretty(pg_total_relation_size('nudges')) as nudges_size`));
    const memory = async () => Number(/used_memory:(\d+)/.exec(await probe.info('memory'))?.[1] ?? 0);
    const before = await memory();
    const handed = await f.reconcile();
    const after = await memory();
    await db.execute(sql`alter table nudges set (autovacuum_enabled = false)`);
    const dayStart = new Date();
    await db.execute(sql`drop index nudges_open_due_idx`);
    const without = await phase(db, 'without nudges_open_due_idx', dayStart);
    await db.execute(sql`create index nudges_open_due_idx on nudges (due_at) where status in ('pending', 'sending')`);
    const withIdx = await phase(db, 'with nudges_open_due_idx   ', dayStart);
    return `history: ${engagements} engagements, ${counts!.nudges} nudge rows (${counts!.sent} sent), ${engagements * 6} check-ins, ${engagements * 3} reflections; seeded in ${seedS.toFixed(0)} s\n` +
      `  Postgres: database ${counts!.db}, nudges with indexes ${counts!.nudges_size}\n` +
      `  Redis (private redis-server) after the reconciler handed over ${handed.enqueued} due jobs: used_memory ${(after / 1048576).toFixed(1)} MB (empty ${(before / 1048576).toFixed(1)} MB; target < 64 MB)\n` +
      `  reconcile run (one statement; target < 50 ms, steady):\n${without}${withIdx}`;
  } finally {
    probe.disconnect();
    await f.close();
    await redis.stop();
  }
}
