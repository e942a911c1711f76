// Started without Redis or Postgres, the real `npm start` process says which one is
// missing and how to fix it in one line, then at most one line per backoff step (not one
// per queue per reconnect), answers /readyz 503 naming it, and with --exit-on-missing
// exits non-zero so a supervisor restarts it.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { startGrowProcess, type GrowProcess } from '../support/grow-process.js';
import { uniqueQueuePrefix } from '../support/redis.js';

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

/**
 * `npm start -- --exit-on-missing` to its exit: with nothing to wait for, it may exit before
 * it even listens, so this does not wait for a port. Returns the exit code and log lines.
 */
async function runUntilExit(env: Record<string, string>): Promise<{ code: number | null; lines: Record<string, unknown>[] }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', '--exit-on-missing'], {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Record<string, unknown>[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (line.startsWith('{')) lines.push(JSON.parse(line) as Record<string, unknown>);
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  clearTimeout(timer);
  return { code, lines };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let t: TestDatabase;
const env = () => ({
  NODE_ENV: 'test',
  SLACK_SIGNING_SECRET: 'deps-secret',
  SLACK_BOT_TOKEN: 'xoxb-deps-test',
  ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  QUEUE_PREFIX: uniqueQueuePrefix('deps'),
  DATABASE_URL: t.url,
  LOG_LEVEL: 'info',
});

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

async function readyz(grow: GrowProcess): Promise<{ status: number; checks: Record<string, string> }> {
  const res = await fetch(`${grow.url}/readyz`);
  return { status: res.status, checks: ((await res.json()) as { checks: Record<string, string> }).checks };
}

const linesAbout = (grow: GrowProcess, dep: string) => grow.logs().filter((l) => l.dependency === dep);

describe('a dependency missing at start', () => {
  it('Redis: one line saying how to fix it, then one line per backoff step, and /readyz 503 naming Redis', async () => {
    const grow = await startGrowProcess({ ...env(), REDIS_URL: `redis://127.0.0.1:${await closedPort()}` }, { waitUntilReady: false });
    try {
      for (let waited = 0; linesAbout(grow, 'redis').length === 0 && waited < 30_000; waited += 100) await sleep(100);
      await sleep(5_000);
      const lines = linesAbout(grow, 'redis');
      expect(lines[0]).toMatchObject({ level: 50 });
      expect(String(lines[0]!.msg)).toContain('redis-server');
      // Backoff 0.5, 1, 2, 4 s: within five seconds at most five steps, whatever the number of queues.
      expect(lines.length).toBeGreaterThanOrEqual(3);
      expect(lines.length).toBeLessThanOrEqual(6);
      expect(lines.slice(1).map((l) => l.attempt)).toEqual([...new Set(lines.slice(1).map((l) => l.attempt))]);
      expect(grow.logs().filter((l) => Number(l.level) >= 40 && l.dependency === undefined)).toEqual([]);
      const ready = await readyz(grow);
      expect(ready.status).toBe(503);
      expect(ready.checks).toEqual({ postgres: 'ok', redis: 'unreachable' });
    } finally {
      expect(await grow.stop()).toBe(0);
    }
  }, 90_000);

  it('Redis with --exit-on-missing: the line, then a non-zero exit', async () => {
    const { code, lines } = await runUntilExit({ ...env(), REDIS_URL: `redis://127.0.0.1:${await closedPort()}` });
    expect(code).toBe(1);
    const errors = lines.filter((l) => l.dependency === 'redis' && Number(l.level) >= 50).map((l) => String(l.msg));
    expect(errors).toHaveLength(2);
    expect(errors).toEqual(expect.arrayContaining([expect.stringContaining('Redis is not reachable'), expect.stringContaining('giving up')]));
  }, 90_000);

  it('Postgres: one line naming it, /readyz 503 naming Postgres; --exit-on-missing exits non-zero', async () => {
    const dbUrl = `postgres://postgres@127.0.0.1:${await closedPort()}/grow`;
    const grow = await startGrowProcess({ ...env(), DATABASE_URL: dbUrl, REDIS_URL: 'redis://127.0.0.1:6379' }, { waitUntilReady: false });
    try {
      // A loaded machine may take a while to make the first attempt; the backoff counts from there.
      for (let waited = 0; linesAbout(grow, 'postgres').length === 0 && waited < 30_000; waited += 100) await sleep(100);
      await sleep(2_000);
      const lines = linesAbout(grow, 'postgres');
      expect(String(lines[0]!.msg)).toContain('Postgres is not reachable');
      expect(String(lines[0]!.msg)).toContain('DATABASE_URL');
      expect(lines.length).toBeLessThanOrEqual(4);
      const ready = await readyz(grow);
      expect(ready.status).toBe(503);
      expect(ready.checks.postgres).toBe('unreachable');
    } finally {
      expect(await grow.stop()).toBe(0);
    }
    const strict = await runUntilExit({ ...env(), DATABASE_URL: dbUrl });
    expect(strict.code).toBe(1);
    const errors = strict.lines.filter((l) => l.dependency === 'postgres' && Number(l.level) >= 50).map((l) => String(l.msg));
    expect(errors).toHaveLength(2);
    expect(errors).toEqual(expect.arrayContaining([expect.stringContaining('Postgres is not reachable'), expect.stringContaining('giving up')]));
  }, 90_000);
});
