// What an unsigned caller can make Grow spend before it is refused. Slack's requests are
// small and carry a fresh timestamp header, so a request without one, with a stale one, or
// announcing a larger body is answered from its headers alone and its connection closed:
// the body is never read. The HTTP server's own timeouts and connection cap bound the
// callers that send headers or bodies slowly.
import type { IncomingMessage, Server } from 'node:http';
import { MAX_SKEW_SECONDS } from './verify-signature.js';

/**
 * The largest body Grow reads. The largest legitimate request is a view_submission of the
 * check-in modal with every text input full: four 3,000-character answers echoed as JSON
 * inside a form-encoded `payload`, where one non-Latin character can take up to 12 bytes,
 * plus the view's own blocks — under 200 KiB. Anything larger is not from Slack.
 */
export const MAX_SLACK_BODY_BYTES = 256 * 1024;

export interface ServerLimits {
  /** Whole request (headers and body) must arrive within this. */
  requestTimeoutMs: number;
  headersTimeoutMs: number;
  /** Connections beyond this are closed by Node as soon as they are accepted. */
  maxConnections: number;
}

export const DEFAULT_SERVER_LIMITS: ServerLimits = { requestTimeoutMs: 10_000, headersTimeoutMs: 5_000, maxConnections: 512 };

export function applyServerLimits(server: Server, limits: ServerLimits): void {
  server.requestTimeout = limits.requestTimeoutMs;
  server.headersTimeout = limits.headersTimeoutMs;
  server.maxConnections = limits.maxConnections;
}

export type PrecheckRefusal = { status: 401 | 411 | 413; error: string };

/** Refuses from the headers alone; undefined when the body is worth reading and verifying. */
export function precheckSlackRequest(req: IncomingMessage, nowSeconds: number): PrecheckRefusal | undefined {
  const timestamp = req.headers['x-slack-request-timestamp'];
  if (typeof timestamp !== 'string' || !/^\d{1,12}$/.test(timestamp) || typeof req.headers['x-slack-signature'] !== 'string') {
    return { status: 401, error: 'missing_signature' };
  }
  if (Math.abs(nowSeconds - Number(timestamp)) > MAX_SKEW_SECONDS) return { status: 401, error: 'stale_timestamp' };
  const length = req.headers['content-length'];
  // Slack always states the length; a chunked body of unknown size is not read.
  if (length === undefined) return { status: 411, error: 'length_required' };
  if (!/^\d+$/.test(length) || Number(length) > MAX_SLACK_BODY_BYTES) return { status: 413, error: 'payload_too_large' };
  return undefined;
}
