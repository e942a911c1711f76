// Plain-text rendering of messages and views for the developer console: enough to read
// what the app said and see which action_ids can be clicked.

import type { Json } from '../state-types.js';

function textOf(value: unknown): string {
  const node = value as { text?: unknown } | undefined;
  return typeof node?.text === 'string' ? node.text : '';
}

function elementLine(element: Json): string {
  const id = String(element.action_id ?? '');
  if (element.type === 'button') return `[${textOf(element.text)}](${id})`;
  const options = Array.isArray(element.options) ? (element.options as Json[]).map((o) => String(o.value)).join('|') : '';
  return `<${String(element.type)} ${id}${options ? ` ${options}` : ''}>`;
}

export function renderBlocks(blocks: Json[] | undefined, indent = '  '): string[] {
  const lines: string[] = [];
  for (const block of blocks ?? []) {
    switch (block.type) {
      case 'header': lines.push(`${indent}# ${textOf(block.text)}`); break;
      case 'section': {
        if (block.text) lines.push(...textOf(block.text).split('\n').map((l) => indent + l));
        for (const field of (block.fields as Json[] | undefined) ?? []) lines.push(`${indent}  · ${textOf(field)}`);
        if (block.accessory) lines.push(`${indent}  ${elementLine(block.accessory as Json)}`);
        break;
      }
      case 'context': lines.push(`${indent}(${((block.elements as Json[]) ?? []).map(textOf).join(' ')})`); break;
      case 'actions': lines.push(indent + ((block.elements as Json[]) ?? []).map(elementLine).join('  ')); break;
      case 'input': {
        const element = block.element as Json;
        const optional = block.optional === true ? ' (optional)' : '';
        lines.push(`${indent}${String(block.block_id)}${optional}: ${textOf(block.label)} ${elementLine(element)}`);
        break;
      }
      case 'divider': lines.push(`${indent}---`); break;
      default: lines.push(`${indent}[${String(block.type)}]`);
    }
  }
  return lines;
}

export function renderMessage(message: Json): string {
  const head = `${String(message.ts)} ${message.bot_id ? 'app' : String(message.user)}: ${String(message.text ?? '')}`;
  return [head, ...renderBlocks(message.blocks as Json[] | undefined)].join('\n');
}

export function renderView(view: Json): string {
  const title = textOf(view.title) || String(view.type);
  return [`${String(view.id)} «${title}» callback_id=${String(view.callback_id ?? '')}`, ...renderBlocks(view.blocks as Json[])].join('\n');
}
