// The developer console's commands: act as the coach or the leader, type slash commands,
// click, submit, open Home, read DMs and see the app's Web API calls.

import type { Emulator } from '../emulator.js';
import type { Json } from '../state-types.js';
import { parseValues } from './parse-values.js';
import { renderBlocks, renderMessage, renderView } from './render.js';

export interface ConsoleState {
  emu: Emulator;
  teamId: string;
  people: Record<string, string>; // name → user id
  actor: string;
  print(text: string): void;
}

export const HELP = `commands:
  /grow [text]            slash command as the current person (any /command works)
  as <coach|leader>       switch who you are
  dm                      show the DM between the app and you
  click <action_id> [value]  click (or choose value in) the newest DM message with that action,
                          else your open modal, else your Home tab
  home                    open the Home tab (app_home_opened) and show it
  views                   show your open modals
  submit key=value ...    submit your top modal (key = block_id; a,b for several)
  close                   close your top modal
  say <text>              write a message in your DM; 'shortcut' saves the newest one
  shortcut [callback_id]  run a message shortcut (default save_moment) on your newest message
  calls                   the app's last 10 Web API calls
  help | quit`;

function describe(result: { status: number; body?: unknown; failure?: string }): string {
  const body = result.body === undefined ? '' : ` ${JSON.stringify(result.body).slice(0, 300)}`;
  return `→ app answered ${result.status}${result.failure ? ` (${result.failure})` : ''}${body}`;
}

function newestWithAction(s: ConsoleState, actionId: string): Json | undefined {
  const messages = [...s.emu.dmWith(s.teamId, s.actor)].reverse();
  return messages.find((m) => JSON.stringify(m.blocks ?? []).includes(`"action_id":"${actionId}"`));
}

export async function runCommand(s: ConsoleState, line: string): Promise<'quit' | void> {
  const [word = '', ...rest] = line.trim().split(/\s+/);
  const arg = rest.join(' ');
  const at = { teamId: s.teamId, userId: s.actor };
  const modals = () => s.emu.openViews(s.teamId, s.actor);
  if (word === '') return;
  if (word.startsWith('/')) {
    const before = s.emu.ephemerals(s.teamId, s.actor).length;
    s.print(describe(await s.emu.slashCommand({ ...at, command: word, text: arg })));
    for (const e of s.emu.ephemerals(s.teamId, s.actor).slice(before)) {
      s.print([`(only you) ${e.text}`, ...renderBlocks(e.blocks)].join('\n'));
    }
    for (const v of modals()) s.print(renderView(v));
    return;
  }
  switch (word) {
    case 'help': return s.print(HELP);
    case 'quit': case 'exit': return 'quit';
    case 'as': {
      const id = s.people[arg];
      if (!id) return s.print(`who? one of: ${Object.keys(s.people).join(', ')}`);
      s.actor = id;
      return s.print(`you are now ${arg} (${id})`);
    }
    case 'dm': {
      const messages = s.emu.dmWith(s.teamId, s.actor).slice(-5);
      return s.print(messages.length ? messages.map(renderMessage).join('\n\n') : '(no messages yet)');
    }
    case 'click': {
      const [actionId = '', value] = rest;
      const message = newestWithAction(s, actionId);
      if (message) {
        const target = { ...at, channelId: String(message.channel), ts: String(message.ts), actionId };
        return s.print(describe(value ? await s.emu.selectOption({ ...target, value }) : await s.emu.clickButton(target)));
      }
      const top = modals().at(-1);
      const input = { ...at, actionId, ...(value ? { value } : {}) };
      if (top && JSON.stringify(top.blocks).includes(`"action_id":"${actionId}"`)) {
        return s.print(describe(await s.emu.clickViewButton({ ...input, viewId: String(top.id) })));
      }
      return s.print(describe(await s.emu.clickHomeButton(input)));
    }
    case 'home': {
      s.print(describe(await s.emu.openHome(at)));
      const view = s.emu.homeView(s.teamId, s.actor);
      return s.print(view ? renderView(view) : '(no Home view published)');
    }
    case 'views': return s.print(modals().map(renderView).join('\n\n') || '(no open modal)');
    case 'submit': case 'close': {
      const top = modals().at(-1);
      if (!top) return s.print('(no open modal)');
      if (word === 'close') return s.print(JSON.stringify(await s.emu.closeView({ ...at, viewId: String(top.id) })));
      const result = await s.emu.submitView({ ...at, viewId: String(top.id), values: parseValues(arg) });
      s.print(`${describe(result)} → ${result.outcome}${result.errors ? ` ${JSON.stringify(result.errors)}` : ''}${result.reason ? ` ${result.reason}` : ''}`);
      return;
    }
    case 'say': {
      const channelId = s.emu.dmChannelId(s.teamId, s.actor) ?? s.emu.store.imWith(s.teamId, s.actor).id;
      return s.print(`posted ${s.emu.postUserMessage(s.teamId, { channelId, userId: s.actor, text: arg })}`);
    }
    case 'shortcut': {
      const mine = s.emu.dmWith(s.teamId, s.actor).filter((m) => m.user === s.actor).at(-1);
      if (!mine) return s.print("(write something first with 'say')");
      return s.print(describe(await s.emu.messageShortcut({
        ...at, channelId: String(mine.channel), ts: String(mine.ts), callbackId: arg || 'save_moment',
      })));
    }
    case 'calls':
      return s.print(s.emu.calls.slice(-10).map((c) => `${c.method} ${c.ok ? 'ok' : c.error}`).join('\n') || '(none yet)');
    default: return s.print(`unknown command '${word}' — try help`);
  }
}
