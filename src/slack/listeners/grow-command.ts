// `/grow` and its subcommands. Bare `/grow` opens the check-in at once; anything unknown
// gets help rather than an error.
import type { App } from '@slack/bolt';
import { helpBlocks, helpSubcommand } from '../commands/help.js';
import { historySubcommand } from '../commands/history.js';
import { parseGrowCommand } from '../commands/parse-grow-command.js';
import type { Subcommand } from '../commands/subcommand.js';
import { openCheckIn } from '../checkin/open-checkin.js';
import type { SlackDeps } from '../deps.js';
import { friendlyMessage } from '../friendly-errors.js';
import { SLASH_COMMAND } from '../ids.js';

export function registerGrowCommand(app: App, deps: SlackDeps, extra: Subcommand[] = []): void {
  const subcommands: Subcommand[] = [];
  subcommands.push(historySubcommand, ...extra, helpSubcommand(() => subcommands));
  const byName = new Map(subcommands.map((s) => [s.name, s]));

  app.command(SLASH_COMMAND, async ({ ack, command, client }) => {
    const log = deps.logger.child({ teamId: command.team_id, userId: command.user_id });
    const parsed = parseGrowCommand(command.text);
    let acked = false;
    const reply = async (content?: { text: string; blocks?: unknown[] }) => {
      if (acked) {
        if (content) await client.chat.postEphemeral({ channel: command.channel_id, user: command.user_id, text: content.text, blocks: content.blocks as never });
        return;
      }
      acked = true;
      await ack(content ? { response_type: 'ephemeral', text: content.text, blocks: content.blocks as never } : undefined);
    };
    try {
      if (parsed.name === '' || parsed.name === 'checkin') {
        await reply();
        await openCheckIn(deps, { client, triggerId: command.trigger_id, teamId: command.team_id, userId: command.user_id });
        return;
      }
      const sub = byName.get(parsed.name);
      if (!sub) {
        await reply(helpBlocks(subcommands, `I don't know \`/grow ${parsed.name}\` yet. Here is what I can do:`));
        return;
      }
      await sub.run({ command, args: parsed.args, client, deps, ack: reply });
    } catch (error) {
      log.error({ err: error, subcommand: parsed.name }, '/grow failed');
      const text = friendlyMessage(error);
      await reply({ text }).catch(() => undefined);
    }
  });
}
