// The database knows the same nudge kinds as the code: every kind in NUDGE_KINDS can be
// stored, and a row of any other kind is refused by the check constraint.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nudges } from '../../db/schema/index.js';
import { NUDGE_KINDS } from '../../src/domain/nudge-kinds.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

const TEAM = 'T0KINDCHK1';
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

const row = (kind: string) => ({ teamId: TEAM, recipientId: 'U0KINDCHK1', kind, dedupeKey: `kind-check:${kind}`, dueAt: new Date() });

describe('nudges.kind', () => {
  it('stores every kind Grow defines', async () => {
    const stored = await database.db.insert(nudges).values(NUDGE_KINDS.map(row)).returning({ kind: nudges.kind });
    expect(stored.map((r) => r.kind).sort()).toEqual([...NUDGE_KINDS].sort());
  });

  it('refuses a kind Grow does not define', async () => {
    const refused = await database.db.insert(nudges).values(row('sponsor_gossip')).then(
      () => null,
      (error: { cause?: { constraint_name?: string }; constraint_name?: string }) => error.cause?.constraint_name ?? error.constraint_name,
    );
    expect(refused).toBe('nudges_kind_check');
  });
});
