// Reflections: anything the leader writes outside a check-in (follow-up reflections,
// session prep, coachability answers). The answers are one encrypted JSON object.
import type { Cipher } from '../src/crypto.js';
import type { Visibility } from '../src/domain/checkin/rules.js';
import type { Db } from './client.js';
import { reflections } from './schema/index.js';

export interface NewReflection {
  teamId: string;
  leaderId: string;
  engagementId: string | null;
  actionId?: string | null;
  kind: string;
  /** Answers keyed by question id; encrypted as a whole. */
  body: Record<string, string>;
  rating?: number | null;
  visibility: Visibility;
}

export function reflectionValues(cipher: Cipher, input: NewReflection) {
  return {
    teamId: input.teamId,
    leaderId: input.leaderId,
    engagementId: input.engagementId,
    actionId: input.actionId ?? null,
    kind: input.kind,
    bodyEnc: cipher.encrypt(JSON.stringify(input.body)),
    rating: input.rating ?? null,
    visibility: input.visibility,
  };
}

export async function insertReflection(db: Db, cipher: Cipher, input: NewReflection): Promise<string> {
  const [row] = await db.insert(reflections).values(reflectionValues(cipher, input)).returning({ id: reflections.id });
  return row!.id;
}
