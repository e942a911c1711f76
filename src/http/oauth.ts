// Multi-workspace install: GET /slack/install sends the admin to Slack's consent page;
// GET /slack/oauth_redirect exchanges the code for a bot token and stores it encrypted.
import { sealContext } from '../../db/encrypted-columns.js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { WebClient } from '@slack/web-api';
import type { Db } from '../../db/client.js';
import { installations } from '../../db/schema/index.js';
import type { Config } from '../config.js';
import type { Cipher } from '../crypto.js';
import type { Logger } from '../logger.js';
import { uninstalledAt } from '../../db/workspaces.js';
import { resumeWorkspacePlans } from '../services/workspace-resume.js';
import { claimState, clearedStateCookie, issueState, stateCookie, stateFromCookie, verifyState } from './oauth-state.js';

/** The bot scopes manifest.yml asks for; keep the two in step. */
export const BOT_SCOPES = ['chat:write', 'commands', 'im:write', 'im:history', 'users:read', 'dnd:read'];

export interface OAuthDeps {
  config: Config;
  db: Db;
  cipher: Cipher;
  logger: Logger;
  now: () => Date;
}

export type RouteHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>;

export function createOAuthRoutes(deps: OAuthDeps): Record<string, RouteHandler> {
  const oauth = deps.config.slack.oauth;
  if (!oauth) return {};
  const slackOrigin = new URL(deps.config.slack.apiUrl).origin;
  return {
    '/slack/install': async (_req, res) => {
      const authorize = new URL('/oauth/v2/authorize', slackOrigin);
      const state = issueState(oauth.stateSecret, deps.now());
      authorize.searchParams.set('client_id', oauth.clientId);
      authorize.searchParams.set('scope', BOT_SCOPES.join(','));
      authorize.searchParams.set('state', state);
      res.writeHead(302, { location: authorize.toString(), 'set-cookie': stateCookie(state) }).end();
    },
    '/slack/oauth_redirect': async (req, res, url) => {
      const state = url.searchParams.get('state');
      // Whatever the outcome, this browser's state is spent.
      res.setHeader('set-cookie', clearedStateCookie());
      if (url.searchParams.get('error')) return page(res, 200, 'Installation cancelled', 'Grow was not installed. You can close this page.');
      const fromThisBrowser = state !== null && stateFromCookie(req.headers.cookie) === state;
      if (!fromThisBrowser || !verifyState(oauth.stateSecret, state, deps.now()) || !(await claimState(deps.db, state, deps.now()))) {
        return page(res, 400, 'This link has expired', 'Please start the installation again from the install page.');
      }
      const code = url.searchParams.get('code');
      if (!code) return page(res, 400, 'Something is missing', 'Slack did not send an authorization code. Please start again.');
      try {
        const client = new WebClient(undefined, { slackApiUrl: deps.config.slack.apiUrl, retryConfig: { retries: 1 } });
        const grant = await client.oauth.v2.access({ client_id: oauth.clientId, client_secret: oauth.clientSecret, code });
        const teamId = grant.team?.id;
        if (!teamId || !grant.access_token) throw new Error('oauth.v2.access returned no team or token');
        const stoppedAt = await uninstalledAt(deps.db, teamId);
        const row = { teamName: grant.team?.name ?? null, botUserId: grant.bot_user_id ?? null, botTokenEnc: deps.cipher.encrypt(grant.access_token, sealContext('installations', 'bot_token_enc', teamId, teamId)), installedAt: deps.now(), uninstalledAt: null };
        await deps.db.insert(installations).values({ teamId, ...row }).onConflictDoUpdate({ target: installations.teamId, set: row });
        // A re-install resumes planning; the reconciler hands what is due to the queue.
        const resumed = await resumeWorkspacePlans(deps.db, { teamId, now: deps.now(), stoppedAt, rhythm: deps.config.rhythm, defaultWorkingHours: deps.config.defaultWorkingHours });
        deps.logger.info({ teamId, resumed }, 'workspace installed');
        return page(res, 200, 'Grow is installed', `Grow is ready in ${grant.team?.name ?? 'your workspace'}. Type /grow in Slack to begin.`);
      } catch (error) {
        deps.logger.warn({ err: { code: (error as { code?: string }).code, slack: (error as { data?: { error?: string } }).data?.error } }, 'install failed');
        return page(res, 400, 'Installation did not complete', 'Slack did not accept this installation. Please start again from the install page.');
      }
    },
  };
}

function page(res: ServerResponse, status: number, title: string, text: string): void {
  const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  res
    .writeHead(status, { 'content-type': 'text/html; charset=utf-8' })
    .end(`<!doctype html><html><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><h1>${esc(title)}</h1><p>${esc(text)}</p></body></html>`);
}
