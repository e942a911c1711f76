// `/grow help`: what Grow can do, one line a command.
import { context, section, type Block } from './kit.js';

export const HELP_LINES: [string, string][] = [
  ['/grow', 'a GROW check-in: goal, reality, options, will, and how committed you are'],
  ['/grow history', 'your last five check-ins and your commitment trend'],
  ['/grow pause [days]', 'no messages from Grow for a while (7 days unless you say)'],
  ['/grow resume', 'start receiving follow-ups again'],
  ['/grow coach', 'for coaches: start an engagement with a leader'],
  ['/grow export', 'a copy of everything Grow keeps about you'],
  ['/grow delete', 'erase everything Grow keeps about you'],
  ['/grow help', 'this list'],
];

export function helpBlocks(intro?: string): Block[] {
  return [
    ...(intro ? [section(intro)] : []),
    section(HELP_LINES.map(([cmd, what]) => `\`${cmd}\` — ${what}`).join('\n')),
    context('Your check-ins are yours: your coach sees only what you choose to share.'),
  ];
}

export const helpText = (intro?: string) => `${intro ? `${intro}\n` : ''}${HELP_LINES.map(([c, w]) => `${c} — ${w}`).join('\n')}`;
