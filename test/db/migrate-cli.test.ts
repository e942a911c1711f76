import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseDatabaseConfig } from '../../src/config.js';
import { createTestDatabase } from '../support/db.js';

const run = promisify(execFile);

/** `npm run db:migrate` with only the given environment: no Slack settings at all. */
async function migrate(env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'db/migrate-cli.ts'], { env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('db:migrate settings', () => {
  it('needs the database settings only', () => {
    expect(parseDatabaseConfig({ DATABASE_URL: 'postgres://u@h/db' })).toEqual({ databaseUrl: 'postgres://u@h/db', pgliteDir: './data/pglite' });
    expect(() => parseDatabaseConfig({ DATABASE_URL: 'mysql://x' })).toThrow(ConfigError);
  });

  it('migrates a database with DATABASE_URL and no Slack credentials', async () => {
    const db = await createTestDatabase();
    try {
      const result = await migrate({ DATABASE_URL: db.url });
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout).toContain('Migrations applied to DATABASE_URL.');
    } finally {
      await db.drop();
    }
  }, 60_000);

  it('prints one clear message and no stack trace for a bad setting or an unreachable database', async () => {
    const bad = await migrate({ DATABASE_URL: 'mysql://x' });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('DATABASE_URL: must be a postgres:// URL');
    const unreachable = await migrate({ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr.trim()).toBe('Migrations could not be applied: is the database reachable (DATABASE_URL)?');
    for (const out of [bad.stderr, unreachable.stderr]) expect(out).not.toMatch(/\n\s+at /);
  }, 60_000);
});
