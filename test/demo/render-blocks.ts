// Block Kit as a person would read it, in plain text for a terminal: headers, sections
// with their fields, context lines, dividers, buttons as `[ Done ]`, and mrkdwn made
// readable — mentions by name, links by label, `&lt;` and friends unescaped.
type Json = Record<string, unknown>;

export interface RenderOptions {
  /** Display names for `<@U…>` mentions; unknown ids show as `@U…`. */
  names?: Record<string, string>;
  /** How bold text is shown (e.g. ANSI in a terminal); markers are dropped by default. */
  bold?: (text: string) => string;
  /** How secondary text (context) is shown. */
  dim?: (text: string) => string;
}

const same = (text: string) => text;

/** Slack's mrkdwn, readable: entities, mentions, links and emphasis markers resolved. */
export function mrkdwnToText(text: string, options: RenderOptions = {}): string {
  const bold = options.bold ?? same;
  const withLinks = text.replace(/<([^<>]+)>/g, (_, inner: string) => {
    const [target, label] = splitOnce(inner, '|');
    if (target.startsWith('@')) return `@${options.names?.[target.slice(1)] ?? label ?? target.slice(1)}`;
    if (target.startsWith('#')) return `#${label ?? target.slice(1)}`;
    if (target.startsWith('!')) return `@${label ?? specialMention(target)}`;
    return label ? `${label} (${target})` : target;
  });
  const emphasised = withLinks
    .replace(/(^|[\s(“"'])\*([^*\n]+)\*(?=$|[\s).,;:!?”"'])/g, (_, before: string, inner: string) => `${before}${bold(inner)}`)
    .replace(/(^|[\s(“"'])_([^_\n]+)_(?=$|[\s).,;:!?”"'])/g, '$1$2')
    .replace(/(^|[\s(“"'])~([^~\n]+)~(?=$|[\s).,;:!?”"'])/g, '$1$2');
  // Entities last, so an escaped `&lt;@U1&gt;` written by a person stays text, not a mention.
  return emphasised.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

function specialMention(target: string): string {
  const name = target.slice(1).split('^')[0]!;
  return name.startsWith('subteam') ? 'group' : name;
}

/** A text object (plain_text or mrkdwn) as text. */
function textOf(value: unknown, options: RenderOptions): string {
  const node = value as { type?: string; text?: unknown } | undefined;
  if (typeof node?.text !== 'string') return '';
  return node.type === 'mrkdwn' ? mrkdwnToText(node.text, options) : node.text;
}

/** An interactive element as the control a person sees. */
function elementText(element: Json, options: RenderOptions): string {
  const label = textOf(element.text, options) || textOf(element.placeholder, options);
  switch (element.type) {
    case 'button':
      return `[ ${label} ]`;
    case 'overflow':
      return '[ ⋯ ]';
    case 'image':
      return `[image: ${String(element.alt_text ?? '')}]`;
    case 'datepicker':
      return `[ ${String(element.initial_date ?? (label || 'Pick a date'))} ▾ ]`;
    case 'timepicker':
      return `[ ${String(element.initial_time ?? (label || 'Pick a time'))} ▾ ]`;
    case 'plain_text_input':
      return '[ ____________ ]';
    case 'radio_buttons':
    case 'checkboxes': {
      const mark = element.type === 'radio_buttons' ? '( )' : '[ ]';
      return ((element.options as Json[] | undefined) ?? []).map((o) => `${mark} ${textOf(o.text, options)}`).join('  ');
    }
    default: {
      const initial = (element.initial_option as Json | undefined)?.text;
      return `[ ${initial ? textOf(initial, options) : label || 'Choose'} ▾ ]`;
    }
  }
}

function richTextOf(block: Json): string {
  const walk = (node: unknown): string => {
    const n = node as Json;
    if (typeof n.text === 'string') return n.text;
    if (n.type === 'user') return `@${String(n.user_id)}`;
    if (n.type === 'link') return String(n.text ?? n.url);
    if (Array.isArray(n.elements)) return n.elements.map(walk).join(n.type === 'rich_text_list' ? '\n' : '');
    return '';
  };
  return ((block.elements as unknown[]) ?? []).map(walk).join('\n');
}

/** The blocks of a message (or a view) as lines of text. */
export function renderBlocks(blocks: unknown[] | undefined, options: RenderOptions = {}): string[] {
  const bold = options.bold ?? same;
  const dim = options.dim ?? same;
  const lines: string[] = [];
  for (const raw of blocks ?? []) {
    const block = raw as Json;
    switch (block.type) {
      case 'header': {
        const title = textOf(block.text, options);
        lines.push(bold(title), '═'.repeat(Math.min(title.length, 60)));
        break;
      }
      case 'section': {
        const body = textOf(block.text, options);
        const accessory = block.accessory ? elementText(block.accessory as Json, options) : '';
        if (body) lines.push(...body.split('\n'));
        for (const field of (block.fields as Json[] | undefined) ?? []) lines.push(...textOf(field, options).split('\n').map((l) => `  ${l}`));
        if (accessory) lines.push(`  ${accessory}`);
        break;
      }
      case 'context': {
        const parts = ((block.elements as Json[]) ?? []).map((e) => (e.type === 'image' ? '' : textOf(e, options))).filter(Boolean);
        lines.push(...parts.join('  ·  ').split('\n').map(dim));
        break;
      }
      case 'actions':
        lines.push(((block.elements as Json[]) ?? []).map((e) => elementText(e, options)).join('  '));
        break;
      case 'input': {
        const optional = block.optional === true ? dim(' (optional)') : '';
        lines.push(`${textOf(block.label, options)}${optional}`, `  ${elementText(block.element as Json, options)}`);
        break;
      }
      case 'divider':
        lines.push('─'.repeat(40));
        break;
      case 'image':
        lines.push(`[image: ${String(block.alt_text ?? '')}]`);
        break;
      case 'rich_text':
        lines.push(...richTextOf(block).split('\n'));
        break;
      default:
        lines.push(dim(`[${String(block.type)}]`));
    }
  }
  return lines;
}

/** A message as read in Slack: its blocks, or its fallback text when it has none. */
export function renderMessage(message: { text?: unknown; blocks?: unknown }, options: RenderOptions = {}): string[] {
  const blocks = Array.isArray(message.blocks) ? message.blocks : [];
  if (blocks.length > 0) return renderBlocks(blocks, options);
  return typeof message.text === 'string' ? mrkdwnToText(message.text, options).split('\n') : [];
}
