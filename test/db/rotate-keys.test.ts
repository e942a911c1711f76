// Key rotation across every encrypted column: rows stay readable before, during and
// after; an interrupted run continues where it stopped; afterwards the old key can go.
// And the start-up check: a wrong key is found on a sample of stored rows.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCheckIn } from '../../db/check-ins.js';
import { openCheckIn } from '../../db/check-ins.js';
import { checkKeysOnSample, rotateEncryptedColumns, sealContext } from '../../db/encrypted-columns.js';
import { checkIns, installations } from '../../db/schema/index.js';
import { createCipher } from '../../src/crypto.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

const oldKey = randomBytes(32);
const newKey = randomBytes(32);
const oldCipher = createCipher(oldKey);
const both = createCipher([newKey, oldKey]);
const newOnly = createCipher(newKey);
const TEAM = 'T0ROTATE01';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await db.db.insert(installations).values({ teamId: TEAM, botTokenEnc: oldCipher.encrypt('xoxb-rotate-me') } as typeof installations.$inferInsert);
  for (let i = 0; i < 5; i += 1) {
    await insertCheckIn(db.db, oldCipher, {
      teamId: TEAM, leaderId: `U0LEADER0${i}`, engagementId: null, goal: `goal ${i}`, reality: `reality ${i}`, options: `options ${i}`, will: `will ${i}`,
      commitment: 9, visibility: 'private', revisited: false, actionDueAt: new Date(Date.now() + 86_400_000),
    });
  }
});
afterAll(async () => db?.drop());

async function readAll(cipher: typeof both) {
  const rows = await db.db.select().from(checkIns);
  return rows.map((r) => openCheckIn(cipher, r).will).sort();
}
const wills = ['will 0', 'will 1', 'will 2', 'will 3', 'will 4'];

describe('keys:rotate', () => {
  it('re-encrypts in batches, resumes after an interruption, and leaves every row readable throughout', async () => {
    expect(await readAll(both)).toEqual(wills);
    await expect(readAll(newOnly)).rejects.toMatchObject({ code: 'unknown_key_id' });

    let batches = 0;
    const firstRun: Record<string, number> = {};
    const interrupt = (column: string, rotated: number) => {
      firstRun[column] = rotated;
      batches += 1;
      if (batches === 2) throw new Error('interrupted');
    };
    await expect(rotateEncryptedColumns(db.db, both, { batchSize: 2, afterBatch: interrupt })).rejects.toThrow('interrupted');
    // Mid-rotation: some values under the new key, some under the old, all readable with both listed.
    const mid = await db.db.select().from(checkIns);
    const underNew = mid.flatMap((r) => [r.goalEnc, r.realityEnc, r.optionsEnc, r.willEnc]).filter((v) => !both.needsRotation(v)).length;
    expect(underNew).toBeGreaterThan(0);
    expect(underNew).toBeLessThan(20);
    expect(await readAll(both)).toEqual(wills);

    const counts = await rotateEncryptedColumns(db.db, both, { batchSize: 2 });
    const total = Object.values(counts).reduce((n, c) => n + c.rotated, 0);
    // 1 token + 5 check-ins × 4 texts + 5 actions, less what the first run already did.
    const done = Object.values(firstRun).reduce((n, c) => n + c, 0);
    expect(done).toBeGreaterThan(0);
    expect(total).toBe(26 - done);

    expect(await readAll(newOnly)).toEqual(wills);
    const [inst] = await db.db.select().from(installations);
    expect(newOnly.decrypt(inst!.botTokenEnc!, sealContext('installations', 'bot_token_enc', TEAM, TEAM))).toBe('xoxb-rotate-me');
    // The unbound v2 token is now v3, bound to its workspace: under another team it fails.
    expect(inst!.botTokenEnc!.startsWith('v3.')).toBe(true);
    expect(() => newOnly.decrypt(inst!.botTokenEnc!, sealContext('installations', 'bot_token_enc', 'T0OTHER', 'T0OTHER'))).toThrow(expect.objectContaining({ code: 'unreadable_ciphertext' }));
    const again = await rotateEncryptedColumns(db.db, both);
    expect(Object.values(again).every((c) => c.rotated === 0)).toBe(true);
  });

  it('the start-up check reads a sample with the right key and names the column with a wrong one', async () => {
    expect(await checkKeysOnSample(db.db, both)).toMatchObject({ ok: true });
    expect((await checkKeysOnSample(db.db, both)) as { checked: number }).toHaveProperty('checked', expect.any(Number));
    const wrong = await checkKeysOnSample(db.db, createCipher(randomBytes(32)));
    expect(wrong).toEqual({ ok: false, column: 'installations.bot_token_enc', code: 'unknown_key_id' });
  });
});
