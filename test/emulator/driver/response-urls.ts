// response_url handling: the URLs handed to the app with commands and interactions, and
// what a POST to one does (ephemeral reply, in-channel reply, replace or delete the
// original). Like Slack's, each URL works 5 times within 30 minutes.

import type { Store } from '../store.js';
import type { Json } from '../state-types.js';
import type { BlockKitCheck } from '../block-kit/validate-surface.js';
import { assignIds } from '../block-kit/assign-ids.js';

const MAX_USES = 5;
const TTL_MS = 30 * 60_000;

export interface ResponseUrlGrant {
  id: string;
  teamId: string;
  userId: string;
  channelId: string;
  /** The message an interaction came from, for replace_original/delete_original. */
  messageTs?: string;
  issuedAt: number;
  uses: number;
}

export interface ResponseUrlPost {
  grantId: string;
  body: Json;
  status: number;
  error?: string;
}

export class ResponseUrls {
  private grants = new Map<string, ResponseUrlGrant>();
  readonly posts: ResponseUrlPost[] = [];

  constructor(private readonly store: Store, private readonly now: () => number, private readonly blockKit: BlockKitCheck) {}

  issue(origin: string, grant: Omit<ResponseUrlGrant, 'id' | 'issuedAt' | 'uses'>): string {
    const id = this.store.ids.next('R');
    this.grants.set(id, { ...grant, id, issuedAt: this.now(), uses: 0 });
    return `${origin}/response/${id}`;
  }

  /** Applies one POST; returns the HTTP status and body Slack would answer with. */
  apply(id: string, body: Json): { status: number; answer: Json } {
    const result = this.applyInner(id, body);
    this.posts.push({ grantId: id, body, status: result.status, ...(result.answer.ok ? {} : { error: String(result.answer.error) }) });
    return result;
  }

  private applyInner(id: string, body: Json): { status: number; answer: Json } {
    const grant = this.grants.get(id);
    if (!grant || grant.uses >= MAX_USES || this.now() - grant.issuedAt > TTL_MS) {
      return { status: 404, answer: { ok: false, error: 'expired_url' } };
    }
    grant.uses += 1;
    return this.deliver(grant, body, 'response_url');
  }

  /** A reply given in the HTTP acknowledgement itself: shown the same way, not a use of the URL. */
  deliverAck(id: string, body: Json): { status: number; answer: Json } {
    const grant = this.grants.get(id);
    if (!grant) throw new Error(`emulator: unknown response_url ${id}`);
    return this.deliver(grant, body, 'http_response');
  }

  private deliver(grant: ResponseUrlGrant, body: Json, via: 'response_url' | 'http_response'): { status: number; answer: Json } {
    const channel = this.store.findChannel(grant.teamId, grant.channelId);
    const original = grant.messageTs ? channel?.messages.find((m) => m.ts === grant.messageTs) : undefined;
    if (body.delete_original === true) {
      if (channel && original) channel.messages.splice(channel.messages.indexOf(original), 1);
      return { status: 200, answer: { ok: true } };
    }
    const blocks = Array.isArray(body.blocks) ? (body.blocks as Json[]) : undefined;
    if (blocks) {
      const problems = this.blockKit.message(blocks);
      if (problems.length > 0) return { status: 400, answer: { ok: false, error: 'invalid_blocks', response_metadata: { messages: problems } } };
    }
    const text = typeof body.text === 'string' ? body.text : '';
    if (text === '' && !blocks) return { status: 400, answer: { ok: false, error: 'no_text' } };
    const content = { text, ...(blocks ? { blocks: assignIds(blocks, `${grant.id}/${grant.uses}/${via}`) } : {}) };
    if (body.replace_original === true && original) {
      Object.assign(original, content);
      return { status: 200, answer: { ok: true } };
    }
    const ts = this.store.ids.ts(this.now());
    if (body.response_type === 'in_channel' && channel) {
      const team = this.store.team(grant.teamId);
      channel.messages.push({
        type: 'message', ts, channel: channel.id, user: team.botUserId, bot_id: team.botId, app_id: team.appId, team: team.id, ...content,
      });
    } else {
      this.store.ephemerals.push({ teamId: grant.teamId, channel: grant.channelId, userId: grant.userId, ts, via, ...content });
    }
    return { status: 200, answer: { ok: true } };
  }

  clear(): void {
    this.grants.clear();
    this.posts.length = 0;
  }
}
