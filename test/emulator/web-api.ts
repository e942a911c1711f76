// The Web API pipeline for one POST /api/<method>: parse, authenticate, rate-limit,
// inject faults, run the method, answer and record, in the order Slack's edge does.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CallLog } from './call-log.js';
import { redactArgs } from './call-log.js';
import type { FaultInjector, FaultOutcome } from './faults.js';
import { basicCredentials, bearerToken, parseArgs, readBody, sendJson } from './http-io.js';
import type { MethodContext, MethodSpec } from './method-context.js';
import type { RateLimiter } from './rate-limits.js';
import { SlackError } from './slack-error.js';
import type { Json } from './state-types.js';
import type { Store } from './store.js';
import type { BlockKitCheck } from './block-kit/validate-surface.js';
import { missingScope } from './scopes.js';

export interface WebApiDeps {
  store: Store;
  methods: Map<string, MethodSpec>;
  log: CallLog;
  limiter: RateLimiter;
  faults: FaultInjector;
  now: () => number;
  origin: () => string;
  blockKit: BlockKitCheck;
  /** What a bot token was granted (the manifest's bot scopes unless a test says otherwise). */
  botScopes: () => string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function handleWebApi(deps: WebApiDeps, method: string, req: IncomingMessage, res: ServerResponse) {
  const body = await readBody(req);
  // Slack also takes GET with query arguments; treat them like a form body.
  const query = (req.url ?? '').split('?')[1] ?? '';
  const parsed = req.method === 'GET'
    ? parseArgs('application/x-www-form-urlencoded', Buffer.from(query))
    : parseArgs(req.headers['content-type'], body);
  const args = parsed?.args ?? {};
  const base = { method, args: redactArgs(args), at: deps.now() };
  const answer = (status: number, response: Json, source: 'slack' | 'ratelimit' | 'fault', teamId?: string, headers = {}) => {
    const ok = response.ok === true;
    deps.log.record({
      ...base, ...(teamId ? { teamId } : {}), ok, status, source, response,
      ...(ok ? {} : { error: String(response.error) }),
    });
    sendJson(res, status, response, headers);
  };
  const fail = (outcome: FaultOutcome, teamId?: string) => {
    if (outcome.kind === 'reset') {
      deps.log.record({ ...base, ...(teamId ? { teamId } : {}), ok: false, error: 'connection_reset', status: 0, source: 'fault' });
      req.socket.destroy();
      return;
    }
    if (outcome.kind === 'ratelimited') {
      answer(429, { ok: false, error: 'ratelimited' }, 'fault', teamId, { 'retry-after': String(outcome.retryAfter) });
      return;
    }
    answer(outcome.status, { ok: false, error: 'service_unavailable' }, 'fault', teamId);
  };

  const spec = deps.methods.get(method);
  if (!spec) return answer(200, { ok: false, error: 'unknown_method', req_method: method }, 'slack');
  if (!parsed) return answer(200, { ok: false, error: 'invalid_json' }, 'slack');

  const decision = deps.faults.decide(method);
  if (decision.delayMs > 0) await sleep(decision.delayMs);
  if (decision.outcome && (decision.outcome.kind === 'ratelimited' || decision.outcome.when === 'before')) {
    return fail(decision.outcome);
  }

  const ctx: MethodContext = { args, store: deps.store, now: deps.now, origin: deps.origin(), blockKit: deps.blockKit };
  try {
    if (spec.auth !== 'none') authenticate(deps.store, ctx, req, parsed.isJson, spec.auth);
    else withBasicCredentials(ctx, req);
  } catch (error) {
    if (error instanceof SlackError) return answer(200, { ok: false, error: error.code }, 'slack');
    throw error;
  }
  const teamId = ctx.team?.id;
  if (ctx.token?.kind === 'bot') {
    const missing = missingScope(method, deps.botScopes());
    if (missing) return answer(200, { ok: false, error: 'missing_scope', ...missing }, 'slack', teamId);
  }
  if (teamId) {
    const retryAfter = deps.limiter.check(method, spec, teamId, rateChannel(deps.store, teamId, args));
    if (retryAfter !== undefined) {
      return answer(429, { ok: false, error: 'ratelimited' }, 'ratelimit', teamId, { 'retry-after': String(retryAfter) });
    }
  }
  let response: Json;
  try {
    response = { ok: true, ...spec.handle(ctx) };
  } catch (error) {
    if (!(error instanceof SlackError)) throw error;
    response = { ok: false, error: error.code, ...error.extra };
  }
  if (decision.outcome) return fail(decision.outcome, teamId);
  answer(200, response, 'slack', teamId);
}

function authenticate(store: Store, ctx: MethodContext, req: IncomingMessage, isJson: boolean, auth: 'token' | 'app'): void {
  // Slack ignores a token in a JSON body: JSON callers must use the Authorization header.
  // App-level tokens are only ever read from the header.
  const token = bearerToken(req) ?? (isJson || auth === 'app' ? undefined : (ctx.args.token as string | undefined));
  if (!token) throw new SlackError('not_authed');
  const record = store.tokens.get(token);
  if (!record) throw new SlackError('invalid_auth');
  if (record.revoked) throw new SlackError('token_revoked');
  if ((record.kind === 'app') !== (auth === 'app')) throw new SlackError('not_allowed_token_type');
  const team = store.teams.get(record.teamId);
  if (!team) throw new SlackError('invalid_auth');
  if (team.uninstalled) throw new SlackError('account_inactive');
  ctx.team = team;
  ctx.token = record;
}

function withBasicCredentials(ctx: MethodContext, req: IncomingMessage): void {
  const basic = basicCredentials(req);
  if (basic) ctx.args = { ...ctx.args, client_id: basic.id, client_secret: basic.secret };
}

/** chat.postMessage's per-channel limit applies to the DM even when addressed by user id. */
function rateChannel(store: Store, teamId: string, args: Json): string | undefined {
  const channel = typeof args.channel === 'string' ? args.channel : undefined;
  if (!channel || !/^[UW]/.test(channel) || !store.findUser(teamId, channel)) return channel;
  return store.imWith(teamId, channel).id;
}
