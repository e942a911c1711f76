// Action ids, callback ids, button values and modal metadata of the stakeholder pulse.
// Encoded and parsed only here, against zod schemas: an unreadable value is out of date.
import { z } from 'zod';
import { decodeJson, encodeJson } from '../metadata.js';

export const PULSE_ACTIONS = {
  answerOpen: 'pulse_answer_open',
  decline: 'pulse_decline',
  shareSummary: 'pulse_share_summary',
  shareFull: 'pulse_share_full',
  stakeholdersOpen: 'pulse_stakeholders_open',
  resultsOpen: 'pulse_results_open',
} as const;

export const PULSE_CALLBACKS = {
  answer: 'pulse_answer',
  stakeholders: 'pulse_stakeholders',
} as const;

/** The block and action id of the stakeholder picker. */
export const STAKEHOLDERS_BLOCK = 'stakeholders';

const uuid = z.string().uuid();
const messageRef = { channel: z.string().max(40).optional(), ts: z.string().max(40).optional() };

export const pulseRoundValueSchema = z.object({ roundId: uuid }).strict();
export const encodePulseRound = (roundId: string) => encodeJson(pulseRoundValueSchema, { roundId });
export const parsePulseRound = (raw: string | undefined | null) => decodeJson(pulseRoundValueSchema, raw);

export const pulseAnswerMetaSchema = z.object({ roundId: uuid, ...messageRef }).strict();
export const stakeholdersMetaSchema = z.object({ engagementId: uuid }).strict();
