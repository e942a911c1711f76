// Ten thousand generated, correctly signed requests that real Slack would never send (or
// that name another user's or workspace's things), against Grow running as `npm start`:
// every one is answered, none with a 5xx, each within a second, the process keeps
// serving, and the database is exactly as it was before.
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/client.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest } from '../emulator/index.js';
import { startE2eApp, type E2eApp } from '../e2e/e2e-app.js';
import { fuzzRequest, type FuzzRequest } from './fuzz-payloads.js';

const COUNT = Number(process.env.FUZZ_COUNT ?? 10_000);
const IN_FLIGHT = 8;
const SEED = 20261130;
/** Why a request got no answer at all, for the failure report. */
const failures: string[] = [];

let app: E2eApp;
beforeAll(async () => {
  app = await startE2eApp();
}, 60_000);
afterAll(async () => {
  await app?.close();
});

/** Row count and a checksum of every table, to compare before and after. */
/**
 * Every table's rows, except the replay ledger: a signed request may be remembered as seen
 * (so a replay of it acts never) even when what it asked for was refused.
 */
async function snapshot(): Promise<Record<string, string>> {
  const tables = rowsOf<{ name: string }>(await app.db.db.execute(sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_name <> 'seen_requests' order by 1`));
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = rowsOf<{ n: string; sum: string }>(
      await app.db.db.execute(sql.raw(`select count(*)::text as n, md5(coalesce(string_agg(t::text, ',' order by t::text), '')) as sum from "${name}" t`)),
    );
    out[name] = `${row!.n}:${row!.sum}`;
  }
  return out;
}

async function send(secret: string, request: FuzzRequest): Promise<{ status: number; ms: number }> {
  const timestamp = Math.floor(Date.now() / 1000);
  const started = performance.now();
  const response = await fetch(`${app.grow.url}/slack/events`, {
    method: 'POST',
    headers: { 'content-type': request.contentType, 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signRequest(secret, timestamp, request.body) },
    body: request.body,
    // A request left unanswered counts as a failure, not a hung suite.
    signal: AbortSignal.timeout(5_000),
  }).catch((error: unknown) => {
    failures.push(String((error as { cause?: unknown }).cause ?? error));
    return undefined;
  });
  await response?.arrayBuffer();
  return { status: response?.status ?? 599, ms: performance.now() - started };
}

describe('signed but malformed Slack requests', () => {
  it(`answers ${COUNT.toLocaleString('en')} of them without a 5xx, each within a second, and changes nothing`, async () => {
    const requests = fc.sample(fuzzRequest, { numRuns: COUNT, seed: SEED });
    const secret = app.signingSecret;
    const before = await snapshot();
    const started = performance.now();
    const results: { kind: string; status: number; ms: number; body: string }[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < requests.length) {
          const request = requests[next++]!;
          results.push({ kind: request.kind, ...(await send(secret, request)), body: request.body.slice(0, 300) });
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const slowest = Math.max(...results.map((r) => r.ms));
    const byStatus = results.reduce<Record<number, number>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {});
    console.info(`fuzz: ${results.length} signed malformed requests in ${seconds.toFixed(1)} s, slowest answer ${slowest.toFixed(0)} ms, statuses ${JSON.stringify(byStatus)}`);

    expect(failures.slice(0, 3)).toEqual([]);
    expect(results).toHaveLength(COUNT);
    expect(results.filter((r) => r.status >= 500).slice(0, 5)).toEqual([]);
    expect(results.filter((r) => r.ms >= 1000).slice(0, 5)).toEqual([]);
    // Both branches are exercised: some refused as malformed, some acknowledged or handled.
    expect(byStatus[400]).toBeGreaterThan(0);
    expect(byStatus[200]).toBeGreaterThan(0);
    expect(await snapshot()).toEqual(before);
    expect(app.grow.child.exitCode).toBeNull();
    expect((await fetch(`${app.grow.url}/readyz`)).status).toBe(200);
  }, 240_000);
});
