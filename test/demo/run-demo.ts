// `npm run demo`: Grow working in a terminal, with no Slack workspace. Starts a local Slack
// emulator and Grow in this process (embedded Postgres in a temporary directory, Redis as
// usual), plays a compressed coaching engagement and prints every message as its
// recipient would read it. Exits 0 with nothing left running or stored.
import { Redis } from 'ioredis';
import { checkDemo } from './demo-check.js';
import { playDemo, DEMO_CAST } from './demo-script.js';
import { startDemoWorld, type DemoWorld } from './demo-world.js';
import { Narrator } from './narrator.js';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const color = process.stdout.isTTY && !process.env.NO_COLOR;
const style = {
  bold: (t: string) => (color ? `\x1b[1m${t}\x1b[22m` : t),
  dim: (t: string) => (color ? `\x1b[2m${t}\x1b[22m` : t),
};
const write = (line: string) => process.stdout.write(`${line}\n`);

async function redisAnswers(url: string): Promise<boolean> {
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 2_000 });
  probe.on('error', () => {});
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

async function main(): Promise<number> {
  if (!(await redisAnswers(redisUrl))) {
    process.stderr.write(
      `The demo needs Redis, and nothing answers at ${redisUrl}.\n` +
        'Start one with `redis-server` (or `docker run --rm -p 6379:6379 redis:7`), or point REDIS_URL at yours, then run `npm run demo` again.\n',
    );
    return 1;
  }
  const started = Date.now();
  write(style.bold('Grow demo: a coaching engagement, compressed into a minute'));
  write('Cora (coach) works in Europe/London; Leo (leader) in America/New_York.');
  write('Below is every message and modal Grow sent to a local Slack emulator, as each person would');
  write('read it. Messages Grow plans ahead are delivered now; "would arrive" is when Grow planned them,');
  write('on the recipient’s own clock; "right away" is where the story is when Grow answers someone.');
  let world: DemoWorld | undefined;
  try {
    world = await startDemoWorld(redisUrl);
    const narrator = new Narrator(world.emu, DEMO_CAST, write, style);
    await playDemo(world, narrator);
    const refused = world.emu.rejectedCalls();
    const verdict = checkDemo(world.emu, narrator.outOfOrder);
    write('');
    for (const problem of verdict.problems) write(problem);
    write(style.dim(`${world.emu.calls.length} Slack calls, ${refused.length} refused, ${world.emu.pings().length} pings · ${((Date.now() - started) / 1000).toFixed(1)} s`));
    return verdict.ok ? 0 : 1;
  } catch (error) {
    process.stderr.write(`\nThe demo stopped: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    await world?.close();
  }
}

process.exit(await main());
