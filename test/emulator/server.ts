// The emulator's HTTP server: routes /api/<method> to the Web API pipeline, the upload URL
// to the upload store, and response_url posts to the driver.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendJson, sendText } from './http-io.js';

export interface Routes {
  api(method: string, req: IncomingMessage, res: ServerResponse): Promise<void>;
  upload(fileId: string, req: IncomingMessage, res: ServerResponse): Promise<void>;
  responseUrl(id: string, req: IncomingMessage, res: ServerResponse): Promise<void>;
}

export interface RunningServer {
  server: Server;
  origin: string;
  close(): Promise<void>;
}

export async function startServer(routes: Routes, port: number): Promise<RunningServer> {
  const server = createServer((req, res) => {
    route(routes, req, res).catch((error: unknown) => {
      // A bug in the emulator must be loud, but still answer like an unhealthy Slack.
      console.error('emulator: internal error', error);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: 'internal_error' });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    server,
    origin: `http://127.0.0.1:${bound}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

async function route(routes: Routes, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  if (req.method !== 'POST' && req.method !== 'GET') return sendText(res, 405, 'method not allowed');
  let match = /^\/api\/([A-Za-z0-9_.]+)$/.exec(path);
  if (match?.[1]) return routes.api(match[1], req, res);
  match = /^\/upload\/v1\/([A-Z0-9]+)$/.exec(path);
  if (match?.[1] && req.method === 'POST') return routes.upload(match[1], req, res);
  match = /^\/response\/([A-Za-z0-9]+)$/.exec(path);
  if (match?.[1] && req.method === 'POST') return routes.responseUrl(match[1], req, res);
  sendText(res, 404, 'not found');
}
