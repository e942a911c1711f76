// auth.test, team.info and oauth.v2.access: who the token is, and installing the app.

import { authedTeam, optionalString, type MethodContext, type MethodSpec } from '../method-context.js';
import { SlackError } from '../slack-error.js';

function authTest(ctx: MethodContext) {
  const team = authedTeam(ctx);
  const user = ctx.store.findUser(team.id, ctx.token?.userId ?? team.botUserId);
  return {
    url: `https://${team.domain}.slack.com/`,
    team: team.name,
    user: user?.name ?? 'grow',
    team_id: team.id,
    user_id: ctx.token?.userId ?? team.botUserId,
    ...(ctx.token?.kind === 'bot' ? { bot_id: team.botId } : {}),
    is_enterprise_install: false,
    ...(team.enterpriseId ? { enterprise_id: team.enterpriseId } : {}),
  };
}

function teamInfo(ctx: MethodContext) {
  const team = authedTeam(ctx);
  const requested = optionalString(ctx.args, 'team');
  if (requested && requested !== team.id) throw new SlackError('team_not_found');
  return {
    team: {
      id: team.id, name: team.name, domain: team.domain, email_domain: '',
      url: `https://${team.domain}.slack.com/`,
      icon: { image_default: true },
      ...(team.enterpriseId ? { enterprise_id: team.enterpriseId } : {}),
    },
  };
}

export interface OAuthClient {
  clientId: string;
  clientSecret: string;
  scopes: string;
}

/** Credentials may come as form fields or HTTP Basic auth (Slack accepts both). */
export function makeOAuthAccess(client: () => OAuthClient) {
  return function oauthAccess(ctx: MethodContext) {
    const expected = client();
    const clientId = optionalString(ctx.args, 'client_id');
    const secret = optionalString(ctx.args, 'client_secret');
    if (!clientId) throw new SlackError('invalid_client_id');
    if (clientId !== expected.clientId) throw new SlackError('invalid_client_id');
    if (secret !== expected.clientSecret) throw new SlackError('bad_client_secret');
    const code = optionalString(ctx.args, 'code');
    const grant = code ? ctx.store.oauthCodes.get(code) : undefined;
    if (!grant) throw new SlackError('invalid_code');
    if (grant.used) throw new SlackError('code_already_used');
    grant.used = true;
    const team = ctx.store.team(grant.teamId);
    team.uninstalled = false;
    const accessToken = ctx.store.ids.secret('xoxb');
    ctx.store.addToken(accessToken, team.id, 'bot', team.botUserId);
    return {
      app_id: team.appId,
      authed_user: { id: grant.userId },
      scope: expected.scopes,
      token_type: 'bot',
      access_token: accessToken,
      bot_user_id: team.botUserId,
      team: { id: team.id, name: team.name },
      enterprise: team.enterpriseId ? { id: team.enterpriseId, name: team.enterpriseId } : null,
      is_enterprise_install: false,
    };
  };
}

export function workspaceMethods(client: () => OAuthClient): Record<string, MethodSpec> {
  return {
    'auth.test': { tier: 4, auth: 'token', handle: authTest },
    'team.info': { tier: 3, auth: 'token', handle: teamInfo },
    'oauth.v2.access': { tier: 4, auth: 'none', handle: makeOAuthAccess(client) },
  };
}
