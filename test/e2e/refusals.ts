// The suite's closing claim: Slack refused nothing Grow produced. The emulator refuses
// bad Block Kit as Slack does (`invalid_blocks`, `invalid_arguments`); this also runs
// its validator once more over every surface Grow made, so "nothing refused" cannot
// mean "nothing checked". Nor did anything Grow sent ping anyone (emulator pings.ts).
import { expect } from 'vitest';
import { validateMessageBlocks, validateView } from '../emulator/block-kit/validate-surface.js';
import type { Emulator, Json } from '../emulator/index.js';

const MESSAGE_METHODS = ['chat.postMessage', 'chat.update', 'chat.postEphemeral'];
const VIEW_METHODS = ['views.open', 'views.update', 'views.push', 'views.publish'];

export interface SurfaceCount {
  messages: number;
  views: number;
  ephemerals: number;
}

export function assertNothingRefused(emu: Emulator): SurfaceCount {
  expect(emu.rejectedCalls().map((c) => `${c.method}: ${c.error}`)).toEqual([]);
  expect(emu.responseUrlPosts.filter((p) => p.status !== 200)).toEqual([]);

  const problems: string[] = [];
  const messageCalls = emu.calls.filter((c) => MESSAGE_METHODS.includes(c.method));
  for (const call of messageCalls) {
    if (Array.isArray(call.args.blocks)) problems.push(...validateMessageBlocks(call.args.blocks).map((p) => `${call.method}: ${p}`));
  }
  const viewCalls = emu.calls.filter((c) => VIEW_METHODS.includes(c.method));
  for (const call of viewCalls) problems.push(...validateView(call.args.view as Json).map((p) => `${call.method}: ${p}`));
  // Ephemerals that came back in an HTTP answer or through a response_url made no Web API call.
  const ephemerals = [...emu.store.ephemerals];
  for (const e of ephemerals) if (e.blocks) problems.push(...validateMessageBlocks(e.blocks).map((p) => `ephemeral: ${p}`));
  expect(problems).toEqual([]);
  // Slack parses `text` and mrkdwn for mentions: nothing Grow sent notified anyone.
  expect(emu.pings()).toEqual([]);
  // Every event the walk delivered is one manifest.yml subscribes to, as Slack requires.
  expect(emu.store.unsubscribedEvents).toEqual([]);

  // The walk did reach every surface kind, so the checks above had something to check.
  expect(emu.callsTo('chat.postMessage').length).toBeGreaterThan(0);
  expect(emu.callsTo('chat.update').length).toBeGreaterThan(0);
  expect(emu.callsTo('views.open').length).toBeGreaterThan(0);
  expect(emu.callsTo('views.publish').length).toBeGreaterThan(0);
  return { messages: messageCalls.length, views: viewCalls.length, ephemerals: ephemerals.length };
}
