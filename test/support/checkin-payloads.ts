// Builds the check-in modal's view_submission payload as Slack would, from the view the
// app opened and simple answers.
import { viewSubmission } from './app-harness.js';

export interface CheckInAnswers {
  goal?: string;
  reality?: string;
  options?: string;
  will?: string;
  commitment?: number;
  visibility?: 'private' | 'summary' | 'shared';
  makeItTen?: string;
  /** yyyy-mm-dd, as the datepicker sends it. */
  dueDate?: string;
  /** The revisit step's checkbox; ticked unless false. */
  preconditionNudge?: boolean;
}

type ViewLike = { id: string; hash?: string; callback_id: string; private_metadata?: string; blocks: { block_id?: string; type: string }[] };

export function checkInSubmission(view: ViewLike, answers: CheckInAnswers) {
  const text = (v: string | undefined) => ({ type: 'plain_text_input', value: v ?? null });
  const values: Record<string, Record<string, unknown>> = {
    goal: { goal: text(answers.goal) },
    reality: { reality: text(answers.reality) },
    options: { options: text(answers.options) },
    will: { will: text(answers.will) },
    will_due: { will_due: { type: 'datepicker', selected_date: answers.dueDate ?? null } },
    commitment: {
      commitment: {
        type: 'static_select',
        selected_option: answers.commitment ? { text: { type: 'plain_text', text: String(answers.commitment) }, value: String(answers.commitment) } : null,
      },
    },
    visibility: {
      visibility: { type: 'radio_buttons', selected_option: { text: { type: 'plain_text', text: 'x' }, value: answers.visibility ?? 'summary' } },
    },
  };
  if (view.blocks.some((b) => b.block_id === 'make_it_ten')) values.make_it_ten = { make_it_ten: text(answers.makeItTen) };
  if (view.blocks.some((b) => b.block_id === 'precondition_nudge')) {
    const ticked = answers.preconditionNudge === false ? [] : [{ text: { type: 'plain_text', text: 'x' }, value: 'yes' }];
    values.precondition_nudge = { precondition_nudge: { type: 'checkboxes', selected_options: ticked } };
  }
  return viewSubmission(view, values);
}
