// Shapes of the emulator's in-memory workspace state: teams, users, conversations,
// messages, views, triggers and uploads. Kept apart from the store so handlers and the
// driver can share types without pulling in behaviour.

export type Json = Record<string, unknown>;

export interface Team {
  id: string;
  name: string;
  domain: string;
  botUserId: string;
  botId: string;
  appId: string;
  enterpriseId?: string;
  /** Set when the app is uninstalled: its tokens answer `account_inactive`. */
  uninstalled: boolean;
}

export type DndSetting = { start: string; end: string } | { snoozeUntil: Date };

export interface User {
  id: string;
  teamId: string;
  name: string;
  realName: string;
  tz: string;
  isBot: boolean;
  deleted: boolean;
  isAdmin: boolean;
  dnd?: DndSetting;
}

export interface StoredMessage {
  type: 'message';
  ts: string;
  channel: string;
  text: string;
  user?: string;
  bot_id?: string;
  app_id?: string;
  team: string;
  blocks?: Json[];
  metadata?: { event_type: string; event_payload: Json };
  files?: Json[];
  thread_ts?: string;
  edited?: { user: string; ts: string };
}

export interface Channel {
  id: string;
  teamId: string;
  kind: 'im' | 'channel';
  name: string;
  /** For an IM, the human on the other side of the bot. */
  imUserId?: string;
  members: Set<string>;
  messages: StoredMessage[];
}

export interface Ephemeral {
  teamId: string;
  channel: string;
  userId: string;
  ts: string;
  text: string;
  blocks?: Json[];
  /** How it arrived: a Web API call, a slash-command/interaction HTTP reply, or response_url. */
  via: 'chat.postEphemeral' | 'http_response' | 'response_url';
}

export interface StoredView {
  id: string;
  teamId: string;
  userId: string;
  type: 'modal' | 'home';
  /** The view as Slack would echo it back (including id, hash, state). */
  view: Json;
  hash: string;
  externalId?: string;
  rootViewId: string;
  previousViewId: string | null;
}

export interface Trigger {
  id: string;
  teamId: string;
  userId: string;
  issuedAt: number;
  exchanged: boolean;
}

export interface TokenRecord {
  token: string;
  teamId: string;
  /** `app`: an app-level token (xapp-…), good only for apps.connections.open. */
  kind: 'bot' | 'user' | 'app';
  userId: string;
  revoked: boolean;
}

export interface Upload {
  id: string;
  teamId: string;
  filename: string;
  length: number;
  received?: Buffer;
  completed: boolean;
  title?: string;
  /** Who uploaded it: a bot may delete only its own files, as on Slack. */
  uploaderId?: string;
}

export interface OAuthCode {
  code: string;
  teamId: string;
  userId: string;
  used: boolean;
}
