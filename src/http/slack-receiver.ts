// A Bolt receiver for our own HTTP server: verifies the signature, parses the body,
// checks the envelope (src/http/slack-envelope.ts), hands the event to Bolt and answers
// Slack with whatever the listener acked.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import { databaseErrorCode } from '../../db/client.js';
import type { Logger } from '../logger.js';
import { ackSeconds, surfaceOf } from '../observability/metrics.js';
import { bindSlackIds } from '../observability/request-context.js';
import type { ListenerIds } from '../slack/listened-ids.js';
import { checkEnvelope } from './slack-envelope.js';
import { parseSlackBody } from './parse-slack-body.js';
import { replayKey } from './replay-key.js';
import { dropUntrustedResponseUrls } from './response-url.js';
import { verifySlackSignature } from './verify-signature.js';

const ACK_TIMEOUT_MS = 3_000;

export interface SlackReceiverOptions {
  signingSecret: string;
  logger: Logger;
  now?: () => number;
  /** What the app's listeners answer; filled in as they register. */
  listeners: ListenerIds;
  /** Hosts a body's response_url may point at (src/http/response-url.ts). */
  responseUrlHosts?: string[];
  /** Replay protection: true the first time a request key is seen; `release` undoes a failed one. */
  replayGuard?: { claim(key: string): Promise<boolean>; release(key: string): Promise<void> };
}

export class SlackReceiver implements Receiver {
  private app?: App;
  constructor(private readonly options: SlackReceiverOptions) {}

  init(app: App): void {
    this.app = app;
  }
  // The HTTP server is owned by src/http/server.ts; Bolt's start/stop have nothing to do.
  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  /**
   * The replay key when this request is the first of its kind, false when it was seen, and
   * undefined when there is no guard or its store is unreachable: then the request is acted
   * on (a lost dedupe row risks a repeat; refusing would drop every request while Postgres,
   * which the listener needs anyway, is down).
   */
  private async claimOnce(body: Record<string, unknown>, signature: string): Promise<string | false | undefined> {
    const guard = this.options.replayGuard;
    if (!guard) return undefined;
    const key = replayKey(body, signature);
    try {
      return (await guard.claim(key)) ? key : false;
    } catch (error) {
      this.options.logger.warn({ err: { code: databaseErrorCode(error) } }, 'replay check unavailable; request acted on');
      return undefined;
    }
  }

  async handle(req: IncomingMessage, res: ServerResponse, rawBody: string): Promise<void> {
    const { logger } = this.options;
    const received = performance.now();
    const check = verifySlackSignature({
      signingSecret: this.options.signingSecret,
      rawBody,
      timestamp: header(req, 'x-slack-request-timestamp'),
      signature: header(req, 'x-slack-signature'),
      nowSeconds: Math.floor((this.options.now?.() ?? Date.now()) / 1000),
    });
    if (!check.ok) {
      logger.warn({ reason: check.reason }, 'rejected unsigned or stale Slack request');
      return send(res, 401, 'text/plain', 'invalid request signature');
    }
    if (/^ssl_check=1/.test(rawBody)) return send(res, 200, 'text/plain', '');
    const parsed = parseSlackBody(rawBody, header(req, 'content-type'));
    if (!parsed.ok) {
      logger.warn({ reason: parsed.reason }, 'rejected malformed Slack request');
      return send(res, 400, 'text/plain', 'malformed request');
    }
    const body = parsed.body;
    bindSlackIds(body);
    if (body.type === 'url_verification' && typeof body.challenge === 'string') {
      return send(res, 200, 'application/json', JSON.stringify({ challenge: body.challenge }));
    }
    if (!this.app) return send(res, 503, 'text/plain', 'not ready');
    const envelope = checkEnvelope(body, this.options.listeners);
    if (envelope.verdict === 'refuse') {
      logger.warn({ reason: envelope.reason }, 'refused a Slack request of the wrong shape');
      return send(res, 400, 'text/plain', 'malformed request');
    }
    if (envelope.verdict === 'acknowledge') {
      logger.debug({ reason: envelope.reason }, 'acknowledged a Slack request no listener answers');
      return send(res, 200, 'text/plain', '');
    }
    const dropped = dropUntrustedResponseUrls(body, this.options.responseUrlHosts ?? ['hooks.slack.com']);
    if (dropped > 0) logger.warn({ dropped }, 'ignored a response_url outside Slack');
    const retryNum = Number(header(req, 'x-slack-retry-num') ?? '') || undefined;
    const key = await this.claimOnce(body, header(req, 'x-slack-signature') ?? '');
    if (key === false) {
      logger.info({ type: body.type, retryNum }, 'replayed Slack request acknowledged, not acted on again');
      return send(res, 200, 'text/plain', '');
    }

    let acked = false;
    const observeAck = () => ackSeconds.observe({ surface: surfaceOf(body) }, (performance.now() - received) / 1000);
    const timer = setTimeout(() => {
      if (acked) return;
      acked = true;
      observeAck();
      logger.error({ type: body.type }, 'listener did not acknowledge within 3 seconds');
      send(res, 200, 'text/plain', '');
    }, ACK_TIMEOUT_MS);
    const event: ReceiverEvent = {
      body,
      retryNum,
      retryReason: header(req, 'x-slack-retry-reason'),
      ack: async (response?: unknown) => {
        if (acked) return;
        acked = true;
        clearTimeout(timer);
        observeAck();
        if (response === undefined || response === '') return send(res, 200, 'text/plain', '');
        if (typeof response === 'string') return send(res, 200, 'text/plain', response);
        send(res, 200, 'application/json', JSON.stringify(response));
      },
    };
    try {
      await this.app.processEvent(event);
    } catch (error) {
      // A well-formed request from a workspace Grow has no token for: nothing to do, and
      // Slack is told so with a plain acknowledgement rather than a failure it would retry.
      if ((error as { code?: unknown }).code === 'slack_bolt_authorization_error' && !acked) {
        logger.warn({ type: body.type }, 'acknowledged a Slack request from a workspace without an installation');
        acked = true;
        clearTimeout(timer);
        return send(res, 200, 'text/plain', '');
      }
      // app.error() has already logged it; Slack gets a plain failure, never details.
      logger.debug({ err: error }, 'event processing failed');
      if (key) await this.options.replayGuard?.release(key).catch(() => {});
      if (!acked) {
        acked = true;
        clearTimeout(timer);
        send(res, 500, 'text/plain', '');
      }
    }
  }
}

/** Which Slack surface a request came from, for the ack-time histogram. */
function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
