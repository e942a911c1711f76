// Button values and modal metadata of the engagement surfaces and the nudge modals.
// Encoded and parsed only here, against zod schemas, so a handler never trusts a value
// it cannot read (an unreadable one is treated as out of date).
import { z } from 'zod';
import { decodeJson, encodeJson } from './metadata.js';

const uuid = z.string().uuid();

export const engagementValueSchema = z.object({ engagementId: uuid }).strict();
export const encodeEngagementValue = (engagementId: string) => encodeJson(engagementValueSchema, { engagementId });
export const parseEngagementValue = (raw: string | undefined | null) => decodeJson(engagementValueSchema, raw);

/** A page of the coach's roster; anything unreadable is the first page. */
export const rosterPageSchema = z.object({ page: z.number().int().min(0).max(1000) }).strict();
export const encodeRosterPage = (page: number) => encodeJson(rosterPageSchema, { page });
export const parseRosterPage = (raw: string | undefined | null) => decodeJson(rosterPageSchema, raw)?.page ?? 0;

// Overflow option values are limited to 150 characters; an op and a uuid take about 70.
export const sessionMenuSchema = z.object({ op: z.enum(['reschedule', 'held', 'cancel']), sessionId: uuid }).strict();
export type SessionMenuValue = z.infer<typeof sessionMenuSchema>;
export const encodeSessionMenu = (value: SessionMenuValue) => encodeJson(sessionMenuSchema, value);
export const parseSessionMenu = (raw: string | undefined | null) => decodeJson(sessionMenuSchema, raw);

/** Where the message a modal was opened from lives, so submitting it can update that message. */
const messageRef = { channel: z.string().max(40).optional(), ts: z.string().max(40).optional() };

export const rescheduleMetaSchema = z.object({ sessionId: uuid }).strict();
export const cancelSessionMetaSchema = z.object({ sessionId: uuid }).strict();
export const endEngagementMetaSchema = z.object({ engagementId: uuid }).strict();
export const contractingMetaSchema = z.object({ engagementId: uuid }).strict();
/** A coach's modal about one engagement (a note, a question of their own, a recap). */
export const coachEngagementMetaSchema = z.object({ engagementId: uuid }).strict();
/**
 * "Make this my action" on a recap: which recap; its words are read server-side, for the
 * leader it was sent to only. Recaps sent before carried their words (up to 500
 * characters); those buttons still work, for whoever holds the DM.
 */
const recapActionSchema = z.object({ recapId: uuid }).strict();
const legacyRecapActionSchema = z.object({ engagementId: uuid, will: z.string().max(500) }).strict();
export type RecapActionValue = { recapId: string } | { will: string };
export const encodeRecapAction = (recapId: string) => encodeJson(recapActionSchema, { recapId });
export const parseRecapAction = (raw: string | undefined | null): RecapActionValue | undefined => {
  const legacy = decodeJson(legacyRecapActionSchema, raw);
  return legacy ? { will: legacy.will } : decodeJson(recapActionSchema, raw);
};
export const reflectMetaSchema = z.object({ nudgeId: uuid, actionId: uuid, ...messageRef }).strict();
export const prepMetaSchema = z.object({ nudgeId: uuid, sessionId: uuid, ...messageRef }).strict();
export const reviewMetaSchema = z.object({ nudgeId: uuid, engagementId: uuid, /** The closing review's looking-back question, as drawn when the modal opened. */ questionId: z.string().max(80).optional(), ...messageRef }).strict();
