// Interactive and input elements: buttons, selects, pickers, text inputs and images,
// each checked against Slack's limits. Which elements a block accepts lives in blocks.ts.

import {
  ACTION_ID_MAX, BUTTON_TEXT_MAX, BUTTON_VALUE_MAX, CHECKBOX_OPTIONS_MAX, IMAGE_ALT_TEXT_MAX,
  PLACEHOLDER_MAX, PLAIN_TEXT_INPUT_MAX_LENGTH, RADIO_OPTIONS_MAX, URL_MAX,
} from './limits.js';
import { checkInitialOptions, checkOptionList } from './options.js';
import { isNode, type Node, type Problems } from './problems.js';

const SELECTS_WITH_OPTIONS = new Set(['static_select', 'multi_static_select']);
const OTHER_SELECTS = new Set([
  'users_select', 'multi_users_select', 'conversations_select', 'multi_conversations_select',
  'channels_select', 'multi_channels_select', 'external_select', 'multi_external_select',
]);
export const INPUT_ONLY_ELEMENTS = new Set([
  'plain_text_input', 'number_input', 'email_text_input', 'url_text_input', 'file_input', 'rich_text_input',
]);
export const KNOWN_ELEMENTS = new Set([
  'button', 'overflow', 'checkboxes', 'radio_buttons', 'datepicker', 'timepicker', 'datetimepicker', 'image',
  ...SELECTS_WITH_OPTIONS, ...OTHER_SELECTS, ...INPUT_ONLY_ELEMENTS,
]);

/** Checks one element; returns its action_id (if any) for uniqueness checks. */
export function checkElement(p: Problems, element: unknown, pointer: string): string | undefined {
  if (!isNode(element)) {
    p.add(pointer, 'must be an element object');
    return undefined;
  }
  const type = element.type;
  if (typeof type !== 'string' || !KNOWN_ELEMENTS.has(type)) {
    p.add(`${pointer}/type`, `unsupported element type: ${String(type)}`);
    return undefined;
  }
  if (type === 'image') {
    checkImageFields(p, element, pointer);
    return undefined;
  }
  p.identifier(element.action_id, ACTION_ID_MAX, `${pointer}/action_id`);
  p.optionalText(element.placeholder, `${pointer}/placeholder`, { max: PLACEHOLDER_MAX, plainOnly: true });
  if (type === 'button') checkButton(p, element, pointer);
  else if (SELECTS_WITH_OPTIONS.has(type)) {
    const offered = checkOptionList(p, element, pointer, { groupsAllowed: true });
    checkInitialOptions(p, element, offered, pointer);
  } else if (type === 'overflow') {
    checkOptionList(p, element, pointer, { max: 5 });
  } else if (type === 'checkboxes' || type === 'radio_buttons') {
    const max = type === 'checkboxes' ? CHECKBOX_OPTIONS_MAX : RADIO_OPTIONS_MAX;
    const offered = checkOptionList(p, element, pointer, { max, mrkdwnAllowed: true });
    checkInitialOptions(p, element, offered, pointer);
  } else if (type === 'plain_text_input') checkTextInput(p, element, pointer);
  else if (type === 'datepicker' && element.initial_date !== undefined) {
    if (typeof element.initial_date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(element.initial_date)) {
      p.add(`${pointer}/initial_date`, 'must be a date in YYYY-MM-DD format');
    }
  } else if (type === 'timepicker' && element.initial_time !== undefined) {
    if (typeof element.initial_time !== 'string' || !/^([01]\d|2[0-3]):[0-5]\d$/.test(element.initial_time)) {
      p.add(`${pointer}/initial_time`, 'must be a time in HH:mm format');
    }
  } else if (type === 'number_input') {
    if (typeof element.is_decimal_allowed !== 'boolean') p.add(pointer, 'missing required field: is_decimal_allowed');
  }
  return typeof element.action_id === 'string' ? element.action_id : undefined;
}

function checkButton(p: Problems, button: Node, pointer: string): void {
  p.text(button.text, `${pointer}/text`, { max: BUTTON_TEXT_MAX, plainOnly: true });
  p.maxLength(button.value, BUTTON_VALUE_MAX, `${pointer}/value`);
  p.maxLength(button.url, URL_MAX, `${pointer}/url`);
  if (button.style !== undefined && button.style !== 'primary' && button.style !== 'danger') {
    p.add(`${pointer}/style`, 'must be primary or danger');
  }
  if (button.confirm !== undefined) checkConfirm(p, button.confirm, `${pointer}/confirm`);
}

function checkConfirm(p: Problems, confirm: unknown, pointer: string): void {
  if (!isNode(confirm)) return p.add(pointer, 'must be a confirmation dialog object');
  p.text(confirm.title, `${pointer}/title`, { max: 100, plainOnly: true });
  p.text(confirm.text, `${pointer}/text`, { max: 300 });
  p.text(confirm.confirm, `${pointer}/confirm`, { max: 30, plainOnly: true });
  p.text(confirm.deny, `${pointer}/deny`, { max: 30, plainOnly: true });
}

function checkTextInput(p: Problems, input: Node, pointer: string): void {
  const max = input.max_length;
  const min = input.min_length;
  if (max !== undefined && (typeof max !== 'number' || max < 1 || max > PLAIN_TEXT_INPUT_MAX_LENGTH)) {
    p.add(`${pointer}/max_length`, `must be between 1 and ${PLAIN_TEXT_INPUT_MAX_LENGTH}`);
  }
  if (min !== undefined && (typeof min !== 'number' || min < 0 || min > PLAIN_TEXT_INPUT_MAX_LENGTH)) {
    p.add(`${pointer}/min_length`, `must be between 0 and ${PLAIN_TEXT_INPUT_MAX_LENGTH}`);
  }
  if (typeof max === 'number' && typeof min === 'number' && min > max) {
    p.add(`${pointer}/min_length`, 'must not be greater than max_length');
  }
  const initial = input.initial_value;
  if (initial !== undefined) {
    if (typeof initial !== 'string') p.add(`${pointer}/initial_value`, 'must be a string');
    else p.maxLength(initial, typeof max === 'number' ? max : PLAIN_TEXT_INPUT_MAX_LENGTH, `${pointer}/initial_value`);
  }
}

export function checkImageFields(p: Problems, image: Node, pointer: string): void {
  if (image.slack_file === undefined) {
    if (typeof image.image_url !== 'string') p.add(`${pointer}/image_url`, 'missing required field: image_url');
    else p.maxLength(image.image_url, URL_MAX, `${pointer}/image_url`);
  }
  if (typeof image.alt_text !== 'string') p.add(`${pointer}/alt_text`, 'missing required field: alt_text');
  else p.maxLength(image.alt_text, IMAGE_ALT_TEXT_MAX, `${pointer}/alt_text`);
}
