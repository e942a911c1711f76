// The GROW check-in rules: what a check-in needs, and when commitment is too low to
// save without first asking what would make it a 10.
import { z } from 'zod';
import type { Style } from '../engagement/style.js';

/** Below this, Grow asks the leader to revisit before saving. */
export const COMMITMENT_THRESHOLD = 8;

export const LIMITS = { goal: 500, reality: 2000, options: 2000, will: 500, makeItTen: 1000, expectation: 1000 } as const;

export const visibilitySchema = z.enum(['private', 'summary', 'shared']);
export type Visibility = z.infer<typeof visibilitySchema>;

const optionalText = (max: number) => z.string().trim().max(max, `Please keep this under ${max} characters (it is {length}).`).optional();

const text = (max: number, label: string) =>
  z
    .string()
    .trim()
    .min(1, `Please answer: ${label}`)
    .max(max, `Please keep this under ${max} characters (it is ${'{length}'}).`);

export const NOT_YOUR_ENGAGEMENT = 'That engagement is not one of your active ones any more. Please pick again.';

/** What a leader submits. Error messages are written for the leader. */
export const checkInDraftSchema = z
  .object({
    goal: z.string().trim().max(LIMITS.goal, `Please keep your goal under ${LIMITS.goal} characters.`).optional(),
    targetId: z.string().uuid().optional(),
    /** Which engagement, when the leader has two coaches; absent means the default. */
    engagementId: z.string().uuid(NOT_YOUR_ENGAGEMENT).optional(),
    /** Not asked in the light style's three-field check-in. */
    reality: optionalText(LIMITS.reality),
    options: optionalText(LIMITS.options),
    will: text(LIMITS.will, 'what will you do?'),
    /** ISO date (yyyy-mm-dd) in the leader's zone; absent means the default. */
    dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    commitment: z.coerce
      .number({ invalid_type_error: 'How committed are you, 1 to 10?' })
      .int()
      .min(1, 'How committed are you, 1 to 10?')
      .max(10, 'How committed are you, 1 to 10?'),
    visibility: visibilitySchema.default('summary'),
    makeItTen: optionalText(LIMITS.makeItTen),
    /** The experiment style's prediction. */
    expectation: optionalText(LIMITS.expectation),
    /** The revisit step's checkbox: a short nudge about the precondition before the due date. */
    preconditionNudge: z.enum(['yes']).optional(),
  });

/** What a check-in of this style asks, beyond the goal, the action and the commitment. */
export function checkInAsks(style: Style): { reality: boolean; options: boolean; expectation: boolean; dueDate: boolean } {
  const light = style === 'light';
  return { reality: !light, options: !light, expectation: style === 'experiment', dueDate: !light };
}

const draftSchemaFor = (style: Style) => {
  const asks = checkInAsks(style);
  return checkInDraftSchema.superRefine((d, ctx) => {
    if (!d.goal && !d.targetId) ctx.addIssue({ code: 'custom', path: ['goal'], message: 'What do you want? Write a goal or pick one of your targets.' });
    if (asks.reality && !d.reality) ctx.addIssue({ code: 'custom', path: ['reality'], message: 'Please answer: what is happening now?' });
    if (asks.options && !d.options) ctx.addIssue({ code: 'custom', path: ['options'], message: 'Please answer: what could you do?' });
    if (asks.expectation && !d.expectation) ctx.addIssue({ code: 'custom', path: ['expectation'], message: 'Please answer: what do you expect to happen?' });
  });
};

export type CheckInDraft = z.infer<typeof checkInDraftSchema>;

/** Field → message, keyed by the draft's field names. */
export type DraftErrors = Partial<Record<keyof CheckInDraft, string>>;

export type DraftResult = { ok: true; draft: CheckInDraft } | { ok: false; errors: DraftErrors };

/** `style`: the engagement's style the modal was built for; it decides which answers are required. */
export function validateCheckInDraft(input: Record<string, unknown>, style: Style = 'standard'): DraftResult {
  const parsed = draftSchemaFor(style).safeParse(input);
  if (parsed.success) return { ok: true, draft: parsed.data };
  const errors: DraftErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as keyof CheckInDraft | undefined;
    if (!field || errors[field]) continue;
    const raw = input[field];
    errors[field] = issue.message.replace('{length}', String(typeof raw === 'string' ? raw.trim().length : 0));
  }
  if (Object.keys(errors).length === 0) errors.goal = 'Something in this check-in could not be read. Please try again.';
  return { ok: false, errors };
}

/** Low commitment signals a misaligned goal: ask before saving, once. */
export function needsRevisit(draft: Pick<CheckInDraft, 'commitment'>, alreadyRevisited: boolean): boolean {
  return !alreadyRevisited && draft.commitment < COMMITMENT_THRESHOLD;
}
