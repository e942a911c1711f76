// Started with a key that does not read the stored rows, Grow refuses to run with one
// clear line on stderr (no stack trace) and a non-zero exit, before serving anything.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installations } from '../db/schema/index.js';
import { createCipher } from '../src/crypto.js';
import { createTestDatabase, type TestDatabase } from './support/db.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await db.db.insert(installations).values({ teamId: 'T0WRONGKEY', botTokenEnc: createCipher(randomBytes(32)).encrypt('xoxb-stored') } as typeof installations.$inferInsert);
});
afterAll(async () => db?.drop());

function runGrow(env: Record<string, string>): Promise<{ code: number | null; stderr: string; stdout: string }> {
  const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', main], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let stdout = '';
  child.stderr.on('data', (d) => (stderr += String(d)));
  child.stdout.on('data', (d) => (stdout += String(d)));
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise((resolve) => child.once('exit', (code) => (clearTimeout(timer), resolve({ code, stderr, stdout }))));
}

describe('wrong ENCRYPTION_KEY at start', () => {
  it('exits non-zero with one line naming ENCRYPTION_KEY and the column, and no stack trace', async () => {
    const { code, stderr, stdout } = await runGrow({
      NODE_ENV: 'test',
      SLACK_SIGNING_SECRET: 'signing-secret',
      SLACK_BOT_TOKEN: 'xoxb-start-check',
      DATABASE_URL: db.url,
      REDIS_URL: 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: `wrongkey-${randomBytes(4).toString('hex')}`,
      PORT: '0',
      ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    });
    expect(code).toBe(1);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('ENCRYPTION_KEY');
    expect(lines[0]).toContain('installations.bot_token_enc');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stdout).not.toContain('Grow is running');
  }, 90_000);
});
