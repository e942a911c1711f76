// What a Web API method handler receives, and helpers to read Slack-style arguments that
// may arrive form-encoded (everything a string, objects JSON-encoded) or as JSON.

import { SlackError } from './slack-error.js';
import type { Store } from './store.js';
import type { Json, Team, TokenRecord } from './state-types.js';
import type { BlockKitCheck } from './block-kit/validate-surface.js';

export interface MethodContext {
  args: Json;
  store: Store;
  now: () => number;
  /** Base URL of the emulator (no trailing slash), for upload URLs and permalinks. */
  origin: string;
  /** Set for methods that need a token. */
  team?: Team;
  token?: TokenRecord;
  blockKit: BlockKitCheck;
}

export type MethodResult = Json;

export interface MethodSpec {
  tier: 1 | 2 | 3 | 4 | 'post';
  /**
   * `token`: a bot or user token; `app`: an app-level token (apps.connections.open);
   * `none`: oauth.v2.access, which authenticates with client credentials.
   */
  auth: 'token' | 'app' | 'none';
  handle(ctx: MethodContext): MethodResult;
}

export function authedTeam(ctx: MethodContext): Team {
  if (!ctx.team) throw new SlackError('not_authed');
  return ctx.team;
}

export function optionalString(args: Json, name: string): string | undefined {
  const value = args[name];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw SlackError.withMessages('invalid_arguments', [`[ERROR] expected a string [json-pointer:/${name}]`]);
}

export function requireString(args: Json, name: string, errorCode = 'invalid_arguments'): string {
  const value = optionalString(args, name);
  if (value === undefined) {
    throw SlackError.withMessages(errorCode, [`[ERROR] missing required field: ${name}`]);
  }
  return value;
}

export function optionalBoolean(args: Json, name: string): boolean | undefined {
  const value = args[name];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'boolean') return value;
  return value === 'true' || value === '1' || value === 1;
}

export function optionalNumber(args: Json, name: string): number | undefined {
  const value = args[name];
  if (value === undefined || value === null || value === '') return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) {
    throw SlackError.withMessages('invalid_arguments', [`[ERROR] expected a number [json-pointer:/${name}]`]);
  }
  return n;
}

/**
 * Object/array arguments: form-encoded clients send JSON strings; JSON clients send the
 * value itself. A string that does not parse gets the method's format error.
 */
export function optionalJson(args: Json, name: string, formatError: string): unknown {
  const value = args[name];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    throw SlackError.withMessages(formatError, [`[ERROR] could not parse JSON [json-pointer:/${name}]`]);
  }
}
