// `/grow pause [days]` and `/grow resume`: the leader stops and restarts everything Grow
// sends them. Answers are private, with the date on the leader's own calendar.
import { DateTime } from 'luxon';
import { parsePauseDays } from '../../domain/engagement/pause.js';
import { pauseLeader, resumeLeader } from '../../services/pause.js';
import { syncPersonTz } from '../../services/people-sync.js';
import type { Subcommand } from './subcommand.js';

/** "Monday 9 March": the first day Grow may write again. */
const resumeDay = (until: Date, tz: string) => DateTime.fromJSDate(until, { zone: tz }).toFormat('cccc d LLLL');

export const pauseSubcommand: Subcommand = {
  name: 'pause',
  usage: '/grow pause [days]',
  description: 'no messages from Grow for a while (7 days unless you say, up to 90)',
  async run({ command, args, client, deps, ack }) {
    const parsed = parsePauseDays(args[0]);
    if (!parsed.ok) return ack({ text: parsed.message });
    await syncPersonTz(deps, client, command.team_id, command.user_id);
    const { until, tz } = await pauseLeader(deps, { teamId: command.team_id, userId: command.user_id, days: parsed.days });
    await ack({
      text:
        `Paused until *${resumeDay(until, tz)}*. Grow will not write to you before then, and what falls due meanwhile is skipped, not saved up. ` +
        'Type `/grow resume` to start again sooner.',
    });
  },
};

export const resumeSubcommand: Subcommand = {
  name: 'resume',
  usage: '/grow resume',
  description: 'end a pause now',
  async run({ command, deps, ack }) {
    const { wasPaused } = await resumeLeader(deps, { teamId: command.team_id, userId: command.user_id });
    await ack({ text: wasPaused ? 'Welcome back. Grow is writing to you again. What would you like to work on?' : 'You were not paused, so nothing changed.' });
  },
};
