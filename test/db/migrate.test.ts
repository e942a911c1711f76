// Migrations at start-up: two processes starting together take turns under the advisory
// lock, and the embedded database runs the very same schema.
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, rowsOf } from '../../db/client.js';
import { migrateDatabase } from '../../db/migrate.js';
import { checkIns, people } from '../../db/schema/index.js';

const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const name = `grow_mig_${randomBytes(4).toString('hex')}`;
const url = Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();

afterAll(async () => {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.end();
});

describe('migrations', () => {
  it('apply once when several processes start at the same moment', async () => {
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    await admin.end();
    const dbs = await Promise.all([1, 2, 3].map(() => openDatabase({ databaseUrl: url, pgliteDir: '', max: 2 })));
    await Promise.all(dbs.map((d) => migrateDatabase(d, url)));
    const applied = rowsOf<{ n: number }>(await dbs[0]!.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`));
    expect(applied[0]!.n).toBeGreaterThan(0);
    const tables = rowsOf<{ table_name: string }>(
      await dbs[0]!.db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`),
    ).map((r) => r.table_name);
    expect(tables).toEqual(expect.arrayContaining(['engagements', 'targets', 'check_ins', 'actions', 'reflections', 'nudges', 'installations', 'people', 'sessions']));
    await migrateDatabase(dbs[0]!, url);
    const again = rowsOf<{ n: number }>(await dbs[0]!.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`));
    expect(again[0]!.n).toBe(applied[0]!.n);
    await Promise.all(dbs.map((d) => d.close()));
  });

  it('run the same schema, constraints included, on the embedded database', async () => {
    const embedded = await openDatabase({ pgliteDir: 'memory://' });
    try {
      await migrateDatabase(embedded);
      await embedded.db.insert(people).values({ teamId: 'T1', userId: 'U1', tz: 'Europe/Berlin' });
      expect(await embedded.db.select().from(people)).toHaveLength(1);
      const bad = embedded.db.insert(checkIns).values({ teamId: 'T1', leaderId: 'U1', goalEnc: 'g', realityEnc: 'r', optionsEnc: 'o', willEnc: 'w', commitment: 11 });
      await expect(bad).rejects.toThrow();
    } finally {
      await embedded.close();
    }
    // The embedded database compiles its WebAssembly build first: slow on a busy machine.
  }, 180_000);
});
