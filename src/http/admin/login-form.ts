// /admin/login: a browser cannot send a bearer header, so the form takes ADMIN_TOKEN once
// and answers with a signed, HttpOnly, SameSite=Strict cookie scoped to /admin.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { ADMIN_COOKIE, secretsMatch, sessionCookieValue } from './admin-auth.js';

const MAX_FORM_BYTES = 4096;
const formSchema = z.object({ token: z.string().max(1024) });

const page = (message: string) => `<!doctype html><html><head><meta charset="utf-8"><title>Grow admin</title></head>
<body><form method="post" action="/admin/login"><p>${message}</p>
<label>Admin token <input type="password" name="token" autofocus></label> <button>Sign in</button></form></body></html>`;

function readForm(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > MAX_FORM_BYTES) req.destroy();
    });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

export async function handleLogin(req: IncomingMessage, res: ServerResponse, adminToken: string, secure: boolean): Promise<void> {
  const html = { 'content-type': 'text/html; charset=utf-8' };
  if (req.method === 'GET') return void res.writeHead(200, html).end(page('Sign in to see the queues.'));
  if (req.method !== 'POST') return void res.writeHead(405).end();
  const parsed = formSchema.safeParse(Object.fromEntries(new URLSearchParams(await readForm(req))));
  if (!parsed.success || !secretsMatch(parsed.data.token, adminToken)) {
    return void res.writeHead(401, html).end(page('That token is not right.'));
  }
  const cookie = `${ADMIN_COOKIE}=${sessionCookieValue(adminToken)}; Path=/admin; HttpOnly; SameSite=Strict; Max-Age=43200${secure ? '; Secure' : ''}`;
  res.writeHead(303, { location: '/admin/queues', 'set-cookie': cookie }).end();
}
