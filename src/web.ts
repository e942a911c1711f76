// The web role: Bolt behind our HTTP server (or Socket Mode), plus health, readiness
// and metrics routes. Returns a handle that stops taking requests and drains, listener
// work after its ack included.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Extensions } from './slack/app.js';
import { createSlackApp } from './slack/app.js';
import { stopSocketReceiver } from './slack/socket-mode.js';
import type { SlackDeps } from './slack/deps.js';
import type { MountHandler } from './http/admin/admin-routes.js';
import { createOAuthRoutes } from './http/oauth.js';
import { createHttpServer } from './http/server.js';

export interface WebHandle {
  server: Server;
  port: number;
  close(): Promise<void>;
}

export interface WebOptions {
  deps: SlackDeps;
  readiness: Record<string, () => Promise<void>>;
  metrics?: () => Promise<string>;
  extensions?: Extensions;
  /** The operators' pages under /admin (Bull Board, failed nudges). */
  admin?: MountHandler;
  /** Overrides config.port (tests pass 0 for a free port). */
  port?: number;
  /** Longest close() waits for listener work still running after its ack (default 20 s). */
  drainMs?: number;
}

export const DEFAULT_DRAIN_MS = 20_000;

export async function startWeb(options: WebOptions): Promise<WebHandle> {
  const { deps } = options;
  const { app, receiver, socket, inFlight } = createSlackApp(deps, options.extensions);
  const getRoutes = createOAuthRoutes(deps);
  const server = createHttpServer({ logger: deps.logger, receiver, readiness: options.readiness, metrics: options.metrics, getRoutes, admin: options.admin });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? deps.config.port, '0.0.0.0', () => resolve());
  });
  const closeServer = () => new Promise<void>((resolve) => {
    server.close(() => resolve());
    // Idle keep-alive sockets would hold close() open; in-flight requests finish first.
    server.closeIdleConnections();
  });
  if (socket) {
    // A refused app token (invalid_auth, revoked) fails the start; free the port too.
    await app.start().catch(async (error: unknown) => {
      await closeServer();
      throw error;
    });
  }
  const port = (server.address() as AddressInfo).port;
  deps.logger.info({ port, mode: receiver ? 'http' : 'socket' }, 'web role listening');
  return {
    server,
    port,
    async close() {
      if (socket) await stopSocketReceiver(socket);
      await closeServer();
      // Acked work is still running: the caller closes the database only after it ends.
      const pending = inFlight.size();
      const { left } = await inFlight.drain(options.drainMs ?? DEFAULT_DRAIN_MS);
      if (pending > 0) deps.logger.info({ drained: pending - left, left }, 'listener work drained before shutdown');
      if (left > 0) deps.logger.warn({ left }, 'listener work still running at shutdown');
    },
  };
}
