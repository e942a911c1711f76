// The whole schema, re-exported for drizzle and drizzle-kit.
export * from './tenancy.js';
export * from './engagements.js';
export * from './practice.js';
export * from './nudges.js';
export * from './requests.js';
export * from './posted-messages.js';
export * from './pulse.js';
export * from './questions.js';
export * from './programme.js';
export * from './coach-notes.js';
export * from './notices.js';
export * from './recaps.js';
