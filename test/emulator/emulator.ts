// The Emulator object: owns the server, the workspace state, the call log and Socket Mode
// links, and exposes the setup, assertion and driver API tests use.

import { CallLog, type RecordedCall } from './call-log.js';
import { systemClock, type Clock } from './clock.js';
import { FaultInjector, type FaultOptions, type FaultRule } from './faults.js';
import { buildMethodTable } from './methods/index.js';
import type { EmulatorOptions, Transport } from './options.js';
import { RateLimiter, type RateLimitOptions } from './rate-limits.js';
import { startServer, type RunningServer } from './server.js';
import { Store, type AddTeamInput, type AddUserInput } from './store.js';
import { handleUpload } from './uploads.js';
import { handleWebApi } from './web-api.js';
import { readManifest } from './scopes.js';
import { pingsIn, type Ping } from './pings.js';
import { blockKitCheck } from './block-kit/validate-surface.js';
import type { Channel, Team, User } from './state-types.js';
import { isValidZone } from './time-zones.js';
import { DriverApi } from './driver/driver.js';
import { SocketModeHub } from './socket/hub.js';
import type { DisconnectReason, SocketLink } from './socket/links.js';

export class Emulator extends DriverApi {
  readonly now: Clock;
  readonly faults: FaultInjector;
  readonly limiter: RateLimiter;
  readonly log = new CallLog();
  /** Socket Mode: links the app opened and every envelope sent over them. */
  readonly sockets: SocketModeHub;
  private running?: RunningServer;
  private oauth: { clientId: string; clientSecret: string; scopes: string };
  /** What every bot token was granted: manifest.yml's bot scopes unless the options say otherwise. */
  botScopes: string[];
  /** The events manifest.yml subscribes the app to. */
  readonly botEvents: string[];
  /** Where signed requests go; may be set after start (e.g. once the app has a port). */
  appUrl: string | undefined;
  /** How driver actions reach the app; 'socket' needs the app connected with an app token. */
  transport: Transport;

  constructor(readonly options: EmulatorOptions) {
    const store = new Store();
    const now = options.now ?? systemClock;
    super(store, {
      now, signingSecret: options.signingSecret, appUrl: () => this.appUrl,
      origin: () => this.origin, timeoutMs: options.appTimeoutMs ?? 3_000, blockKit: blockKitCheck,
      transport: () => this.transport, deliverOverSocket: (delivery) => this.sockets.deliver(delivery),
      botEvents: () => this.botEvents,
    });
    this.appUrl = options.appUrl;
    this.transport = options.transport ?? 'http';
    this.sockets = new SocketModeHub({ ids: store.ids, now, timeoutMs: options.appTimeoutMs ?? 3_000 });
    this.now = now;
    this.faults = new FaultInjector(this.now, options.faults);
    this.limiter = new RateLimiter(options.rateLimits, this.now);
    const manifest = readManifest();
    this.botScopes = options.botScopes ?? manifest.botScopes;
    this.botEvents = manifest.botEvents;
    this.oauth = { clientId: 'emulator-client', clientSecret: 'emulator-secret', scopes: this.botScopes.join(','), ...options.oauth };
  }

  async start(): Promise<this> {
    const methods = buildMethodTable(() => this.oauth, () => this.sockets.links);
    const deps = {
      store: this.store, methods, log: this.log, limiter: this.limiter, faults: this.faults,
      now: this.now, origin: () => this.origin, blockKit: blockKitCheck, botScopes: () => this.botScopes,
    };
    this.running = await startServer({
      api: (method, req, res) => handleWebApi(deps, method, req, res),
      upload: (fileId, req, res) => handleUpload(this.store, fileId, req, res),
      responseUrl: (id, req, res) => this.handleResponseUrl(id, req, res),
    }, this.options.port ?? 0);
    this.running.server.on('upgrade', (req, socket, head) => this.sockets.links.handleUpgrade(req, socket, head));
    return this;
  }

  get origin(): string {
    if (!this.running) throw new Error('emulator: not started');
    return this.running.origin;
  }

  /** Web API base for `new WebClient(token, { slackApiUrl: emu.url })`. */
  get url(): string {
    return `${this.origin}/api/`;
  }

  async close(): Promise<void> {
    // Upgraded sockets are not the HTTP server's to close; it would wait for them forever.
    await this.sockets.close();
    await this.running?.close();
    this.running = undefined;
  }

  // ---- state setup ----
  addTeam(input: AddTeamInput): Team {
    return this.store.addTeam(input);
  }

  addUser(teamId: string, input: AddUserInput): User {
    if (input.tz && !isValidZone(input.tz)) throw new Error(`emulator: unknown time zone ${input.tz}`);
    return this.store.addUser(teamId, input);
  }

