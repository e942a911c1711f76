// What coaches receive between sessions: the weekly digest and the session brief, as
// data composed from coach views, and when each goes out.
export { BRIEF_SOON_MS, composeDigest, DIGEST_WINDOW_MS, type DigestAction, type DigestExtras, type DigestLeader, type DigestModel } from './compose-digest.js';
export { composeBrief, TREND_POINTS, type BriefCheckIn, type BriefModel, type BriefPrep, type BriefTarget } from './compose-brief.js';
export { reflectionKindLabel, sharedAnswersOf, sharedItemsOf, type SharedAnswer, type SharedItem } from './shared-answers.js';
export { signalQuestion, signalsOf, type Signal } from './signals.js';
export { digestDedupeKey, digestDueAt, digestSlots, isDigestSuperseded, isoWeekOf, isoWeekOfDedupeKey, type DigestSlot } from './week.js';
export { BRIEF_MIN_LEAD_MS, briefDedupeKey, briefDueAt } from './brief-timing.js';
