// The GROW check-in modal: four questions, a commitment rating and a visibility choice,
// shaped by the engagement's style (three fields for the light rhythm, a prediction for
// experiments, the leader's own goal first). The same builder makes the "revisit" step,
// shown when commitment is below 8.
import type { ModalView, View } from '@slack/types';
import { z } from 'zod';
import { checkInAsks, LIMITS, type CheckInDraft, type Visibility } from '../../domain/checkin/rules.js';
import { BASELINE_AS_DATA, LIGHT_DURATION, STYLES, type BaselineState, type Style } from '../../domain/engagement/style.js';
import type { CheckInQuestionUse } from '../../domain/checkin/questions.js';
import { defaultQuestion } from '../../domain/questions/draw.js';
import { goalInput, preconditionCheckbox } from './checkin-fields.js';
import { encodeJson } from '../metadata.js';
import { truncate } from '../mrkdwn.js';
import { context, option, plain, section, textInput, type Block } from './kit.js';
import { CALLBACKS } from '../ids.js';
import { coachSeesSentence } from '../../domain/privacy/promises.js';

/** The line under the visibility choice saying what the coach will see with it. */
export const VISIBILITY_LINE_BLOCK = 'visibility_line';


export const checkInMetadataSchema = z.object({ step: z.enum(['checkin', 'revisit']), style: z.enum(STYLES).default('standard'), editOf: z.string().uuid().optional() });

export interface TargetChoice {
  id: string;
  description: string;
}

/** An engagement the leader may file the check-in under, named by its coach ("With Dana Coach"). */
export interface EngagementChoice {
  id: string;
  label: string;
}

export interface CheckInModalInput {
  step: 'checkin' | 'revisit';
  /** The engagement's style; the full check-in when absent. */
  style?: Style;
  /** Goal first: where the stakeholders' baseline stands. */
  baseline?: BaselineState;
  targets?: TargetChoice[];
  /** Two or more: the leader picks; `draft.engagementId` is preselected. */
  engagements?: EngagementChoice[];
  /** Values to show again (the revisit step keeps everything the leader wrote). */
  draft?: Partial<CheckInDraft>;
  /** How the default due date reads, e.g. "before your next session (Thu 3 Dec)". */
  defaultDue?: string;
  /**
   * Questions drawn from the bank for this leader, by moment: under each GROW field a hint
   * to think with, and the style's own questions (goal first's goal, the experiment's
   * expectation) as their fields' labels. The bank's first for the moment when absent.
   */
  hints?: Partial<Record<CheckInQuestionUse, string>>;
  /** The saved check-in this modal edits (within its 24 hours). */
  editOf?: string;
}

export const VISIBILITY_TEXT: Record<Visibility, string> = {
  private: 'Only me',
  summary: 'Summary for my coach',
  shared: 'Share everything with my coach',
};

const COMMITMENT_TEXT = (n: number) => (n === 10 ? '10 — I will do this' : n === 1 ? '1 — unlikely' : String(n));

