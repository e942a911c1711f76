// The coach-facing nudge kinds, for `startWorker({ extraSubjects })`: the sender renders
// `digest` and `brief` rows through these, and through nothing else.
import { loadBriefSubject } from './brief-subject.js';
import { loadDigestSubject } from './digest-subject.js';
import type { ExtraSubjects } from './nudge-subject.js';

export const coachSubjects: ExtraSubjects = {
  digest: loadDigestSubject,
  brief: loadBriefSubject,
};
