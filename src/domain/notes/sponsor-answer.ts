// A sponsor's answer, as rules: a few words at least, and no longer than the modal takes.
export const SPONSOR_ANSWER_MAX = 1500;

export type SponsorAnswerForm = { ok: true; text: string } | { ok: false; error: string };

export function parseSponsorAnswer(raw: string | undefined): SponsorAnswerForm {
  const text = (raw ?? '').trim();
  if (text.length === 0) return { ok: false, error: 'A few words, please — or close this and answer later.' };
  if (text.length > SPONSOR_ANSWER_MAX) return { ok: false, error: `Up to ${SPONSOR_ANSWER_MAX} characters, please.` };
  return { ok: true, text };
}
