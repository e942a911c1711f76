// GET /metrics in Prometheus' text format: what the delivery pipeline holds, from
// Postgres (the truth), and the process's own vitals. One grouped query per scrape.
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.js';

const line = (name: string, labels: Record<string, string>, value: number) =>
  `${name}{${Object.entries(labels)
    .map(([k, v]) => `${k}="${v.replace(/["\\\n]/g, '_')}"`)
    .join(',')}} ${value}`;

export function createMetrics(db: Db, startedAt = Date.now()): () => Promise<string> {
  return async () => {
    const rows = rowsOf<{ kind: string; status: string; n: number | string }>(
      await db.execute(sql`select kind, status, count(*)::int as n from nudges group by kind, status order by kind, status`),
    );
    const overdue = rowsOf<{ n: number | string }>(
      await db.execute(sql`select count(*)::int as n from nudges where status = 'pending' and due_at < now() - interval '5 minutes'`),
    )[0];
    const memory = process.memoryUsage();
    return [
      '# HELP grow_nudges Nudges by kind and status.',
      '# TYPE grow_nudges gauge',
      ...rows.map((r) => line('grow_nudges', { kind: r.kind, status: r.status }, Number(r.n))),
      '# HELP grow_nudges_overdue Pending nudges more than five minutes past due.',
      '# TYPE grow_nudges_overdue gauge',
      `grow_nudges_overdue ${Number(overdue?.n ?? 0)}`,
      '# HELP grow_process_uptime_seconds Seconds since this process started.',
      '# TYPE grow_process_uptime_seconds gauge',
      `grow_process_uptime_seconds ${Math.round((Date.now() - startedAt) / 1000)}`,
      '# TYPE grow_process_resident_memory_bytes gauge',
      `grow_process_resident_memory_bytes ${memory.rss}`,
      '',
    ].join('\n');
  };
}
