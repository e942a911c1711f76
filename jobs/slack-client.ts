// Web API clients for the worker and the one place that decides what a Slack error
// means for a nudge: wait (rate limit), try again later (Slack or the network is
// unwell), or stop (nothing will ever make this call succeed).
import { ErrorCode, LogLevel, WebClient, type Logger as SlackLogger, type WebAPICallResult } from '@slack/web-api';
import type { Logger } from '../src/logger.js';
import { slackErrors, slackRateLimited } from '../src/observability/metrics.js';
import { filteredSlackWriter } from '../src/slack/bolt-logger.js';
import { platformErrorCode, type SlackErrorShape } from '../src/platform/slack-errors.js';

export { platformErrorCode };

export type ResolveBotToken = (teamId: string) => Promise<string>;

export interface SlackClients {
  forTeam(teamId: string): Promise<WebClient>;
}

// Slack's client narrates retries and warnings; they belong at debug level, and pass
// the same filter as Bolt's lines: at debug the client prints request and response
// bodies, which carry the leader's words.
function quietLogger(logger: Logger): SlackLogger {
  const write = filteredSlackWriter(logger, 'slack-web-api');
  return {
    debug: (...m: unknown[]) => write('debug', m),
    info: (...m: unknown[]) => write('debug', m),
    warn: (...m: unknown[]) => write('debug', m),
    error: (...m: unknown[]) => write('warn', m),
    setLevel: () => {},
    getLevel: () => LogLevel.DEBUG,
    setName: () => {},
  };
}

/** Counts every failed Web API call by method: 429s apart, every other error by its code. */
export class MeteredWebClient extends WebClient {
  override async apiCall(method: string, options?: Record<string, unknown>): Promise<WebAPICallResult> {
    try {
      return await super.apiCall(method, options);
    } catch (error) {
      countSlackFailure(method, error);
      throw error;
    }
  }
}

export function countSlackFailure(method: string, error: unknown): void {
  const failure = classifySlackError(error);
  if (failure?.kind === 'rate_limited') slackRateLimited.inc({ method });
  else slackErrors.inc({ method, error: failure?.reason ?? 'unknown' });
}

/**
 * Rate limits and retries are the queue's business, so the client neither waits out a
 * 429 (the error surfaces with `retryAfter`) nor retries on its own.
 */
export function createSlackClients(options: { apiUrl: string; resolveBotToken: ResolveBotToken; logger: Logger; timeoutMs?: number }): SlackClients {
  const byToken = new Map<string, WebClient>();
  const slackLogger = quietLogger(options.logger);
  return {
    async forTeam(teamId) {
      const token = await options.resolveBotToken(teamId);
      let client = byToken.get(token);
      if (!client) {
        client = new MeteredWebClient(token, {
          slackApiUrl: options.apiUrl,
          rejectRateLimitedCalls: true,
          retryConfig: { retries: 0 },
          timeout: options.timeoutMs ?? 10_000,
          logger: slackLogger,
        });
        byToken.set(token, client);
      }
      return client;
    },
  };
}

export type SlackFailure =
  | { kind: 'rate_limited'; retryAfterMs: number }
  | { kind: 'transient'; reason: string }
  | { kind: 'permanent'; reason: string };

// Platform errors that say "Slack had a bad moment", as opposed to "this request is wrong".
const TRANSIENT_PLATFORM_ERRORS = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);


/** What a failed Web API call means for the nudge being sent; null when it is not a Slack error. */
export function classifySlackError(error: unknown): SlackFailure | null {
  const e = (error ?? {}) as SlackErrorShape;
  switch (e.code) {
    case ErrorCode.RateLimitedError:
      return { kind: 'rate_limited', retryAfterMs: Math.max(1, e.retryAfter ?? 1) * 1000 };
    case ErrorCode.RequestError:
      return { kind: 'transient', reason: 'network_error' };
    case ErrorCode.HTTPError: {
      const status = e.statusCode ?? 0;
      if (status === 429) return { kind: 'rate_limited', retryAfterMs: 1000 };
      return status >= 500 || status === 408
        ? { kind: 'transient', reason: `http_${status}` }
        : { kind: 'permanent', reason: `http_${status}` };
    }
    case ErrorCode.PlatformError: {
      const code = e.data?.error ?? 'unknown_error';
      if (code === 'ratelimited') return { kind: 'rate_limited', retryAfterMs: 1000 };
      return TRANSIENT_PLATFORM_ERRORS.has(code) ? { kind: 'transient', reason: code } : { kind: 'permanent', reason: code };
    }
    default:
      return null;
  }
}