  addChannel(teamId: string, input: { id: string; name: string; members?: string[]; botIsMember?: boolean }): Channel {
    return this.store.addChannel(teamId, input);
  }

  setUserTz(teamId: string, userId: string, tz: string): void {
    if (!isValidZone(tz)) throw new Error(`emulator: unknown time zone ${tz}`);
    this.store.user(teamId, userId).tz = tz;
  }

  setUserDnd(teamId: string, userId: string, dnd: AddUserInput['dnd'] | undefined): void {
    const user = this.store.user(teamId, userId);
    if (dnd) user.dnd = dnd;
    else delete user.dnd;
  }

  deactivateUser(teamId: string, userId: string): void {
    this.store.user(teamId, userId).deleted = true;
  }

  /** A user token (xoxp) acting as that person, e.g. to read their own snooze. */
  addUserToken(teamId: string, userId: string, token: string): void {
    this.store.user(teamId, userId);
    this.store.addToken(token, teamId, 'user', userId);
  }

  /** An app-level token (xapp-…) for the team's app: apps.connections.open takes only these. */
  addAppToken(teamId: string, token: string): void {
    this.store.addToken(token, teamId, 'app', '');
  }

  /** The token now answers `token_revoked`. */
  revokeToken(token: string): void {
    const record = this.store.tokens.get(token);
    if (!record) throw new Error('emulator: unknown token');
    record.revoked = true;
  }

  /** Issues a one-time code that oauth.v2.access exchanges for a fresh bot token. */
  issueOAuthCode(teamId: string, userId: string): string {
    this.store.team(teamId);
    const code = this.store.ids.secret('code');
    this.store.oauthCodes.set(code, { code, teamId, userId, used: false });
    return code;
  }

  /** A message written by a person (for shortcuts on "any message"); returns its ts. */
  postUserMessage(teamId: string, input: { channelId: string; userId: string; text: string }): string {
    const channel = this.store.findChannel(teamId, input.channelId) ?? this.store.imWith(teamId, input.userId);
    const ts = this.store.ids.ts(this.now());
    channel.messages.push({ type: 'message', ts, channel: channel.id, user: input.userId, text: input.text, team: teamId });
    return ts;
  }

  /** A trigger_id as Slack would mint for an interaction by this user (valid 3 s, once). */
  issueTrigger(teamId: string, userId: string): string {
    return this.store.issueTrigger(teamId, userId, this.now());
  }

  // ---- behaviour knobs ----
  setFaults(faults: FaultOptions | FaultRule | FaultRule[] | null): void {
    this.faults.set(faults);
  }

  setRateLimits(options: RateLimitOptions): void {
    this.limiter.configure(options);
  }

  /** Slack's `disconnect` to the app's open links (refresh_requested unless told otherwise). */
  disconnectSockets(options?: { appId?: string; reason?: DisconnectReason; closeAfterMs?: number }): SocketLink[] {
    return this.sockets.links.disconnect(options);
  }

  /** Socket Mode links, open and closed, oldest first. */
  socketLinks(appId?: string): SocketLink[] {
    return this.sockets.links.list(appId);
  }

  // ---- call assertions ----
  get calls(): readonly RecordedCall[] {
    return this.log.calls;
  }

  callsTo(method: string): RecordedCall[] {
    return this.log.to(method);
  }

  rejectedCalls(options?: { includeRateLimited?: boolean; includeFaults?: boolean }): RecordedCall[] {
    return this.log.rejected(options);
  }

  /** Everyone the app's messages and ephemerals would have notified, one entry per ping (pings.ts). */
  pings(): (Ping & { source: string })[] {
    const calls = this.log.calls.filter((c) => c.ok && ['chat.postMessage', 'chat.update', 'chat.postEphemeral'].includes(c.method));
    return [
      ...calls.flatMap((c) => pingsIn(c.args.text, c.args.blocks).map((p) => ({ ...p, source: c.method }))),
      ...[...this.store.ephemerals].flatMap((e) => pingsIn(e.text, e.blocks).map((p) => ({ ...p, source: 'ephemeral' }))),
    ];
  }

  /** The bytes the app uploaded for a file (files.getUploadURLExternal), if any. */
  uploadedFile(fileId: string): { filename: string; content: string; completed: boolean } | undefined {
    const upload = this.store.uploads.get(fileId);
    return upload?.received ? { filename: upload.filename, content: upload.received.toString('utf8'), completed: upload.completed } : undefined;
  }

  /** Forgets calls, state, rate windows and faults. Teams and users must be added again. */
  reset(): void {
    this.log.clear();
    this.store.clear();
    this.limiter.reset();
    this.faults.set(null);
    this.sockets.reset();
    this.clearDriver();
  }
}

export async function startEmulator(options: EmulatorOptions): Promise<Emulator> {
  return new Emulator(options).start();
}
