// Read-only views of the workspace for assertions: messages, DMs, ephemerals, open modals
// and Home tabs, shaped as Slack would show them.

import { publicMessage } from './methods/message-args.js';
import type { Ephemeral, Json, StoredView } from './state-types.js';
import type { Store } from './store.js';

export class Inspector {
  constructor(readonly store: Store) {}

  /** Messages in a conversation, oldest first, metadata included. */
  messagesIn(teamId: string, channelId: string): Json[] {
    const channel = this.store.findChannel(teamId, channelId);
    return channel ? channel.messages.map((m) => ({ ...publicMessage(m, true), channel: m.channel })) : [];
  }

  /** Messages in the bot's DM with a user, oldest first (empty if never opened). */
  dmWith(teamId: string, userId: string): Json[] {
    for (const channel of this.store.channels.values()) {
      if (channel.teamId === teamId && channel.kind === 'im' && channel.imUserId === userId) {
        return this.messagesIn(teamId, channel.id);
      }
    }
    return [];
  }

  /** The bot's DM channel id with a user, if one exists. */
  dmChannelId(teamId: string, userId: string): string | undefined {
    for (const channel of this.store.channels.values()) {
      if (channel.teamId === teamId && channel.kind === 'im' && channel.imUserId === userId) return channel.id;
    }
    return undefined;
  }

  ephemerals(teamId: string, userId: string): Ephemeral[] {
    return this.store.ephemerals.filter((e) => e.teamId === teamId && e.userId === userId);
  }

  /** The user's modal stack, root first; empty when no modal is open. */
  openViews(teamId: string, userId: string): Json[] {
    return this.store.modalStack(teamId, userId)
      .map((id) => this.store.views.get(id))
      .filter((v): v is StoredView => v !== undefined)
      .map((v) => v.view);
  }

  homeView(teamId: string, userId: string): Json | undefined {
    const id = this.store.homeViews.get(`${teamId}/${userId}`);
    return id ? this.store.views.get(id)?.view : undefined;
  }

  view(viewId: string): Json | undefined {
    return this.store.views.get(viewId)?.view;
  }
}
