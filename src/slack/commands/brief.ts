// `/grow brief @leader`: the brief for the next session with that leader, now. Slack
// sends the mention as `<@U123|name>` because the command escapes its text
// (`should_escape: true` in manifest.yml); a bare name cannot be told from anyone else's.
import { briefOnItsWayMessage } from '../blocks/brief-message.js';
import { sendBriefNow } from '../listeners/coach-roster.js';
import type { Subcommand } from './subcommand.js';

const MENTION = /^<@([UW][A-Z0-9]{2,30})(\|[^>]*)?>$/;

/** The user id of an escaped mention (its label may hold spaces), or undefined for anything else. */
export function parseLeaderMention(args: string[]): string | undefined {
  return MENTION.exec(args.join(' ').trim())?.[1];
}

export const briefSubcommand: Subcommand = {
  name: 'brief',
  usage: '/grow brief @leader',
  description: 'the brief for your next session with a leader you coach, now',
  async run({ command, args, client, deps, ack }) {
    const leaderId = parseLeaderMention(args);
    if (!leaderId) return ack({ text: 'Who is the brief for? Type `/grow brief @name` with the leader you coach.' });
    const who = { teamId: command.team_id, userId: command.user_id };
    const log = deps.logger.child({ ...who, command: 'brief' });
    // Composing the brief reads and decrypts the leader's whole record, then posts a DM:
    // it may take longer than the three seconds Slack waits for an acknowledgement.
    await ack(briefOnItsWayMessage(leaderId));
    const outcome = await sendBriefNow(deps, client, who, { leaderId }, log);
    if (!outcome.sent) await ack({ text: outcome.reason });
  },
};
