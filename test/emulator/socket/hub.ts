// Socket Mode delivery: each command, interaction or event goes to one open link of the
// app as an envelope; the app's ack (matched by envelope_id) is the answer. An envelope not
// acked within the app timeout (Slack's 3 s) fails as an HTTP timeout would.

import { randomUUID } from 'node:crypto';
import type { RawData } from 'ws';
import type { Clock } from '../clock.js';
import type { AppAnswer } from '../driver/app-client.js';
import type { IdMint } from '../ids.js';
import { ackToAnswer, envelopeAppId, noAnswer, toEnvelope, type AppDelivery, type Envelope } from './envelopes.js';
import { SocketLinks, type SocketLink } from './links.js';

export interface SocketEnvelopeRecord {
  envelope: Envelope;
  /** The link it went out on; absent when the app had none open. */
  linkId?: string;
  /** The ack's payload exactly as the app sent it (undefined for a bare ack). */
  ackPayload?: unknown;
  outcome: 'pending' | 'acked' | 'timeout' | 'unreachable';
  sentAt: number;
}

interface Pending {
  appId: string;
  record: SocketEnvelopeRecord;
  timer: NodeJS.Timeout;
  resolve(answer: AppAnswer): void;
}

export class SocketModeHub {
  readonly links: SocketLinks;
  readonly envelopes: SocketEnvelopeRecord[] = [];
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly deps: { ids: IdMint; now: Clock; timeoutMs: number }) {
    this.links = new SocketLinks(deps.ids, deps.now, (link, data) => this.receive(link, data));
  }

  deliver(delivery: AppDelivery): Promise<AppAnswer> {
    const envelope = toEnvelope(randomUUID(), delivery);
    const appId = envelopeAppId(envelope);
    const record: SocketEnvelopeRecord = { envelope, outcome: 'pending', sentAt: this.deps.now() };
    this.envelopes.push(record);
    const link = this.links.pick(appId);
    if (!link) {
      record.outcome = 'unreachable';
      return Promise.resolve(noAnswer('unreachable'));
    }
    record.linkId = link.id;
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.settle(envelope.envelope_id, 'timeout', noAnswer('operation_timeout')), this.deps.timeoutMs);
      this.pending.set(envelope.envelope_id, { appId, record, timer, resolve });
      this.links.send(link, envelope);
    });
  }

  /** What the app sends back: acks `{ envelope_id, payload? }`; anything else is ignored. */
  private receive(link: SocketLink, data: RawData): void {
    let message: { envelope_id?: unknown; payload?: unknown };
    try {
      message = JSON.parse(rawText(data)) as typeof message;
    } catch {
      return;
    }
    if (typeof message !== 'object' || message === null || typeof message.envelope_id !== 'string') return;
    const pending = this.pending.get(message.envelope_id);
    // An ack counts from any of the app's links, never from another app's.
    if (!pending || pending.appId !== link.appId) return;
    pending.record.ackPayload = message.payload;
    this.settle(message.envelope_id, 'acked', ackToAnswer(pending.record.envelope, message.payload));
  }

  private settle(envelopeId: string, outcome: SocketEnvelopeRecord['outcome'], answer: AppAnswer): void {
    const pending = this.pending.get(envelopeId);
    if (!pending) return;
    this.pending.delete(envelopeId);
    clearTimeout(pending.timer);
    pending.record.outcome = outcome;
    pending.resolve(answer);
  }

  reset(): void {
    this.envelopes.length = 0;
    this.links.reset();
  }

  async close(): Promise<void> {
    for (const id of [...this.pending.keys()]) this.settle(id, 'unreachable', noAnswer('unreachable'));
    await this.links.close();
  }
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data as ArrayBuffer).toString('utf8');
}
