// Scrape cost at scale: a million nudge rows (mostly settled, as in a deployment that has
// run for a while) in a database of the benchmark's own; GET /metrics timed against
// GET /healthz on the same server, plus the old whole-table `group by` for comparison.
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { Redis } from 'ioredis';
import { closeQueueViews, openQueueViews } from '../../jobs/queue-views.js';
import { createMetrics } from '../../src/http/metrics.js';
import { createHttpServer } from '../../src/http/server.js';
import { createLogger } from '../../src/logger.js';
import { createTestDatabase } from '../support/db.js';
import { clearQueuePrefix, sharedRedisUrl, uniqueQueuePrefix } from '../support/redis.js';

const ROWS = Number(process.env.BENCH_METRICS_ROWS ?? 1_000_000);
const SCRAPES = Number(process.env.BENCH_SCRAPES ?? 200);

function summarize(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { p50: at(0.5), p95: at(0.95), max: s[s.length - 1]! };
}

async function timeGets(url: string, n: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await (await fetch(url)).text();
    samples.push(performance.now() - t0);
  }
  return samples;
}

export async function benchMetrics(): Promise<string> {
  const t = await createTestDatabase();
  const prefix = uniqueQueuePrefix('bench-metrics');
  const redis = new Redis(sharedRedisUrl, { maxRetriesPerRequest: null });
  const queues = openQueueViews(redis, prefix);
  const server = createHttpServer({ logger: createLogger('silent'), readiness: {}, metrics: createMetrics({ db: t.db, queues }) });
  try {
    const t0 = performance.now();
    // 98% settled, 1% open and due later, 1% open and overdue.
    await t.db.execute(sql`insert into nudges (team_id, recipient_id, kind, dedupe_key, due_at, status, sent_at)
      select 'T' || (i % 50), 'U' || (i % 5000), (array['follow_up','session_prep','checkin_prompt','digest'])[1 + i % 4], 'bench-' || i,
        now() + ((i % 200) - 150) * interval '1 day' + case when i % 100 = 0 then interval '400 days' else interval '0' end,
        case when i % 100 = 0 then 'pending' when i % 100 = 1 then 'pending' else (array['sent','sent','sent','skipped','cancelled','failed'])[1 + i % 6] end,
        case when i % 100 > 1 then now() - interval '1 day' end
      from generate_series(1, ${ROWS}) as i`);
    await t.db.execute(sql`update nudges set due_at = now() - interval '1 hour' where status = 'pending' and dedupe_key like 'bench-%' and (substring(dedupe_key from 7)::int % 100) = 1`);
    await t.db.execute(sql`vacuum analyze nudges`);
    const loadMs = performance.now() - t0;
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await timeGets(`${base}/metrics`, 20);
    await timeGets(`${base}/healthz`, 20);
    const healthz = summarize(await timeGets(`${base}/healthz`, SCRAPES));
    const metrics = summarize(await timeGets(`${base}/metrics`, SCRAPES));
    const oldQuery: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t1 = performance.now();
      await t.db.execute(sql`select kind, status, count(*)::int from nudges group by kind, status`);
      oldQuery.push(performance.now() - t1);
    }
    const old = summarize(oldQuery);
    const f = (n: number) => n.toFixed(1).padStart(7);
    return (
      `metrics: GET /metrics with ${ROWS.toLocaleString('en')} nudge rows (loaded in ${(loadMs / 1000).toFixed(1)} s), ${SCRAPES} scrapes\n` +
      `  baseline (GET /healthz)  p50 ${f(healthz.p50)} ms  p95 ${f(healthz.p95)} ms  max ${f(healthz.max)} ms\n` +
      `  measured (GET /metrics)  p50 ${f(metrics.p50)} ms  p95 ${f(metrics.p95)} ms  max ${f(metrics.max)} ms\n` +
      `  ratio p50 ${(metrics.p50 / healthz.p50).toFixed(2)}x  p95 ${(metrics.p95 / healthz.p95).toFixed(2)}x; budget: 20 ms\n` +
      `  for comparison, the whole-table count by kind and status: p50 ${f(old.p50)} ms (5 runs)\n`
    );
  } finally {
    await new Promise<void>((r) => (server.listening ? server.close(() => r()) : r()));
    await closeQueueViews(queues);
    redis.disconnect();
    await clearQueuePrefix(sharedRedisUrl, prefix);
    await t.drop();
  }
}
