import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nudges } from '../../db/schema/index.js';
import { createMetrics } from '../../src/http/metrics.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

describe('/metrics', () => {
  it('counts nudges by kind and status and flags overdue ones', async () => {
    const old = new Date(Date.now() - 3_600_000);
    await t.db.insert(nudges).values([
      { teamId: 'T1', recipientId: 'U1', kind: 'follow_up', dedupeKey: 'a', dueAt: old },
      { teamId: 'T1', recipientId: 'U1', kind: 'follow_up', dedupeKey: 'b', dueAt: new Date(Date.now() + 3_600_000) },
      { teamId: 'T1', recipientId: 'U1', kind: 'digest', dedupeKey: 'c', dueAt: old, status: 'sent' },
    ]);
    const text = await createMetrics(t.db)();
    expect(text).toContain('grow_nudges{kind="follow_up",status="pending"} 2');
    expect(text).toContain('grow_nudges{kind="digest",status="sent"} 1');
    expect(text).toContain('grow_nudges_overdue 1');
    expect(text).toMatch(/grow_process_uptime_seconds \d+/);
  });
});
