// Contracting in one transaction: the behavioural targets, the coachability answers,
// each answer with its own visibility, and the style and messages they choose. A second submission meets the targets' unique
// key and changes nothing.
import { and, count, eq } from 'drizzle-orm';
import type { Cipher } from '../src/crypto.js';
import { reflectionKindFor, type ContractingInput } from '../src/domain/engagement/contracting.js';
import { DomainError } from '../src/domain/errors.js';
import type { Db } from './client.js';
import { newRowId, rowSeal } from './sealed.js';
import { isUniqueViolation } from './engagements.js';
import { reflectionValues } from './reflections.js';
import { engagements, reflections, targets } from './schema/index.js';

export interface SaveContractingInput extends Omit<ContractingInput, 'style' | 'mutedKinds'>, Partial<Pick<ContractingInput, 'style' | 'mutedKinds'>> {
  teamId: string;
  engagementId: string;
  leaderId: string;
}

export async function saveContracting(db: Db, cipher: Cipher, input: SaveContractingInput): Promise<void> {
  try {
    await db.transaction(async (tx) => {
      await tx.insert(targets).values(
        input.targets.map((t) => {
          const id = newRowId();
          return {
          id,
          teamId: input.teamId,
          engagementId: input.engagementId,
          position: t.position,
          descriptionEnc: rowSeal(cipher, 'targets', { teamId: input.teamId, id }).seal('description_enc', t.description),
          baseline: t.baseline,
          level: t.level,
          };
        }),
      );
      await tx
        .update(engagements)
        .set({ style: input.style ?? 'standard', mutedKinds: input.mutedKinds ?? [] })
        .where(and(eq(engagements.teamId, input.teamId), eq(engagements.id, input.engagementId)));
      if (input.answers.length === 0) return;
      await tx.insert(reflections).values(
        input.answers.map((a) =>
          reflectionValues(cipher, {
            teamId: input.teamId,
            leaderId: input.leaderId,
            engagementId: input.engagementId,
            kind: reflectionKindFor(a.question),
            body: a.text === null ? {} : { [a.question]: a.text },
            rating: a.rating,
            visibility: a.visibility,
          }),
        ),
      );
    });
  } catch (error) {
    if (isUniqueViolation(error, 'targets_engagement_position')) {
      throw new DomainError('conflict', 'contracting already saved', 'Your targets are already saved for this engagement.');
    }
    throw error;
  }
}

export async function hasContracted(db: Db, teamId: string, engagementId: string): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(targets).where(and(eq(targets.teamId, teamId), eq(targets.engagementId, engagementId)));
  return (row?.n ?? 0) > 0;
}
