// Halfway through the engagement: each target rated again against its baseline.
import { targetReview } from './target-review.js';

export const midpointReview = targetReview('midpoint');
