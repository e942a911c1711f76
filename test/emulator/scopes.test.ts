// The emulator holds Grow to the scopes its manifest asks for: every Web API method Grow
// calls is covered by manifest.yml, and a method the bot token's scopes do not cover is
// refused with `missing_scope`, `needed` and `provided`, as Slack refuses it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { buildMethodTable } from './methods/index.js';
import { deliveredCommandText, METHOD_SCOPES, missingScope, readManifest } from './scopes.js';
import { LEADER, startFixture, TEAM, type Fixture } from './fixtures.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Client helpers that stand for more than one method. */
const HELPERS: Record<string, string[]> = { filesUploadV2: ['files.getUploadURLExternal', 'files.completeUploadExternal'] };
/** Methods that authenticate with something other than the bot token. */
const NOT_BOT = new Set(['oauth.v2.access', 'apps.connections.open']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Every Web API method called anywhere in Grow's own code (src, jobs, db). */
function methodsGrowCalls(): string[] {
  const found = new Set<string>();
  for (const file of ['src', 'jobs', 'db'].flatMap((d) => sourceFiles(join(ROOT, d)))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\.(auth|chat|conversations|users|dnd|views|files|team|oauth|apps|reactions|pins|bookmarks)\.([a-zA-Z0-9]+(?:\.[a-zA-Z0-9]+)?)\(/g)) {
      found.add(`${m[1]}.${m[2]}`);
    }
    for (const [helper, methods] of Object.entries(HELPERS)) if (text.includes(`.${helper}(`)) methods.forEach((m) => found.add(m));
  }
  return [...found].sort();
}

let f: Fixture | undefined;
afterEach(async () => {
  await f?.emu.close();
  f = undefined;
});

describe('scopes from manifest.yml', () => {
  it('reads the bot scopes and event subscriptions, files:write among them', () => {
    const { botScopes, botEvents } = readManifest();
    expect(botScopes).toEqual(expect.arrayContaining(['chat:write', 'commands', 'im:write', 'users:read', 'files:write']));
    expect(botEvents).toEqual(expect.arrayContaining(['app_home_opened', 'user_change', 'app_uninstalled', 'tokens_revoked']));
  });

  it('covers every Web API method Grow calls', () => {
    const { botScopes } = readManifest();
    const called = methodsGrowCalls();
    // The walk finds the methods we know Grow uses, so an empty or broken walk fails here.
    expect(called).toEqual(expect.arrayContaining(['chat.postMessage', 'conversations.open', 'users.info', 'views.open', 'files.completeUploadExternal']));
    const uncovered = called.filter((method) => !NOT_BOT.has(method) && missingScope(method, botScopes) !== undefined);
    expect(uncovered).toEqual([]);
  });

  it('knows the scopes of every method the emulator implements', () => {
    const methods = [...buildMethodTable(() => ({ clientId: '', clientSecret: '', scopes: '' }), () => new Map() as never).keys()];
    expect(methods.filter((m) => !NOT_BOT.has(m) && !(m in METHOD_SCOPES))).toEqual([]);
  });

  it('answers missing_scope with needed and provided, as Slack does, and runs nothing', async () => {
    f = await startFixture({ botScopes: ['chat:write', 'im:write'] });
    await expect(f.client.files.getUploadURLExternal({ filename: 'a.txt', length: 3 })).rejects.toMatchObject({
      data: { ok: false, error: 'missing_scope', needed: 'files:write', provided: 'chat:write,im:write' },
    });
    await expect(f.client.users.info({ user: LEADER })).rejects.toMatchObject({ data: { error: 'missing_scope', needed: 'users:read' } });
    const dm = await f.client.conversations.open({ users: LEADER });
    expect(dm.ok).toBe(true);
  });
});

describe('event subscriptions from manifest.yml', () => {
  it('never delivers an event type the manifest does not subscribe to, and records the attempt', async () => {
    f = await startFixture({ appUrl: 'http://127.0.0.1:9/slack/events' });
    const refused = await f.emu.event({ teamId: TEAM, event: { type: 'message', user: LEADER, text: 'hi' } });
    expect(refused).toMatchObject({ status: 0, failure: 'not_subscribed' });
    expect(f.emu.store.unsubscribedEvents).toEqual([{ teamId: TEAM, type: 'message' }]);
    // A subscribed type goes to the app (here none listens, so it is unreachable, not refused).
    const sent = await f.emu.event({ teamId: TEAM, event: { type: 'app_home_opened', user: LEADER, tab: 'home' } });
    expect(sent.failure).not.toBe('not_subscribed');
    expect(f.emu.store.unsubscribedEvents).toHaveLength(1);
  });
});

describe('slash command text as Slack delivers it', () => {
  it('reads which commands escape their text from the manifest', () => {
    expect(readManifest().escapedCommands).toEqual(['/grow']);
  });

  it('sends a mention with its id only when the command escapes its text', () => {
    const names = (id: string) => (id === 'U0LEO00001' ? 'leo' : undefined);
    expect(deliveredCommandText('brief <@U0LEO00001>', true, names)).toBe('brief <@U0LEO00001|leo>');
    expect(deliveredCommandText('brief <@U0LEO00001>', false, names)).toBe('brief @leo');
    expect(deliveredCommandText('pause 3', false, names)).toBe('pause 3');
  });
});
