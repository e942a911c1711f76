// Socket Mode connections ("links"): the one-use tickets apps.connections.open hands out,
// the WebSocket upgrade on the emulator's own port at /link/?ticket=…, `hello` on connect,
// `disconnect` when Slack wants the app to reconnect, and closing everything at the end.

import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { Clock } from '../clock.js';
import type { IdMint } from '../ids.js';

export type DisconnectReason = 'warning' | 'refresh_requested' | 'link_disabled';

export interface SocketLink {
  id: string;
  appId: string;
  openedAt: number;
  /** Set once Slack has sent `disconnect`; a refreshed or disabled link gets no more envelopes. */
  disconnectReason?: DisconnectReason;
  closedAt?: number;
  closedBy?: 'app' | 'emulator';
}

interface LiveLink extends SocketLink { ws: WebSocket; closeTimer?: NodeJS.Timeout }

const HOST = 'applink-emulator-1';

export class SocketLinks {
  private readonly wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  private readonly tickets = new Map<string, { appId: string; used: boolean }>();
  private readonly links: LiveLink[] = [];
  private turn = 0;

  constructor(
    private readonly ids: IdMint,
    private readonly now: Clock,
    private readonly onMessage: (link: SocketLink, data: RawData) => void,
  ) {}

  /** The URL apps.connections.open answers with: this server, a ticket good for one connect. */
  openUrl(origin: string, appId: string): string {
    const ticket = this.ids.secret('ticket').slice('ticket-'.length);
    this.tickets.set(ticket, { appId, used: false });
    return `${origin.replace(/^http/, 'ws')}/link/?ticket=${ticket}&app_id=${appId}`;
  }

  /** Route for the HTTP server's `upgrade` event. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://emulator');
    if (!/^\/link\/?$/.test(url.pathname)) return refuse(socket, '404 Not Found');
    const ticket = this.tickets.get(url.searchParams.get('ticket') ?? '');
    if (!ticket || ticket.used) return refuse(socket, '401 Unauthorized');
    ticket.used = true;
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, ticket.appId));
  }

  private accept(ws: WebSocket, appId: string): void {
    const link: LiveLink = { id: this.ids.next('L'), appId, openedAt: this.now(), ws };
    this.links.push(link);
    ws.on('message', (data) => this.onMessage(link, data));
    ws.on('close', () => {
      clearTimeout(link.closeTimer);
      link.closedAt ??= this.now();
      link.closedBy ??= 'app';
    });
    ws.on('error', () => ws.terminate());
    ws.send(JSON.stringify({
      type: 'hello',
      num_connections: this.open(appId).length,
      debug_info: { host: HOST, build_number: 1, approximate_connection_time: 18_060 },
      connection_info: { app_id: appId },
    }));
  }

  /** Open links of an app that still take envelopes, taken in turn as Slack spreads load. */
  pick(appId: string): SocketLink | undefined {
    const ready = this.open(appId).filter((l) => !l.disconnectReason || l.disconnectReason === 'warning');
    if (ready.length === 0) return undefined;
    this.turn = (this.turn + 1) % ready.length;
    return ready[this.turn];
  }

  send(link: SocketLink, message: unknown): void {
    const live = this.links.find((l) => l.id === link.id);
    live?.ws.send(JSON.stringify(message));
  }

  /**
   * Sends `disconnect` to the app's open links (every app's when appId is omitted). A
   * warning only warns; for the other reasons the emulator closes the link itself after
   * `closeAfterMs` if the app has not, as Slack does once the refresh window has passed.
   */
  disconnect(options: { appId?: string; reason?: DisconnectReason; closeAfterMs?: number } = {}): SocketLink[] {
    const reason = options.reason ?? 'refresh_requested';
    const targets = this.links.filter((l) => l.closedAt === undefined && (!options.appId || l.appId === options.appId));
    for (const link of targets) {
      link.disconnectReason = reason;
      link.ws.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: HOST } }));
      if (reason === 'warning') continue;
      link.closeTimer = setTimeout(() => this.closeLink(link), options.closeAfterMs ?? 10_000);
      link.closeTimer.unref();
    }
    return targets.map(snapshot);
  }

  list(appId?: string): SocketLink[] {
    return this.links.filter((l) => !appId || l.appId === appId).map(snapshot);
  }

  private open(appId: string): LiveLink[] {
    return this.links.filter((l) => l.appId === appId && l.closedAt === undefined);
  }

  private closeLink(link: LiveLink): void {
    if (link.closedAt !== undefined) return;
    link.closedAt = this.now();
    link.closedBy = 'emulator';
    link.ws.terminate();
  }

  /** Drops tickets and the record of closed links; open links stay open. */
  reset(): void {
    this.tickets.clear();
    for (let i = this.links.length - 1; i >= 0; i -= 1) if (this.links[i]!.closedAt !== undefined) this.links.splice(i, 1);
  }

  async close(): Promise<void> {
    for (const link of this.links) this.closeLink(link);
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}

function snapshot(link: LiveLink): SocketLink {
  const { ws: _ws, closeTimer: _t, ...info } = link;
  return { ...info };
}

function refuse(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
