// Socket Mode's framing of what Slack would otherwise POST to the Request URL: the same
// payloads (slash command fields, interaction payload, event_callback body) wrapped in an
// envelope the app acknowledges by id, and the acknowledgement read back as the answer an
// HTTP response body would have been.

import type { AppAnswer } from '../driver/app-client.js';
import type { Json } from '../state-types.js';

export type EnvelopeType = 'slash_commands' | 'interactive' | 'events_api';

export interface Envelope {
  envelope_id: string;
  type: EnvelopeType;
  payload: Json;
  /** Whether Slack reads a payload in the ack (a command reply, a response_action...). */
  accepts_response_payload: boolean;
  /** Events API only, as on HTTP's X-Slack-Retry-Num / X-Slack-Retry-Reason. */
  retry_attempt?: number;
  retry_reason?: string;
}

/** A request the driver built for the Request URL, before signing. */
export interface AppDelivery {
  body: string;
  contentType: 'application/x-www-form-urlencoded' | 'application/json';
  retry?: { num: number; reason: string };
}

// Interactions whose HTTP answer Slack acts on; for the rest it only needs the 200.
const ANSWERED_INTERACTIONS = new Set(['view_submission', 'block_suggestion']);

export function toEnvelope(envelopeId: string, delivery: AppDelivery): Envelope {
  if (delivery.contentType === 'application/json') {
    return {
      envelope_id: envelopeId, type: 'events_api', payload: JSON.parse(delivery.body) as Json,
      accepts_response_payload: false,
      retry_attempt: delivery.retry?.num ?? 0, retry_reason: delivery.retry?.reason ?? '',
    };
  }
  const form = Object.fromEntries(new URLSearchParams(delivery.body));
  if (typeof form.payload === 'string' && form.command === undefined) {
    const payload = JSON.parse(form.payload) as Json;
    return {
      envelope_id: envelopeId, type: 'interactive', payload,
      accepts_response_payload: ANSWERED_INTERACTIONS.has(String(payload.type)),
    };
  }
  return { envelope_id: envelopeId, type: 'slash_commands', payload: form, accepts_response_payload: true };
}

/** The app the envelope is for: every payload names it in api_app_id. */
export function envelopeAppId(envelope: Envelope): string {
  const appId = envelope.payload.api_app_id;
  if (typeof appId !== 'string') throw new Error('emulator: payload has no api_app_id');
  return appId;
}

/**
 * The ack as the HTTP answer it stands for. Socket Mode clients send `payload: {}` for a
 * bare ack, which means "no body"; a payload where Slack accepts none is ignored.
 */
export function ackToAnswer(envelope: Envelope, ackPayload: unknown): AppAnswer {
  const empty = ackPayload === undefined || ackPayload === null || ackPayload === ''
    || (typeof ackPayload === 'object' && Object.keys(ackPayload).length === 0);
  if (!envelope.accepts_response_payload || empty) return { status: 200, body: undefined, rawBody: '' };
  return { status: 200, body: ackPayload, rawBody: typeof ackPayload === 'string' ? ackPayload : JSON.stringify(ackPayload) };
}

export function noAnswer(failure: 'operation_timeout' | 'unreachable'): AppAnswer {
  return { status: 0, body: undefined, rawBody: '', failure };
}