export function checkInModal(input: CheckInModalInput): View {
  const d = input.draft ?? {};
  const hints = input.hints ?? {};
  const style = input.style ?? 'standard';
  const asks = checkInAsks(style);
  const targets = input.targets ?? [];
  const blocks: Block[] = [];
  if (style === 'light' && input.step === 'checkin') blocks.push(context(`Three questions. ${LIGHT_DURATION.checkin}`));
  if (style === 'goal_first' && input.step === 'checkin') blocks.push(goalInput(style, d, targets.length > 0, hints), context(BASELINE_AS_DATA[input.baseline ?? 'none']));
  if (input.step === 'revisit') {
    blocks.push(
      section(`You rated your commitment *${d.commitment ?? '?'}/10*. *What would make it a 10?*`),
      context('Low commitment usually means the goal or the action does not fit yet. Reshape either below, or save it as it is.'),
      textInput('make_it_ten', 'What would make it a 10?', LIMITS.makeItTen, { optional: true, multiline: true, initial: d.makeItTen }),
      preconditionCheckbox(d.preconditionNudge !== undefined || d.makeItTen === undefined),
    );
  }
  const engagements = input.engagements ?? [];
  if (engagements.length > 1) {
    const initial = engagements.find((e) => e.id === d.engagementId) ?? engagements[0]!;
    blocks.push({
      type: 'input',
      block_id: 'engagement',
      label: plain('Which coaching is this check-in for?'),
      element: {
        type: 'static_select',
        action_id: 'engagement',
        options: engagements.slice(0, 100).map((e) => option(truncate(e.label, 75), e.id)),
        initial_option: option(truncate(initial.label, 75), initial.id),
      },
    });
  }
  if (targets.length > 0) {
    blocks.push({
      type: 'input',
      block_id: 'goal_target',
      optional: true,
      label: plain('Is this about one of your targets?'),
      element: {
        type: 'static_select',
        action_id: 'goal_target',
        placeholder: plain('Pick a target'),
        options: targets.slice(0, 3).map((t) => option(truncate(t.description, 75), t.id)),
        ...(d.targetId && targets.some((t) => t.id === d.targetId)
          ? { initial_option: option(truncate(targets.find((t) => t.id === d.targetId)!.description, 75), d.targetId) }
          : {}),
      },
    });
  }
  if (!(style === 'goal_first' && input.step === 'checkin')) blocks.push(goalInput(style, d, targets.length > 0, hints));
  if (asks.reality) blocks.push(textInput('reality', 'Reality — what is happening now?', LIMITS.reality, { multiline: true, initial: d.reality, hint: hints.reality }));
  if (asks.options) blocks.push(textInput('options', 'Options — what could you do?', LIMITS.options, { multiline: true, initial: d.options, hint: hints.options }));
  blocks.push(textInput('will', style === 'experiment' ? 'Your experiment — what one thing will you try?' : 'Will — what one thing will you do?', LIMITS.will, { hint: hints.will ?? 'One concrete action someone could see you do.', initial: d.will }));
  if (asks.expectation) {
    blocks.push(textInput('expectation', hints.expectation ?? defaultQuestion('expectation'), LIMITS.expectation, { multiline: true, initial: d.expectation, hint: 'Your follow-up will ask what did happen; the closing review sets the two side by side.' }));
  }
  if (asks.dueDate) {
    blocks.push({
      type: 'input',
      block_id: 'will_due',
      optional: true,
      label: plain('By when?'),
      hint: plain(`Leave empty for ${input.defaultDue ?? 'before your next session, or two weeks from today'}.`),
      element: { type: 'datepicker', action_id: 'will_due', ...(d.dueDate ? { initial_date: d.dueDate } : {}) },
    });
  }
  blocks.push(
    {
      type: 'input',
      block_id: 'commitment',
      label: plain('How committed are you to doing it, 1 to 10?'),
      element: {
        type: 'static_select',
        action_id: 'commitment',
        placeholder: plain('Choose 1–10'),
        options: Array.from({ length: 10 }, (_, i) => option(COMMITMENT_TEXT(10 - i), String(10 - i))),
        ...(d.commitment ? { initial_option: option(COMMITMENT_TEXT(d.commitment), String(d.commitment)) } : {}),
      },
    },
    {
      type: 'input',
      block_id: 'visibility',
      // A change re-renders the line below it, so it always names what the choice shows.
      dispatch_action: true,
      label: plain('Who sees this check-in?'),
      element: {
        type: 'radio_buttons',
        action_id: 'visibility',
        options: (['private', 'summary', 'shared'] as const).map((v) => option(VISIBILITY_TEXT[v], v)),
        initial_option: option(VISIBILITY_TEXT[d.visibility ?? 'summary'], d.visibility ?? 'summary'),
      },
    },
    { ...context(coachSeesSentence('check_in', d.visibility ?? 'summary', engagements.length > 1 ? 'the coach you pick above' : 'your coach')), block_id: VISIBILITY_LINE_BLOCK },
  );
  return {
    type: 'modal',
    callback_id: CALLBACKS.checkIn,
    title: plain(input.editOf ? 'Edit check-in' : 'GROW check-in'),
    submit: plain(input.step === 'revisit' || input.editOf ? 'Save' : 'Save check-in'),
    close: plain('Cancel'),
    private_metadata: encodeJson(checkInMetadataSchema, { step: input.step, style, ...(input.editOf ? { editOf: input.editOf } : {}) }),
    blocks,
  };
}

/** The parts of a modal Slack echoes back that an update must send again. */
export type ModalParts = Pick<ModalView, 'callback_id' | 'title' | 'submit' | 'close' | 'private_metadata'> & { blocks: Block[] };

/**
 * The same modal with the line under the visibility choice rewritten for `visibility`;
 * every other block is kept as it is, so Slack keeps what the leader has typed.
 */
export function withVisibilityLine(view: ModalParts, visibility: Visibility, who: string): View {
  const { callback_id, title, submit, close, private_metadata, blocks } = view;
  return {
    type: 'modal',
    callback_id,
    title,
    submit,
    close,
    private_metadata,
    blocks: blocks.map((b) => ((b as { block_id?: string }).block_id === VISIBILITY_LINE_BLOCK ? { ...context(coachSeesSentence('check_in', visibility, who)), block_id: VISIBILITY_LINE_BLOCK } : b)),
  } as View;
}
