// Everything under /admin, behind ADMIN_TOKEN: Bull Board at /admin/queues, the failed
// nudges at /admin/nudges, and the login form that lets a browser in. Without a token
// configured there is no /admin at all.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Queue } from 'bullmq';
import type { Db } from '../../../db/client.js';
import { isAdmin } from './admin-auth.js';
import { BULL_BOARD_PATH, createBullBoardApp } from './bull-board.js';
import { sendFailedNudges } from './failed-nudges.js';
import { handleLogin } from './login-form.js';

export interface AdminDeps {
  adminToken?: string;
  /** ADMIN_WRITE: Bull Board may change jobs. */
  adminWrite?: boolean;
  /** Mark the session cookie Secure (production sits behind HTTPS). */
  secureCookie?: boolean;
  db: Db;
  /** Views of Grow's queues, opened and closed by the caller. */
  queues: Queue[];
}

export type MountHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>;

/** Handles every request under /admin, any method; undefined when no ADMIN_TOKEN is set. */
export function createAdminRoutes(deps: AdminDeps): MountHandler | undefined {
  const token = deps.adminToken;
  if (!token) return undefined;
  const board = createBullBoardApp({ queues: deps.queues, write: deps.adminWrite ?? false });
  return async (req, res, url) => {
    const path = url.pathname;
    if (path === '/admin/login') return handleLogin(req, res, token, deps.secureCookie ?? false);
    if (!isAdmin(req, token)) {
      res.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Bearer' }).end('{"error":"unauthorized","login":"/admin/login"}');
      return;
    }
    if (path === '/admin/nudges' && req.method === 'GET') return sendFailedNudges(deps.db, res);
    if (path === BULL_BOARD_PATH || path.startsWith(`${BULL_BOARD_PATH}/`)) return board(req, res);
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not_found"}');
  };
}
