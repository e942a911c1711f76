// The web role's HTTP server: Slack requests, health and readiness, metrics.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '../logger.js';
import { currentRequestIds, runWithRequestIds } from '../observability/request-context.js';
import type { MountHandler } from './admin/admin-routes.js';
import type { RouteHandler } from './oauth.js';
import { applyServerLimits, DEFAULT_SERVER_LIMITS, MAX_SLACK_BODY_BYTES, precheckSlackRequest, type ServerLimits } from './request-limits.js';
import type { SlackReceiver } from './slack-receiver.js';

export interface ServerDeps {
  logger: Logger;
  /** Absent in Socket Mode, where Slack's requests arrive over a WebSocket instead. */
  receiver?: SlackReceiver;
  /** Each check resolves when its dependency answers. */
  readiness: Record<string, () => Promise<void>>;
  metrics?: () => Promise<string>;
  /** Further GET routes by path (the OAuth install pages). */
  getRoutes?: Record<string, RouteHandler>;
  /** Everything under /admin, any method (Bull Board posts when ADMIN_WRITE=true). */
  admin?: MountHandler;
  limits?: ServerLimits;
  /** Clock for the timestamp pre-check (tests). */
  now?: () => number;
}

export function createHttpServer(deps: ServerDeps): Server {
  const limits = deps.limits ?? DEFAULT_SERVER_LIMITS;
  // Node enforces the two timeouts on this sweep (30 s by default), so it follows the smaller.
  const connectionsCheckingInterval = Math.min(limits.headersTimeoutMs, 1_000);
  const server = createServer({ connectionsCheckingInterval }, (req, res) => {
    runWithRequestIds(() => {
      res.setHeader('x-request-id', currentRequestIds().requestId ?? '');
      route(req, res, deps).catch((error: unknown) => {
        deps.logger.error({ err: error, path: new URL(req.url ?? '/', 'http://localhost').pathname }, 'request failed');
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
  });
  server.keepAliveTimeout = 65_000;
  applyServerLimits(server, limits);
  return server;
}

async function route(req: IncomingMessage, res: ServerResponse, deps: ServerDeps): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const path = url.pathname;
  if (req.method === 'GET' && path === '/healthz') return json(res, 200, { status: 'ok' });
  if (req.method === 'GET' && path === '/readyz') return readyz(res, deps);
  if (req.method === 'GET' && path === '/metrics' && deps.metrics) {
    const body = await deps.metrics();
    res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(body);
    return;
  }
  if (deps.admin && (path === '/admin' || path.startsWith('/admin/'))) return deps.admin(req, res, url);
  const extra = req.method === 'GET' ? deps.getRoutes?.[path] : undefined;
  if (extra) return extra(req, res, url);
  if (path === '/slack/events' && deps.receiver) {
    if (req.method !== 'POST') return json(res, 405, { error: 'method_not_allowed' });
    const refusal = precheckSlackRequest(req, Math.floor((deps.now?.() ?? Date.now()) / 1000));
    if (refusal) return refuseUnread(res, refusal.status, refusal.error);
    const raw = await readBody(req, MAX_SLACK_BODY_BYTES);
    if (raw === undefined) return refuseUnread(res, 413, 'payload_too_large');
    return deps.receiver.handle(req, res, raw);
  }
  json(res, 404, { error: 'not_found' });
}

async function readyz(res: ServerResponse, deps: ServerDeps): Promise<void> {
  const results = await Promise.all(
    Object.entries(deps.readiness).map(async ([name, check]) => {
      try {
        await withTimeout(check(), 2_000);
        return [name, 'ok'] as const;
      } catch {
        return [name, 'unreachable'] as const;
      }
    }),
  );
  const checks = Object.fromEntries(results);
  const ready = results.every(([, s]) => s === 'ok');
  json(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not_ready', checks });
}

/** Resolves undefined as soon as the body passes `limit` (a lying content-length), unread. */
function readBody(req: IncomingMessage, limit: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off('data', onData);
      req.pause();
      resolve(undefined);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Answers and closes the connection without reading (the rest of) the body. */
function refuseUnread(res: ServerResponse, status: number, error: string): void {
  const body = JSON.stringify({ error });
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), connection: 'close' });
  res.end(body, () => res.socket?.destroy());
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref())]);
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
