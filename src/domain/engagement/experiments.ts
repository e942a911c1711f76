// The experiment style's evidence: what the leader predicted against what happened, for
// the closing review. The most recent first few, so the review stays readable.
export type ExperimentStatus = 'open' | 'done' | 'partly' | 'not_yet' | 'dropped';

export interface Experiment {
  at: Date;
  expected: string;
  action: string;
  status: ExperimentStatus;
  /** What the leader wrote happened (a follow-up reflection), if they did. */
  happened: string | null;
}

export const EXPERIMENTS_SHOWN = 5;

const OUTCOME: Record<ExperimentStatus, string> = {
  done: 'done',
  partly: 'partly done',
  not_yet: 'not done yet',
  open: 'not answered',
  dropped: 'set aside for a later one',
};

export const experimentOutcome = (status: ExperimentStatus): string => OUTCOME[status];

/** The latest experiments, oldest of them first, with how many earlier ones are left out. */
export function experimentsToShow(list: readonly Experiment[]): { shown: Experiment[]; earlier: number } {
  const sorted = [...list].sort((a, b) => a.at.getTime() - b.at.getTime());
  const shown = sorted.slice(-EXPERIMENTS_SHOWN);
  return { shown, earlier: sorted.length - shown.length };
}
