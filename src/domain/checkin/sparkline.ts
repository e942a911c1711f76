// A commitment trend in one line of text, oldest first: ▁▂▃▄▅▆▇█ for 1–10.
const BARS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

export function commitmentSparkline(scores: number[]): string {
  return scores
    .map((s) => {
      const clamped = Math.min(10, Math.max(1, Math.round(s)));
      return BARS[Math.round(((clamped - 1) / 9) * (BARS.length - 1))];
    })
    .join('');
}
