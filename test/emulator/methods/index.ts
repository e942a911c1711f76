// The Web API method table: every method the emulator answers, with its rate-limit tier.

import type { MethodSpec } from '../method-context.js';
import { appMethods, type SocketUrls } from './apps.js';
import { chatMethods } from './chat.js';
import { conversationMethods } from './conversations.js';
import { fileMethods } from './files.js';
import { userMethods } from './users.js';
import { viewMethods } from './views.js';
import { workspaceMethods, type OAuthClient } from './workspace.js';

export function buildMethodTable(oauthClient: () => OAuthClient, sockets: () => SocketUrls): Map<string, MethodSpec> {
  return new Map(Object.entries({
    ...chatMethods,
    ...conversationMethods,
    ...userMethods,
    ...viewMethods,
    ...fileMethods,
    ...workspaceMethods(oauthClient),
    ...appMethods(sockets),
  }));
}
