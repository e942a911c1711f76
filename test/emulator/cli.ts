// `npm run emulator`: a local Slack for poking Grow by hand. Starts the emulator with a
// demo workspace (a coach and a leader), prints how to point Grow at it, and reads
// console commands from stdin until Ctrl-C or end of input.

import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { startEmulator } from './emulator.js';
import { HELP, runCommand, type ConsoleState } from './cli/console.js';

const TEAM_ID = 'T0DEMO';
const BOT_USER = 'U0DEMOBOT';
const COACH = 'U0DEMOCOACH';
const LEADER = 'U0DEMOLEADER';

async function main(): Promise<void> {
  const port = Number(process.env.EMULATOR_PORT ?? 3001);
  const appUrl = process.env.APP_URL ?? 'http://127.0.0.1:3000/slack/events';
  const signingSecret = process.env.SLACK_SIGNING_SECRET ?? randomBytes(16).toString('hex');
  // Generated per run, so nothing secret-looking lives in the repository.
  const botToken = `xoxb-demo-${randomBytes(12).toString('hex')}`;

  const emu = await startEmulator({ signingSecret, appUrl, port });
  emu.addTeam({ id: TEAM_ID, name: 'Grow Demo', botToken, botUserId: BOT_USER, domain: 'grow-demo' });
  emu.addUser(TEAM_ID, { id: COACH, name: 'cora', realName: 'Cora Coach', tz: 'Europe/London' });
  emu.addUser(TEAM_ID, { id: LEADER, name: 'leo', realName: 'Leo Leader', tz: 'America/New_York', dnd: { start: '22:00', end: '07:00' } });

  const secretNote = process.env.SLACK_SIGNING_SECRET ? '(from SLACK_SIGNING_SECRET)' : '(generated)';
  console.log(`Slack emulator on ${emu.origin}
  Web API:        ${emu.url}
  app request URL: ${appUrl}
  workspace:      ${TEAM_ID} "Grow Demo", bot ${BOT_USER}
  people:         coach ${COACH} (Europe/London), leader ${LEADER} (America/New_York)
  bot token:      ${botToken}
  signing secret: ${signingSecret} ${secretNote}

Start Grow against it in another terminal:
  SLACK_API_URL=${emu.url} SLACK_BOT_TOKEN=${botToken} SLACK_SIGNING_SECRET=${signingSecret} npm start

${HELP}
`);

  const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: 'leader> ' });
  const state: ConsoleState = {
    emu, teamId: TEAM_ID, people: { coach: COACH, leader: LEADER }, actor: LEADER,
    print: (text) => console.log(text),
  };
  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    rl.close();
    await emu.close();
    console.log('\nemulator stopped');
    process.exit(0);
  };
  rl.on('SIGINT', () => void shutdown());
  rl.on('close', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
  rl.prompt();
  for await (const line of rl) {
    try {
      if ((await runCommand(state, line)) === 'quit') break;
    } catch (error) {
      console.log(`! ${error instanceof Error ? error.message : String(error)}`);
    }
    const name = Object.entries(state.people).find(([, id]) => id === state.actor)?.[0] ?? 'you';
    rl.setPrompt(`${name}> `);
    rl.prompt();
  }
  await shutdown();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
