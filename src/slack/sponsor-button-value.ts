// Button values and modal metadata of the sponsor's questions and the programme's admin
// surfaces (their ids are in ids.ts). Encoded and parsed only here, against zod schemas.
import { z } from 'zod';
import { decodeJson, encodeJson } from './metadata.js';

const uuid = z.string().uuid();

export const sponsorAskValueSchema = z.object({ nudgeId: uuid }).strict();
export const encodeSponsorAsk = (nudgeId: string) => encodeJson(sponsorAskValueSchema, { nudgeId });

export const sponsorAnswerMetaSchema = z.object({ nudgeId: uuid, channel: z.string().max(40).optional(), ts: z.string().max(40).optional() }).strict();

export const engagementRefSchema = z.object({ engagementId: uuid }).strict();
export const encodeEngagementRef = (engagementId: string) => encodeJson(engagementRefSchema, { engagementId });
export const parseEngagementRef = (raw: string | undefined | null) => decodeJson(engagementRefSchema, raw);
