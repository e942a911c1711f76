// A sponsor's answer, as rules: a few words at least, and no longer than the modal takes.
import { parseRequiredText } from './required-text.js';

export const SPONSOR_ANSWER_MAX = 1500;

export type SponsorAnswerForm = { ok: true; text: string } | { ok: false; error: string };

export function parseSponsorAnswer(raw: string | undefined): SponsorAnswerForm {
  const form = parseRequiredText({ answer: raw }, {
    field: 'answer',
    max: SPONSOR_ANSWER_MAX,
    whenEmpty: 'A few words, please — or close this and answer later.',
    whenTooLong: `Up to ${SPONSOR_ANSWER_MAX} characters, please.`,
  });
  return form.ok ? form : { ok: false, error: form.errors.answer! };
}
