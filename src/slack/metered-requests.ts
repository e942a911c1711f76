// Slack 429 and error counters for the web role's Web API calls. Bolt builds its own
// WebClient for every team and offers no seam for a subclass, so the counting sits in
// the HTTP adapter the clients are given (`clientOptions.adapter`): every answer Slack
// sends passes it, including each 429 that the client then waits out and retries.
import axios, { type AxiosAdapter, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios';
import { slackErrors, slackRateLimited } from '../observability/metrics.js';

const send = axios.getAdapter(axios.defaults.adapter) as AxiosAdapter;

/** The method name of a Web API URL (`…/api/chat.postMessage` → `chat.postMessage`). */
export function methodOf(config: InternalAxiosRequestConfig): string {
  const url = config.url ?? '';
  const path = url.split('?')[0] ?? '';
  return path.slice(path.lastIndexOf('/') + 1) || 'unknown';
}

/** Counts one answer: 429 apart, other HTTP failures by status, `ok: false` by its code. */
function countAnswer(method: string, response: AxiosResponse): void {
  if (response.status === 429) return void slackRateLimited.inc({ method });
  if (response.status >= 400) return void slackErrors.inc({ method, error: `http_${response.status}` });
  const error = platformError(response.data);
  if (error === 'ratelimited') slackRateLimited.inc({ method });
  else if (error) slackErrors.inc({ method, error });
}

// The adapter sees the raw body, before JSON parsing; only failures are parsed, and only
// the error code is read from them.
function platformError(data: unknown): string | undefined {
  const text = typeof data === 'string' ? data : Buffer.isBuffer(data) ? data.toString('utf8') : undefined;
  if (text === undefined) return (data as { ok?: boolean; error?: string } | null)?.ok === false ? String((data as { error?: string }).error ?? 'unknown_error') : undefined;
  if (!text.includes('"ok":false')) return undefined;
  try {
    const parsed = JSON.parse(text) as { error?: unknown };
    return typeof parsed.error === 'string' ? parsed.error : 'unknown_error';
  } catch {
    return undefined;
  }
}

export const meteredAdapter: AxiosAdapter = async (config) => {
  const method = methodOf(config);
  let response: AxiosResponse;
  try {
    response = await send(config);
  } catch (error) {
    const answered = (error as { response?: AxiosResponse }).response;
    if (answered) countAnswer(method, answered);
    else slackErrors.inc({ method, error: 'network_error' });
    throw error;
  }
  countAnswer(method, response);
  return response;
};
