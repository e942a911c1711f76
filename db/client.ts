// Opens the database: Postgres through postgres.js when DATABASE_URL is set, otherwise
// embedded Postgres (PGlite) in a local folder, single process only. Both speak the
// same drizzle API, so data access code never knows which it has.
import { mkdirSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema/index.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** The handle inside `db.transaction(...)`: what a write that must commit with others takes. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Database {
  db: Db;
  kind: 'postgres' | 'pglite';
  /** Resolves when a trivial query succeeds; rejects otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string;
  pgliteDir: string;
  /** Pool size for postgres.js. */
  max?: number;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const url = options.databaseUrl;
    // fetch_types off: postgres.js otherwise runs a type query on every new connection from
    // an async function nobody awaits, so a connection killed during it (a restart, a
    // pg_terminate_backend) becomes an unhandled rejection. Grow's one array column goes
    // through drizzle, which writes and reads array literals itself.
    const open = () => {
      // backoff: postgres.js waits longer before each reconnect while the server is away (up
      // to 20 s, shared by the pool), and a query waits with it: Slack would get no answer in
      // its 3 s and Grow would stay blind after Postgres is back. Reconnecting is attempted
      // only for a query, so a short constant pause costs nothing; the dependency watch
      // paces the logging.
      const client = postgres(url, { max: options.max ?? 10, onnotice: () => {}, connect_timeout: 5, fetch_types: false, backoff: () => RECONNECT_PAUSE_S });
      return { client, db: drizzle(client, { schema }) as unknown as Db };
    };
    let current = open();
    // Every module holds this one handle; it forwards to whichever pool is current.
    const db = new Proxy({} as Db, {
      get: (_, prop) => {
        const value = (current.db as unknown as Record<PropertyKey, unknown>)[prop];
        return typeof value === 'function' ? value.bind(current.db) : value;
      },
    });
    const ping = () => withTimeout(current.db.execute(sql`select 1`), PING_TIMEOUT_MS).then(() => undefined);
    // postgres.js 3.4.9 can leave a connection whose backend was killed with a write
    // buffered and never flushed (its write timer is cleared but not reset), so that slot
    // never answers again; enough kills wedge the whole pool. A ping that gets no answer
    // at all (not a refusal: a server that is down is the dependency watch's business)
    // replaces the pool with a fresh one.
    let closed = false;
    const watchdog = setInterval(() => {
      void ping().catch((error: unknown) => {
        if (closed || !(error instanceof PingTimeoutError)) return;
        const stale = current;
        current = open();
        void stale.client.end({ timeout: 0 }).catch(() => {});
      });
    }, WATCHDOG_EVERY_MS);
    watchdog.unref();
    return {
      db,
      kind: 'postgres',
      ping,
      close: () => {
        closed = true;
        clearInterval(watchdog);
        return current.client.end({ timeout: 5 });
      },
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  if (!options.pgliteDir.startsWith('memory://')) mkdirSync(options.pgliteDir, { recursive: true });
  const client = new PGlite(options.pgliteDir);
  const db = drizzle(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    ping: async () => void (await db.execute(sql`select 1`)),
    close: () => client.close(),
  };
}

const PING_TIMEOUT_MS = 5_000;
const RECONNECT_PAUSE_S = 0.1;
const WATCHDOG_EVERY_MS = 5_000;

class PingTimeoutError extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PingTimeoutError(`no answer from the database in ${ms} ms`)), ms);
  });
  promise.catch(() => {});
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

/** Rows of a raw `db.execute()` result, whichever driver produced it. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

// postgres.js connection codes, socket errors, and SQLSTATEs of a server going away
// (57P01-03: shut down or restarting; class 08: connection exceptions).
const UNAVAILABLE_CODES = new Set([
  'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT',
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE',
  '57P01', '57P02', '57P03',
]);

/** True when an error (or one it wraps, as drizzle does) says the database is out of reach. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return codesOf(error).some((code) => UNAVAILABLE_CODES.has(code) || code.startsWith('08'));
}

/** The first code on an error or what it wraps (drizzle wraps the driver's error): safe to log. */
export function databaseErrorCode(error: unknown): string | undefined {
  return codesOf(error)[0];
}

function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
  }
  return codes;
}
