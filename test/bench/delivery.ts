// Delivery throughput: N due nudges (one per leader, so Slack's per-channel limit is not
// what is measured) sent by the real worker, against a baseline of N plain
// chat.postMessage calls to the same emulator at the same concurrency. The ratio is the
// price of the durable path: claim, send-time checks, render, post with metadata, record.
import { LogLevel, WebClient } from '@slack/web-api';
import { BOT_TOKEN, insertNudges, seedLeader, startDeliveryFixture, statusCounts, TEAM, waitFor } from '../jobs/support/delivery-fixture.js';

const CONCURRENCY = 5;

export async function benchDelivery(rounds: number): Promise<string> {
  const f = await startDeliveryFixture();
  try {
    const leaders = [];
    for (let i = 0; i < rounds; i++) leaders.push(await seedLeader(f, `U0BENCH${String(i).padStart(4, '0')}`));
    const client = new WebClient(BOT_TOKEN, { slackApiUrl: f.emu.url, logLevel: LogLevel.ERROR, retryConfig: { retries: 0 } });
    const queue = leaders.map((l) => l.leaderId);
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let id = queue.shift(); id; id = queue.shift()) await client.chat.postMessage({ channel: id, text: 'baseline' });
      }),
    );
    const baseline = performance.now() - t0;

    for (const l of leaders) await insertNudges(f, l, 1);
    await f.startWorker({ concurrency: CONCURRENCY });
    const t1 = performance.now();
    await f.reconcile();
    await waitFor(async () => (await statusCounts(f)).sent === rounds, 120_000, 'all sent');
    const measured = performance.now() - t1;
    const sent = f.emu.callsTo('chat.postMessage').filter((c) => c.ok && c.args.metadata).length;
    const perSecond = (ms: number) => ((rounds * 1000) / ms).toFixed(0).padStart(5);
    return (
      `delivery: ${rounds} due nudges through the worker (concurrency ${CONCURRENCY}), team ${TEAM}\n` +
      `  baseline (plain chat.postMessage)  ${baseline.toFixed(0).padStart(6)} ms  ${perSecond(baseline)} msg/s\n` +
      `  measured (claim→checks→post→mark)  ${measured.toFixed(0).padStart(6)} ms  ${perSecond(measured)} msg/s  (${sent} posted with nudge metadata)\n` +
      `  ratio ${(measured / baseline).toFixed(2)}x\n`
    );
  } finally {
    await f.close();
  }
}
