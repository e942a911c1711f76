// How the logger and the database outage summary work together, on a real Postgres behind
// a proxy the test cuts: failures that the outage explains are not logged one by one, and
// a refusal that turns out not to be the database's is still logged.
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/client.js';
import { createDatabaseOutage } from '../src/database-outage.js';
import { watchDependencies } from '../src/dependency-watch.js';
import { createLogger } from '../src/logger.js';
import { startTcpProxy, type TcpProxy } from './faults/support/tcp-proxy.js';
import { waitFor } from './jobs/support/seed.js';

const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, destination };
}

describe('Postgres lost after start, in the logs', () => {
  let proxy: TcpProxy;
  let database: Database;
  beforeAll(async () => {
    const target = new URL(adminUrl);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    target.host = `127.0.0.1:${proxy.port}`;
    database = await openDatabase({ databaseUrl: target.toString(), pgliteDir: '', max: 2 });
  });
  afterAll(async () => {
    await database?.close();
    await proxy?.close();
  });

  function setUp() {
    const { lines, destination } = capture();
    const outage = createDatabaseOutage();
    const logger = createLogger('info', {}, { destination, screen: outage.screen });
    const watch = watchDependencies(logger);
    outage.follow({ ping: () => database.ping(), watch, howToFix: 'Postgres is not reachable at the test database: start it' });
    return { lines, logger, watch };
  }

  it('drops the failures of an outage, says it is lost once and back once', async () => {
    const { lines, logger, watch } = setUp();
    await proxy.cut();
    for (let i = 0; i < 5; i++) {
      const error = await database.db.execute(sql`select 1`).then(() => undefined, (e: unknown) => e);
      expect(error).toBeDefined();
      logger.child({ requestId: `r${i}` }).error({ err: error }, 'history could not be shown');
    }
    await waitFor(() => watch.isDown('postgres'), 5_000, 'the outage to be confirmed');
    await proxy.mend();
    await waitFor(() => !watch.isDown('postgres'), 10_000, 'Postgres back');
    expect(lines.filter((l) => l.msg === 'history could not be shown')).toEqual([]);
    expect(lines.filter((l) => l.dependency === 'postgres' && l.level === 50).map((l) => l.msg)).toEqual(['Postgres is not reachable at the test database: start it']);
    expect(lines.filter((l) => l.dependency === 'postgres' && l.level === 30).map((l) => l.msg)).toEqual(['Postgres reachable again']);
    watch.close();
  });

  it('writes a refusal that is not the database\'s once a ping says Postgres answers', async () => {
    const { lines, logger, watch } = setUp();
    logger.warn({ err: { code: 'ECONNREFUSED' } }, 'something else refused');
    logger.info('not an error');
    expect(lines.map((l) => l.msg)).toEqual(['not an error']);
    await waitFor(() => lines.some((l) => l.msg === 'something else refused'), 5_000, 'the held line');
    expect(lines.filter((l) => l.dependency === 'postgres')).toEqual([]);
    expect(watch.isDown('postgres')).toBe(false);
    watch.close();
  });
});
