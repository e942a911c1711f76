// Sends one signed request to the app the way Slack does, and reads its answer. Slack
// gives the app 3 seconds; past that the user sees an error and the answer is ignored.

import { signRequest } from './signing.js';

export interface AppRequest {
  url: string;
  secret: string;
  body: string;
  contentType: 'application/x-www-form-urlencoded' | 'application/json';
  timeoutMs: number;
  /** Seconds since the epoch; Slack uses real time, and receivers reject stale stamps. */
  timestampSec?: number;
  /** Set on Events API redeliveries (X-Slack-Retry-Num / X-Slack-Retry-Reason). */
  retry?: { num: number; reason: string };
}

export interface AppAnswer {
  /** HTTP status; 0 when the app could not be reached or did not answer in time. */
  status: number;
  /** Parsed JSON body, the raw text for non-JSON bodies, or undefined when empty. */
  body: unknown;
  rawBody: string;
  /** Why Slack would show the user an error: timeout, unreachable or non-200. */
  failure?: 'operation_timeout' | 'unreachable' | 'http_error';
}

export async function sendToApp(request: AppRequest): Promise<AppAnswer> {
  const timestamp = request.timestampSec ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': request.contentType,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': signRequest(request.secret, timestamp, request.body),
    'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
  };
  if (request.retry) {
    headers['x-slack-retry-num'] = String(request.retry.num);
    headers['x-slack-retry-reason'] = request.retry.reason;
  }
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: 'POST', headers, body: request.body, signal: AbortSignal.timeout(request.timeoutMs),
    });
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    return { status: 0, body: undefined, rawBody: '', failure: timedOut ? 'operation_timeout' : 'unreachable' };
  }
  const rawBody = await response.text();
  const body = parseBody(rawBody, response.headers.get('content-type'));
  return { status: response.status, body, rawBody, ...(response.status === 200 ? {} : { failure: 'http_error' as const }) };
}

function parseBody(raw: string, contentType: string | null): unknown {
  if (raw.trim() === '') return undefined;
  if ((contentType ?? '').includes('json') || /^[[{]/.test(raw.trim())) {
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      return raw;
    }
  }
  return raw;
}
