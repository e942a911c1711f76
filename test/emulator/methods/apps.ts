// apps.connections.open: an app-level token (xapp-…) buys a one-use WebSocket URL on the
// emulator's own port, where Socket Mode deliveries arrive.

import { authedTeam, type MethodContext, type MethodSpec } from '../method-context.js';

export interface SocketUrls {
  openUrl(origin: string, appId: string): string;
}

export function appMethods(sockets: () => SocketUrls): Record<string, MethodSpec> {
  return {
    // Slack documents Tier 1; the token must come in the Authorization header.
    'apps.connections.open': {
      tier: 1, auth: 'app',
      handle: (ctx: MethodContext) => ({ url: sockets().openUrl(ctx.origin, authedTeam(ctx).appId) }),
    },
  };
}
