// The sentence the closing review shows for each visibility choice, generated from the
// rule the coach's view applies (`closingRatingsReachCoach`), so what the leader is told
// is what the code does.
import type { Visibility } from '../domain/checkin/rules.js';
import { closingRatingsReachCoach } from '../domain/privacy/index.js';
import { VISIBILITY_TEXT } from './blocks/checkin-modal.js';

export const closingVisibilityLine = (v: Visibility): string =>
  `${VISIBILITY_TEXT[v]}: ${closingRatingsReachCoach(v) ? 'your coach sees these ratings' : 'only you see these ratings'}.`;
