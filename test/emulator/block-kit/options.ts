// Option objects and option lists for selects, overflow menus, checkboxes and radios.

import {
  OPTION_DESCRIPTION_MAX, OPTION_TEXT_MAX, OPTION_VALUE_MAX, OPTIONS_MAX,
} from './limits.js';
import { isNode, type Node, type Problems } from './problems.js';

export function checkOption(p: Problems, option: unknown, pointer: string, mrkdwnAllowed: boolean): void {
  if (!isNode(option)) {
    p.add(pointer, 'must be an option object');
    return;
  }
  p.text(option.text, `${pointer}/text`, { max: OPTION_TEXT_MAX, plainOnly: !mrkdwnAllowed });
  if (typeof option.value !== 'string') p.add(`${pointer}/value`, 'missing required field: value');
  else {
    if (option.value.length === 0) p.add(`${pointer}/value`, 'must be more than 0 characters');
    p.maxLength(option.value, OPTION_VALUE_MAX, `${pointer}/value`);
  }
  p.optionalText(option.description, `${pointer}/description`, { max: OPTION_DESCRIPTION_MAX, plainOnly: !mrkdwnAllowed });
}

/** Checks `options`/`option_groups` and returns every option value offered. */
export function checkOptionList(
  p: Problems, element: Node, pointer: string,
  opts: { max?: number; mrkdwnAllowed?: boolean; groupsAllowed?: boolean; required?: boolean },
): Set<string> {
  const values = new Set<string>();
  const max = opts.max ?? OPTIONS_MAX;
  const collect = (list: unknown, at: string) => {
    if (!Array.isArray(list)) {
      p.add(at, 'must be an array');
      return;
    }
    if (list.length === 0) p.add(at, 'must provide at least 1 item');
    p.maxItems(list, max, at);
    list.forEach((option, i) => {
      checkOption(p, option, `${at}/${i}`, opts.mrkdwnAllowed ?? false);
      if (isNode(option) && typeof option.value === 'string') values.add(option.value);
    });
  };
  if (element.options !== undefined) collect(element.options, `${pointer}/options`);
  else if (opts.groupsAllowed && element.option_groups !== undefined) {
    const groups = element.option_groups;
    if (!Array.isArray(groups)) p.add(`${pointer}/option_groups`, 'must be an array');
    else {
      p.maxItems(groups, OPTIONS_MAX, `${pointer}/option_groups`);
      groups.forEach((group, g) => {
        const at = `${pointer}/option_groups/${g}`;
        if (!isNode(group)) return p.add(at, 'must be an option group');
        p.text(group.label, `${at}/label`, { max: OPTION_TEXT_MAX, plainOnly: true });
        collect(group.options, `${at}/options`);
      });
    }
  } else if (opts.required ?? true) p.add(pointer, 'missing required field: options');
  return values;
}

/** initial_option(s) must be among the offered options, as Slack insists. */
export function checkInitialOptions(p: Problems, element: Node, offered: Set<string>, pointer: string): void {
  const initial = element.initial_options ?? (element.initial_option !== undefined ? [element.initial_option] : []);
  const field = element.initial_options !== undefined ? 'initial_options' : 'initial_option';
  if (!Array.isArray(initial)) return p.add(`${pointer}/${field}`, 'must be an array');
  initial.forEach((option, i) => {
    const at = field === 'initial_options' ? `${pointer}/${field}/${i}` : `${pointer}/${field}`;
    if (!isNode(option) || typeof option.value !== 'string' || !offered.has(option.value)) {
      p.add(at, 'must match one of the provided options');
    }
  });
}
