// /metrics counts open and overdue nudges from the partial index of open nudges alone.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.js';
import { nudges } from '../../db/schema/index.js';
import { createMetrics } from '../../src/http/metrics.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

describe('/metrics', () => {
  it('counts open nudges and flags overdue ones, ignoring settled rows', async () => {
    const old = new Date(Date.now() - 3_600_000);
    await t.db.insert(nudges).values([
      { teamId: 'T1', recipientId: 'U1', kind: 'follow_up', dedupeKey: 'a', dueAt: old },
      { teamId: 'T1', recipientId: 'U1', kind: 'follow_up', dedupeKey: 'b', dueAt: new Date(Date.now() + 3_600_000) },
      { teamId: 'T1', recipientId: 'U1', kind: 'follow_up', dedupeKey: 'c', dueAt: old, status: 'sending' },
      { teamId: 'T1', recipientId: 'U1', kind: 'digest', dedupeKey: 'd', dueAt: old, status: 'sent' },
    ]);
    const text = await createMetrics({ db: t.db })();
    expect(text).toMatch(/^grow_nudges_open 3$/m);
    expect(text).toMatch(/^grow_nudges_overdue 2$/m);
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
  });

  it('answers the open-nudge counts from nudges_open_due_idx, without reading settled rows', async () => {
    // A handful of rows would be scanned whole; forbid that so the planner shows the index it would use at scale.
    const result = await t.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      return tx.execute(sql`explain select count(*) from nudges where status in ('pending', 'sending') and due_at < now() - '5 minutes'::interval`);
    });
    const plan = rowsOf<{ 'QUERY PLAN': string }>(result)
      .map((r) => r['QUERY PLAN'])
      .join('\n');
    expect(plan).toContain('nudges_open_due_idx');
  });
});
