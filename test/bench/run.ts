// `npm run bench [name]`: figures for the paths that Slack times. Each figure is reported
// next to a baseline measured in the same run on the same server (a signed `/grow help`,
// which acks with no Web API call), because absolute times drift between machines.
import { FORM, LEADER, slashCommandBody, startHarness, TEAM, waitFor, type Harness } from '../support/app-harness.js';
import { checkInSubmission } from '../support/checkin-payloads.js';
import { interactionBody } from '../support/app-harness.js';
import { benchBurst } from './burst.js';
import { benchDelivery } from './delivery.js';
import { benchDigest } from './digest.js';
import { benchMetrics } from './metrics.js';
import { benchHistory } from './history.js';
import { benchPlanning } from './planning.js';
import { benchFootprint } from './footprint.js';

// Benchmarks at scale, `npm run bench -- <name> [size]`: one line each.
const scaled: Record<string, (args: string[]) => Promise<string>> = {
  burst: benchBurst,
  history: benchHistory,
  metrics: () => benchMetrics(),
  planning: benchPlanning,
  footprint: benchFootprint,
  digest: benchDigest,
};

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);

function summarize(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { p50: at(0.5), p95: at(0.95), max: s[s.length - 1]! };
}

async function time(fn: () => Promise<void>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

async function benchSlashToViewsOpen(h: Harness) {
  const baseline: number[] = [];
  const open: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    baseline.push(await time(async () => void (await h.post(slashCommandBody({ text: 'help', triggerId: 'x' }), FORM)).text()));
    const before = h.emu.callsTo('views.open').length;
    // The emulator stamps each call when it arrives, so polling does not inflate the figure.
    const trigger = h.emu.issueTrigger(TEAM, LEADER);
    const started = Date.now();
    await (await h.post(slashCommandBody({ triggerId: trigger }), FORM)).text();
    const call = await waitFor(() => h.emu.callsTo('views.open')[before], 3_000);
    open.push(call.at - started);
  }
  return { baseline: summarize(baseline), measured: summarize(open) };
}

async function benchCheckInSave(h: Harness) {
  const baseline: number[] = [];
  const save: number[] = [];
  const before = h.emu.callsTo('views.open').length;
  await (await h.post(slashCommandBody({ triggerId: h.emu.issueTrigger(TEAM, LEADER) }), FORM)).text();
  const call = await waitFor(() => h.emu.callsTo('views.open')[before]);
  const view = (call.response as { view: Parameters<typeof checkInSubmission>[0] }).view;
  const body = interactionBody(checkInSubmission(view, { goal: 'g', reality: 'r', options: 'o', will: 'w', commitment: 9 }));
  for (let i = 0; i < ROUNDS; i++) {
    baseline.push(await time(async () => void (await h.post(slashCommandBody({ text: 'help', triggerId: 'x' }), FORM)).text()));
    save.push(await time(async () => void (await h.post(body, FORM)).text()));
  }
  return { baseline: summarize(baseline), measured: summarize(save) };
}

const benches: Record<string, { label: string; run: (h: Harness) => Promise<{ baseline: ReturnType<typeof summarize>; measured: ReturnType<typeof summarize> }> }> = {
  'slash-open': { label: '/grow → views.open reaches Slack', run: benchSlashToViewsOpen },
  'checkin-save': { label: 'check-in submission (validate, 2 inserts, plan follow-up) → ack', run: benchCheckInSave },
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const scaledRun = scaled[wanted[0] ?? ''];
if (scaledRun) {
  process.stdout.write(await scaledRun(wanted.slice(1)));
  process.exit(0);
}
const h = await startHarness();
try {
  // Warm up JIT, connection pools and the emulator.
  for (let i = 0; i < 20; i++) await (await h.post(slashCommandBody({ text: 'help', triggerId: 'x' }), FORM)).text();
  for (const [name, bench] of Object.entries(benches)) {
    if (wanted.length > 0 && !wanted.includes(name)) continue;
    const { baseline, measured } = await bench.run(h);
    const f = (n: number) => n.toFixed(1).padStart(7);
    process.stdout.write(
      `${name}: ${bench.label} (${ROUNDS} rounds)\n` +
        `  baseline (/grow help ack)  p50 ${f(baseline.p50)} ms  p95 ${f(baseline.p95)} ms  max ${f(baseline.max)} ms\n` +
        `  measured                   p50 ${f(measured.p50)} ms  p95 ${f(measured.p95)} ms  max ${f(measured.max)} ms\n` +
        `  ratio p50 ${(measured.p50 / baseline.p50).toFixed(2)}x  p95 ${(measured.p95 / baseline.p95).toFixed(2)}x; budget: Slack's trigger expires after 3000 ms\n`,
    );
  }
} finally {
  await h.close();
}
if (wanted.length === 0 || wanted.includes('delivery')) process.stdout.write(await benchDelivery(Number(process.env.BENCH_NUDGES ?? 300)));
