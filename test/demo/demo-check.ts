// The demo's closing check: what Slack refused, who Grow's messages would have pinged,
// events Slack would never have sent, and planned times the story told out of order (the
// narrator's list). The demo exits 1 unless all are empty,
// so `npm run demo` fails the moment Grow would notify someone it should not.
import type { Emulator } from '../emulator/index.js';

export interface DemoVerdict {
  ok: boolean;
  /** One line per problem, for the demo's last lines. */
  problems: string[];
}

export function checkDemo(emu: Emulator, outOfOrder: readonly string[] = []): DemoVerdict {
  const problems = [
    ...outOfOrder,
    ...emu.rejectedCalls().map((c) => `refused: ${c.method} (${c.error})`),
    ...emu.pings().map((p) => `pinged ${p.who} via ${p.source} (${p.where})`),
    ...emu.store.unsubscribedEvents.map((e) => `event not subscribed in manifest.yml: ${e.type}`),
  ];
  return { ok: problems.length === 0, problems };
}
