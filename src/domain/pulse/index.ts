// The stakeholder pulse: who is asked, when, and what a closed round may show.
export * from './rules.js';
export * from './rounds.js';
export * from './plan.js';
export * from './results.js';
export * from './answers.js';
