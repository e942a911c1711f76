// The sender's one question about a claimed row: does it still apply, and what does it
// say? The kind's definition answers, after the checks its definition asks for (the
// engagement still running, the recipient not backed off).
import { isNudgeKind } from '../../src/domain/nudge-kinds.js';
import { KIND_DEFINITIONS } from './index.js';
import { cancelled, failed, skipped, type KindDecision, type KindDefinition, type KindInput } from './kind-definition.js';
import { loadEngagementStatus } from './nudge-facts.js';

/** The definition of a row's kind; undefined only for a kind this version does not know. */
export function definitionOf(kind: string): KindDefinition | undefined {
  return isNudgeKind(kind) ? KIND_DEFINITIONS[kind] : undefined;
}

async function checkEngagement(definition: KindDefinition, input: KindInput): Promise<KindDecision | null> {
  if (definition.engagement === 'by-kind') return null;
  const { row } = input;
  if (!row.engagementId) return definition.engagement === 'when-linked' ? null : failed('missing_engagement');
  const status = input.engagement !== undefined ? input.engagement?.status : await loadEngagementStatus(input.db, row.teamId, row.engagementId);
  if (!status) return cancelled('engagement_gone');
  return status === 'active' ? null : cancelled(`engagement_${status}`);
}

/** Decides, from current data, whether the nudge still applies and renders it if so. */
export async function decideNudge(input: KindInput): Promise<KindDecision> {
  const definition = definitionOf(input.row.kind);
  if (!definition) return failed(`unsupported_kind:${input.row.kind}`);
  const closed = await checkEngagement(definition, input);
  if (closed) return closed;
  if (definition.rules.backOff && input.person.unansweredFollowUps >= input.rhythm.backOffAfterUnanswered) return skipped('backed_off');
  return definition.decide(input);
}
