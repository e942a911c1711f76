// At the last session: each target rated a final time, and the before/after shown.
import { targetReview } from './target-review.js';

export const closingReview = targetReview('closing');
