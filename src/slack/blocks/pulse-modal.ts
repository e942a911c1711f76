// The stakeholder's answers, in a modal opened from their DM: for each target, a point on
// −3…+3 (at midpoint and close) and an optional suggestion.
import type { View } from '@slack/types';
import type { z } from 'zod';
import { asksForScore, formatScore, SCORE_MAX, SCORE_MIN, scoreBlockId, suggestionBlockId, SUGGESTION_MAX, type PulseStage } from '../../domain/pulse/index.js';
import { encodeJson } from '../metadata.js';
import { context, inputBlock, option, plain, textInput, type Block } from './kit.js';
import { pulseTargetSection } from './pulse-question.js';
import { pulseAnswerMetaSchema } from '../pulse-button-value.js';
import { PULSE_CALLBACKS } from '../ids.js';

const SCORE_WORDS: Record<number, string> = { [-3]: 'much less effective', [-2]: 'less effective', [-1]: 'a little less', 0: 'no change', 1: 'a little more', 2: 'more effective', 3: 'much more effective' };

function scoreInput(position: number): Block {
  const options = [];
  for (let s = SCORE_MAX; s >= SCORE_MIN; s--) options.push(option(`${formatScore(s)}  ${SCORE_WORDS[s]}`, String(s)));
  return inputBlock(scoreBlockId(position), 'Less or more effective?', { type: 'radio_buttons', action_id: scoreBlockId(position), options });
}

export function pulseAnswerModal(input: { meta: z.input<typeof pulseAnswerMetaSchema>; stage: PulseStage; leaderId: string; targets: { position: number; description: string }[] }): View {
  const blocks: Block[] = [context('Anonymous: shown only after the round closes, only with at least two other people’s answers, never with your name.')];
  for (const t of input.targets.slice(0, 3)) {
    blocks.push(pulseTargetSection(t.position, input.stage, input.leaderId, t.description));
    if (asksForScore(input.stage)) blocks.push(scoreInput(t.position));
    const label = asksForScore(input.stage) ? 'One suggestion for the weeks ahead' : 'One thing they could do';
    blocks.push(textInput(suggestionBlockId(t.position), label, SUGGESTION_MAX, { optional: true, multiline: true, hint: 'Optional. Please describe what they do, not who they are.' }));
  }
  return {
    type: 'modal',
    callback_id: PULSE_CALLBACKS.answer,
    title: plain('Anonymous feedback'),
    submit: plain('Send'),
    close: plain('Cancel'),
    private_metadata: encodeJson(pulseAnswerMetaSchema, input.meta),
    blocks,
  };
}
