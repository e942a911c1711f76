// Moment permalinks and reflection ratings at rest: a dump of the database shows neither
// in clear, a value copied to another row or workspace does not open, rows written before
// encryption still read and are sealed by the legacy step, and the export still gives the
// leader their own permalinks and ratings.
import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.js';
import { encryptLegacyPlaintext } from '../../db/encrypted-columns.js';
import { collectPersonalData } from '../../db/personal-data.js';
import { insertReflection, openReflection } from '../../db/reflections.js';
import { reflections } from '../../db/schema/index.js';
import { createCipher } from '../../src/crypto.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

const cipher = createCipher(randomBytes(32));
const TEAM = 'T0PRIVATE1';
const LEADER = 'U0PRIVATE1';
const PERMALINK = 'https://acme.slack.com/archives/C0SECRET77/p1700000000123456';
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

/** Every text-like column of every table in the schema, as one string. */
async function dumpAllText(): Promise<string> {
  const tables = rowsOf<{ table_name: string }>(
    await t.db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`),
  );
  let dump = '';
  for (const { table_name } of tables) {
    const rows = rowsOf<{ r: unknown }>(await t.db.execute(sql`select row_to_json(x)::text as r from ${sql.identifier(table_name)} x`));
    dump += rows.map((r) => String(r.r)).join('\n');
  }
  return dump;
}

const byId = async (id: string) => (await t.db.select().from(reflections).where(eq(reflections.id, id)))[0]!;

describe('private columns at rest', () => {
  it('keeps moment permalinks and private ratings out of a database dump', async () => {
    const moment = await insertReflection(t.db, cipher, { teamId: TEAM, leaderId: LEADER, engagementId: null, kind: 'moment', body: { note: 'n' }, permalink: PERMALINK, visibility: 'private' });
    const rated = await insertReflection(t.db, cipher, { teamId: TEAM, leaderId: LEADER, engagementId: null, kind: 'coachability_openness', body: {}, rating: 3, visibility: 'private' });
    const dump = await dumpAllText();
    expect(dump).not.toContain('C0SECRET77');
    expect(dump).not.toContain('1700000000123456');
    const raw = rowsOf<{ r: Record<string, unknown> }>(await t.db.execute(sql`select row_to_json(x) as r from reflections x where id = ${rated}::uuid`))[0]!.r;
    // No column of the row holds the number itself, in any form.
    expect(Object.entries(raw).filter(([k, v]) => k !== 'id' && (v === 3 || v === '3'))).toEqual([]);
    expect(String(raw.rating_enc)).toMatch(/^v3\./);
    expect(openReflection(cipher, await byId(rated)).rating).toBe(3);
    expect(openReflection(cipher, await byId(moment)).permalink).toBe(PERMALINK);
  });

  it('refuses a permalink or rating copied to another row or another workspace, with a coded error', async () => {
    const a = await insertReflection(t.db, cipher, { teamId: TEAM, leaderId: LEADER, engagementId: null, kind: 'moment', body: {}, rating: 9, permalink: PERMALINK, visibility: 'private' });
    const b = await insertReflection(t.db, cipher, { teamId: TEAM, leaderId: 'U0OTHER001', engagementId: null, kind: 'moment', body: {}, visibility: 'shared' });
    const c = await insertReflection(t.db, cipher, { teamId: 'T0OTHERWS1', leaderId: 'U0OTHER002', engagementId: null, kind: 'moment', body: {}, visibility: 'shared' });
    const source = await byId(a);
    for (const target of [b, c]) {
      await t.db.update(reflections).set({ permalinkEnc: source.permalinkEnc, ratingEnc: source.ratingEnc, bodyEnc: source.bodyEnc }).where(eq(reflections.id, target));
      const copied = await byId(target);
      expect(() => openReflection(cipher, copied)).toThrow(expect.objectContaining({ code: 'unreadable_ciphertext' }));
    }
    expect(() => openReflection(cipher, { ...source, teamId: 'T0OTHERWS1' })).toThrow(expect.objectContaining({ code: 'unreadable_ciphertext' }));
  });

  it('reads rows stored in clear before encryption, then seals them and empties the plaintext', async () => {
    const [old] = await t.db
      .insert(reflections)
      .values({ teamId: TEAM, leaderId: LEADER, kind: 'coachability_openness', bodyEnc: createCipher(randomBytes(32)).encrypt('{}'), legacyRating: 4, legacyPermalink: `${PERMALINK}9`, visibility: 'private' })
      .returning();
    // An unbound v2 body from before binding still reads wherever it is.
    const v2Body = cipher.encrypt('{"worked":"pairing"}');
    await t.db.update(reflections).set({ bodyEnc: v2Body }).where(eq(reflections.id, old!.id));
    expect(openReflection(cipher, await byId(old!.id))).toEqual({ body: '{"worked":"pairing"}', rating: 4, permalink: `${PERMALINK}9` });

    expect(await encryptLegacyPlaintext(t.db, cipher)).toBe(1);
    const after = await byId(old!.id);
    expect([after.legacyRating, after.legacyPermalink]).toEqual([null, null]);
    expect(openReflection(cipher, after)).toEqual({ body: '{"worked":"pairing"}', rating: 4, permalink: `${PERMALINK}9` });
    expect(await dumpAllText()).not.toContain(`${PERMALINK}9`);
    expect(await encryptLegacyPlaintext(t.db, cipher)).toBe(0);
  });

  it('still shows the leader their own permalinks and ratings in the export', async () => {
    const data = await collectPersonalData(t.db, cipher, TEAM, LEADER);
    expect(data.reflections.filter((r) => r.permalink === PERMALINK).length).toBeGreaterThanOrEqual(2);
    expect(data.reflections.map((r) => r.rating)).toEqual(expect.arrayContaining([3, 9, 4]));
  });
});
