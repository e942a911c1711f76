// One rule for a modal's single required text field: trimmed, not empty, not over its limit.
// Each form names its own field, its question when empty and its sentence when too long.
export type RequiredTextForm = { ok: true; text: string } | { ok: false; errors: Record<string, string> };

export interface RequiredTextRule {
  field: string;
  max: number;
  whenEmpty: string;
  whenTooLong: string;
}

export function parseRequiredText(values: Record<string, string | undefined>, rule: RequiredTextRule): RequiredTextForm {
  const text = values[rule.field]?.trim() ?? '';
  if (!text) return { ok: false, errors: { [rule.field]: rule.whenEmpty } };
  if (text.length > rule.max) return { ok: false, errors: { [rule.field]: rule.whenTooLong } };
  return { ok: true, text };
}
