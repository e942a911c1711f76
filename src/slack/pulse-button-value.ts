// Button values and modal metadata of the stakeholder pulse (its ids are in ids.ts).
// Encoded and parsed only here, against zod schemas: an unreadable value is out of date.
import { z } from 'zod';
import { decodeJson, encodeJson } from './metadata.js';

/** The block and action id of the stakeholder picker. */
export const STAKEHOLDERS_BLOCK = 'stakeholders';

const uuid = z.string().uuid();
const messageRef = { channel: z.string().max(40).optional(), ts: z.string().max(40).optional() };

export const pulseRoundValueSchema = z.object({ roundId: uuid }).strict();
export const encodePulseRound = (roundId: string) => encodeJson(pulseRoundValueSchema, { roundId });
export const parsePulseRound = (raw: string | undefined | null) => decodeJson(pulseRoundValueSchema, raw);

export const pulseAnswerMetaSchema = z.object({ roundId: uuid, ...messageRef }).strict();
export const stakeholdersMetaSchema = z.object({ engagementId: uuid }).strict();
