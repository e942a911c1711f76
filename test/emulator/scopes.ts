// What Slack checks before running a method: the token's scopes. The bot scopes and the
// event subscriptions come from Grow's own manifest.yml, so a Web API call the manifest
// does not ask for is refused here as real Slack would (`missing_scope`, with `needed`
// and `provided`) instead of passing the suite and failing in a workspace.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const MANIFEST = fileURLToPath(new URL('../../manifest.yml', import.meta.url));

export interface ManifestGrants {
  botScopes: string[];
  botEvents: string[];
  /** Slash commands declared with `should_escape: true`: Slack sends their mentions as `<@U…|name>`. */
  escapedCommands: string[];
}

/** Each `- command: /x` under `slash_commands:` whose own entry sets `should_escape: true`. */
function escapedCommandsOf(lines: string[]): string[] {
  const out: string[] = [];
  let current: string | undefined;
  for (const line of lines) {
    const command = /^\s*-\s*command:\s*(\S+)/.exec(line);
    if (command) current = command[1];
    else if (/^\s*-\s/.test(line) || /^\S/.test(line)) current = undefined;
    if (current && /^\s*should_escape:\s*true\b/.test(line)) out.push(current);
  }
  return out;
}

/** The list under `parent:` → `key:` in the manifest (its YAML is plain block lists). */
function listUnder(lines: string[], parent: string, key: string): string[] {
  const start = lines.findIndex((line, i) => line.trim() === `${key}:` && lines.slice(0, i).some((l) => l.trim() === `${parent}:`));
  if (start < 0) return [];
  const out: string[] = [];
  for (const line of lines.slice(start + 1)) {
    const item = /^\s*-\s*([^\s#]+)/.exec(line);
    if (!item) break;
    out.push(item[1]!);
  }
  return out;
}

export function readManifest(path = MANIFEST): ManifestGrants {
  const lines = readFileSync(path, 'utf8').split('\n');
  return { botScopes: listUnder(lines, 'scopes', 'bot'), botEvents: listUnder(lines, 'event_subscriptions', 'bot_events'), escapedCommands: escapedCommandsOf(lines) };
}

/**
 * A slash command's text as Slack delivers it. The person's mentions (written `<@U…>` by
 * the driver) arrive as `<@U…|name>` when the command escapes its text, and as a bare
 * `@name` — no id at all — when it does not.
 */
export function deliveredCommandText(text: string, escaped: boolean, nameOf: (userId: string) => string | undefined): string {
  return text.replace(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g, (_, id: string) => {
    const name = nameOf(id) ?? id.toLowerCase();
    return escaped ? `<@${id}|${name}>` : `@${name}`;
  });
}

/**
 * Scopes Slack asks of a bot token per method (any one of them will do), as its method
 * pages list them; an empty list means the method needs none. The emulator refuses a
 * method missing from this table, so a new method comes with its scopes.
 */
export const METHOD_SCOPES: Record<string, string[]> = {
  'auth.test': [],
  'chat.postMessage': ['chat:write'],
  'chat.postEphemeral': ['chat:write'],
  'chat.update': ['chat:write'],
  'chat.delete': ['chat:write'],
  'chat.getPermalink': [],
  'conversations.open': ['im:write', 'mpim:write', 'channels:manage', 'groups:write'],
  'conversations.history': ['im:history', 'channels:history', 'groups:history', 'mpim:history'],
  'dnd.info': ['dnd:read'],
  'dnd.teamInfo': ['dnd:read'],
  'files.getUploadURLExternal': ['files:write'],
  'files.completeUploadExternal': ['files:write'],
  'files.delete': ['files:write'],
  'team.info': ['team:read'],
  'users.info': ['users:read'],
  'views.open': [],
  'views.publish': [],
  'views.push': [],
  'views.update': [],
};

export interface MissingScope {
  needed: string;
  provided: string;
}

/** Undefined when the bot token may call `method`; what Slack answers otherwise. */
export function missingScope(method: string, provided: string[]): MissingScope | undefined {
  const needed = METHOD_SCOPES[method];
  if (needed && (needed.length === 0 || needed.some((s) => provided.includes(s)))) return undefined;
  return { needed: (needed ?? [method]).join(','), provided: provided.join(',') };
}
