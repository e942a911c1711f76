// What the engagement listeners share: reading who clicked where, answering privately
// (an ephemeral in a conversation, a small modal on App Home), replacing a message in
// place, DMing the other party, and re-publishing App Home after a change.
import type { WebClient } from '@slack/web-api';
import type { Logger } from '../../logger.js';
import type { Block } from '../blocks/kit.js';
import { plain, section } from '../blocks/kit.js';
import type { SlackDeps } from '../deps.js';
import { DomainError } from '../../domain/errors.js';
import { friendlyMessage } from '../friendly-errors.js';
import type { ServiceContext } from '../../services/context.js';
import { notePosted } from '../../services/posted-messages.js';
import { recordedMessageFor } from '../../services/recorded-message.js';
import { publishHome, type HomeRequest, type HomeSection } from './app-home.js';

export interface InteractionBody {
  team?: { id: string } | null;
  user: { id: string; team_id?: string };
  trigger_id?: string;
  container?: Record<string, unknown>;
  channel?: { id: string };
  message?: { ts: string };
}

export interface MessageRef {
  channel: string;
  ts: string;
}

export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/** The answer to a click on a message whose moment has passed. */
export const OUT_OF_DATE = 'That message is out of date; nothing was changed.';

/** The answer to a click on, or a form about, something that is not the clicker's. */
export const REFUSED = friendlyMessage(new DomainError('forbidden', 'not yours'));

export const teamOf = (body: InteractionBody): string => body.team?.id ?? body.user.team_id ?? '';

/** Who clicked or submitted, and a logger naming them and the action or view. */
export function whoActed(deps: Pick<SlackDeps, 'logger'>, body: InteractionBody, on: { action: string } | { view: string }) {
  const teamId = teamOf(body);
  const userId = body.user.id;
  return { teamId, userId, log: deps.logger.child({ teamId, userId, ...on }) };
}

/** The message a button sat in, when it sat in a message (not App Home or a modal). */
export function messageOf(body: InteractionBody): MessageRef | undefined {
  const c = body.container ?? {};
  const channel = typeof c.channel_id === 'string' ? c.channel_id : body.channel?.id;
  const ts = typeof c.message_ts === 'string' ? c.message_ts : body.message?.ts;
  return channel && ts && c.type !== 'view' ? { channel, ts } : undefined;
}

/** Tells only the person who clicked: ephemeral where there is a conversation, else a small modal. */
export async function tellUser(client: WebClient, body: InteractionBody, text: string, log: Logger): Promise<void> {
  try {
    const where = messageOf(body);
    if (where) {
      await client.chat.postEphemeral({ channel: where.channel, user: body.user.id, text, blocks: [section(text)] });
    } else if (body.trigger_id) {
      await client.views.open({ trigger_id: body.trigger_id, view: { type: 'modal', title: plain('Grow'), close: plain('OK'), blocks: [section(text)] } });
    }
  } catch (error) {
    log.warn({ err: error }, 'could not answer the user privately');
  }
}

export async function updateMessage(client: WebClient, where: MessageRef | undefined, message: SlackMessage, log: Logger): Promise<void> {
  if (!where) return;
  try {
    await client.chat.update({ channel: where.channel, ts: where.ts, text: message.text, blocks: message.blocks });
  } catch (error) {
    log.warn({ err: error }, 'message not updated');
  }
}

/**
 * Replaces a message a click points at, but only one Grow recorded as sent to the person
 * who clicked: the channel and ts in a payload are claims, not facts.
 */
export async function updateOwnMessage(
  deps: Pick<SlackDeps, 'db'>,
  client: WebClient,
  who: { teamId: string; userId: string },
  where: MessageRef | undefined,
  message: SlackMessage,
  log: Logger,
): Promise<void> {
  const own = await recordedMessageFor(deps, who, where);
  if (where && !own) log.warn('message not updated: not one Grow sent to this user');
  await updateMessage(client, own, message, log);
}

/** DMs a person and records where the message went, so `/grow delete` can remove it. */
/** Posts and records a DM; false when Slack did not take it (a failed record is only logged). */
export async function sendDm(client: WebClient, userId: string, message: SlackMessage, log: Logger, record: Pick<ServiceContext, 'db'> & { teamId: string }): Promise<boolean> {
  let posted;
  try {
    posted = await client.chat.postMessage({ channel: userId, text: message.text, blocks: message.blocks, unfurl_links: false });
  } catch (error) {
    log.warn({ err: error, to: userId }, 'DM not delivered');
    return false;
  }
  try {
    await notePosted(record, { teamId: record.teamId, recipientId: userId, kind: 'dm', channelId: posted.channel ?? userId, messageTs: posted.ts ?? '' });
  } catch (error) {
    log.warn({ err: error, to: userId }, 'DM delivered but not recorded');
  }
  return true;
}

export type RefreshHome = (deps: SlackDeps, client: WebClient, teamId: string, userIds: string[], request?: HomeRequest) => Promise<void>;

/** Re-publishes App Home with every section, for each person a change concerns. */
export function createHomeRefresher(sections: HomeSection[]): RefreshHome {
  return async (deps, client, teamId, userIds, request = {}) => {
    for (const userId of new Set(userIds)) {
      try {
        await publishHome(deps, client, teamId, userId, sections, request);
      } catch (error) {
        deps.logger.warn({ teamId, userId, err: error }, 'App Home not refreshed');
      }
    }
  };
}
