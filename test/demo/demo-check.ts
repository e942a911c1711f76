// The demo's closing check: what Slack refused, who Grow's messages would have pinged,
// and events Slack would never have sent. The demo exits 1 unless all three are empty,
// so `npm run demo` fails the moment Grow would notify someone it should not.
import type { Emulator } from '../emulator/index.js';

export interface DemoVerdict {
  ok: boolean;
  /** One line per problem, for the demo's last lines. */
  problems: string[];
}

export function checkDemo(emu: Emulator): DemoVerdict {
  const problems = [
    ...emu.rejectedCalls().map((c) => `refused: ${c.method} (${c.error})`),
    ...emu.pings().map((p) => `pinged ${p.who} via ${p.source} (${p.where})`),
    ...emu.store.unsubscribedEvents.map((e) => `event not subscribed in manifest.yml: ${e.type}`),
  ];
  return { ok: problems.length === 0, problems };
}
