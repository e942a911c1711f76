// The emulator's workspace state and the lookups every Web API method needs. It knows
// nothing about HTTP; handlers throw SlackError for Slack's refusals.

import { IdMint } from './ids.js';
import { SlackError } from './slack-error.js';
import type {
  Channel, DndSetting, Ephemeral, OAuthCode, StoredView, Team, TokenRecord, Trigger, Upload, User,
} from './state-types.js';

export interface AddTeamInput {
  id: string;
  name: string;
  botToken: string;
  botUserId: string;
  appId?: string;
  botId?: string;
  domain?: string;
  enterpriseId?: string;
}

export interface AddUserInput {
  id: string;
  name: string;
  realName?: string;
  tz?: string;
  dnd?: DndSetting;
  deleted?: boolean;
  isBot?: boolean;
  isAdmin?: boolean;
}

export class Store {
  readonly ids = new IdMint();
  readonly teams = new Map<string, Team>();
  readonly users = new Map<string, User>(); // key `${teamId}/${userId}`
  readonly channels = new Map<string, Channel>(); // key `${teamId}/${channelId}`
  readonly tokens = new Map<string, TokenRecord>();
  readonly views = new Map<string, StoredView>(); // by view id
  /** Open modal stack per `${teamId}/${userId}`, root first. */
  readonly modalStacks = new Map<string, string[]>();
  readonly homeViews = new Map<string, string>(); // `${teamId}/${userId}` → view id
  readonly triggers = new Map<string, Trigger>();
  readonly ephemerals: Ephemeral[] = [];
  /** Events a test asked to deliver that manifest.yml does not subscribe to: Slack would never send them. */
  readonly unsubscribedEvents: { teamId: string; type: string }[] = [];
  readonly uploads = new Map<string, Upload>();
  readonly oauthCodes = new Map<string, OAuthCode>();

  addTeam(input: AddTeamInput): Team {
    const team: Team = {
      id: input.id,
      name: input.name,
      domain: input.domain ?? input.name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
      botUserId: input.botUserId,
      botId: input.botId ?? this.ids.next('B'),
      appId: input.appId ?? this.ids.next('A'),
      uninstalled: false,
      ...(input.enterpriseId ? { enterpriseId: input.enterpriseId } : {}),
    };
    this.teams.set(team.id, team);
    this.addUser(team.id, { id: input.botUserId, name: 'grow', realName: 'Grow', isBot: true });
    this.addToken(input.botToken, team.id, 'bot', input.botUserId);
    return team;
  }

  addToken(token: string, teamId: string, kind: TokenRecord['kind'], userId: string): void {
    this.tokens.set(token, { token, teamId, kind, userId, revoked: false });
  }

  addUser(teamId: string, input: AddUserInput): User {
    this.team(teamId);
    const user: User = {
      id: input.id,
      teamId,
      name: input.name,
      realName: input.realName ?? input.name,
      tz: input.tz ?? 'America/Los_Angeles',
      isBot: input.isBot ?? false,
      deleted: input.deleted ?? false,
      isAdmin: input.isAdmin ?? false,
      ...(input.dnd ? { dnd: input.dnd } : {}),
    };
    this.users.set(`${teamId}/${user.id}`, user);
    return user;
  }

  addChannel(teamId: string, input: { id: string; name: string; members?: string[]; botIsMember?: boolean }): Channel {
    const team = this.team(teamId);
    const members = new Set(input.members ?? []);
    if (input.botIsMember ?? true) members.add(team.botUserId);
    const channel: Channel = { id: input.id, teamId, kind: 'channel', name: input.name, members, messages: [] };
    this.channels.set(`${teamId}/${channel.id}`, channel);
    return channel;
  }

  team(teamId: string): Team {
    const team = this.teams.get(teamId);
    if (!team) throw new Error(`emulator: unknown team ${teamId}; call addTeam first`);
    return team;
  }

  findUser(teamId: string, userId: string): User | undefined {
    return this.users.get(`${teamId}/${userId}`);
  }

  user(teamId: string, userId: string): User {
    const user = this.findUser(teamId, userId);
    if (!user) throw new Error(`emulator: unknown user ${userId} in ${teamId}; call addUser first`);
    return user;
  }

  findChannel(teamId: string, channelId: string): Channel | undefined {
    return this.channels.get(`${teamId}/${channelId}`);
  }

  /** The bot's IM with a user, created on first use and stable afterwards (as in Slack). */
  imWith(teamId: string, userId: string): Channel {
    for (const channel of this.channels.values()) {
      if (channel.teamId === teamId && channel.kind === 'im' && channel.imUserId === userId) return channel;
    }
    const team = this.team(teamId);
    const id = this.ids.next('D');
    const channel: Channel = {
      id, teamId, kind: 'im', name: id, imUserId: userId,
      members: new Set([userId, team.botUserId]), messages: [],
    };
    this.channels.set(`${teamId}/${id}`, channel);
    return channel;
  }

  /**
   * Resolves a `channel` argument the way chat.postMessage does: a user id means the bot's
   * DM with that user; anything else must be a known conversation.
   */
  resolveChannel(teamId: string, channelArg: string): Channel {
    if (/^[UW]/.test(channelArg)) {
      const user = this.findUser(teamId, channelArg);
      if (!user) throw new SlackError('channel_not_found');
      return this.imWith(teamId, user.id);
    }
    const channel = this.findChannel(teamId, channelArg);
    if (!channel) throw new SlackError('channel_not_found');
    return channel;
  }

  issueTrigger(teamId: string, userId: string, now: number): string {
    const id = this.ids.triggerId(now);
    this.triggers.set(id, { id, teamId, userId, issuedAt: now, exchanged: false });
    return id;
  }

  modalStack(teamId: string, userId: string): string[] {
    const key = `${teamId}/${userId}`;
    let stack = this.modalStacks.get(key);
    if (!stack) {
      stack = [];
      this.modalStacks.set(key, stack);
    }
    return stack;
  }

  /** Drops every stored piece of state; teams and users must be added again. */
  clear(): void {
    for (const map of [this.teams, this.users, this.channels, this.tokens, this.views, this.modalStacks,
      this.homeViews, this.triggers, this.uploads, this.oauthCodes]) map.clear();
    this.ephemerals.length = 0;
    this.unsubscribedEvents.length = 0;
  }
}
