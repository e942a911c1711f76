// `/grow help`, also the answer to anything `/grow` does not understand.
import { context, section, type Block } from '../blocks/kit.js';
import type { Subcommand } from './subcommand.js';

export function helpBlocks(commands: Subcommand[], intro?: string): { text: string; blocks: Block[] } {
  const lines = [
    '`/grow` — a GROW check-in: goal, reality, options, will, and how committed you are',
    ...commands.map((c) => `\`${c.usage}\` — ${c.description}`),
  ];
  return {
    text: `${intro ? `${intro} ` : ''}Grow commands: /grow, ${commands.map((c) => c.usage).join(', ')}`,
    blocks: [
      ...(intro ? [section(intro)] : []),
      section(lines.join('\n')),
      context('Your check-ins are yours: your coach sees only what you choose to share.'),
    ],
  };
}

export function helpSubcommand(all: () => Subcommand[]): Subcommand {
  return {
    name: 'help',
    usage: '/grow help',
    description: 'this list',
    run: ({ ack }) => ack(helpBlocks(all())),
  };
}
