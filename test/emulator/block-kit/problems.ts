// Collects Block Kit problems as Slack words them: "[ERROR] <what> [json-pointer:<where>]",
// plus the small checks (lengths, counts, text objects) every block and element shares.

export type Node = Record<string, unknown>;

export class Problems {
  readonly lines: string[] = [];

  add(pointer: string, message: string): void {
    this.lines.push(`[ERROR] ${message} [json-pointer:${pointer}]`);
  }

  /** Strings longer than `max` characters; Slack phrases this as "less than max+1". */
  maxLength(value: unknown, max: number, pointer: string): void {
    if (typeof value === 'string' && value.length > max) this.add(pointer, `must be less than ${max + 1} characters`);
  }

  maxItems(value: unknown, max: number, pointer: string): void {
    if (Array.isArray(value) && value.length > max) this.add(pointer, `no more than ${max} items allowed`);
  }

  required(node: Node, field: string, pointer: string): boolean {
    if (node[field] === undefined || node[field] === null) {
      this.add(pointer, `missing required field: ${field}`);
      return false;
    }
    return true;
  }

  /**
   * A text object: `plain_text` or `mrkdwn` (or only plain_text where Slack demands it),
   * with non-empty text no longer than `max`.
   */
  text(value: unknown, pointer: string, opts: { max: number; plainOnly?: boolean }): void {
    if (!isNode(value)) {
      this.add(pointer, 'must be a text object');
      return;
    }
    const allowed = opts.plainOnly ? ['plain_text'] : ['plain_text', 'mrkdwn'];
    if (!allowed.includes(value.type as string)) {
      this.add(`${pointer}/type`, `must be ${opts.plainOnly ? 'plain_text' : 'plain_text or mrkdwn'}`);
      return;
    }
    if (typeof value.text !== 'string') {
      this.add(`${pointer}/text`, 'missing required field: text');
      return;
    }
    if (value.text.length === 0) this.add(`${pointer}/text`, 'must be more than 0 characters');
    this.maxLength(value.text, opts.max, `${pointer}/text`);
  }

  optionalText(value: unknown, pointer: string, opts: { max: number; plainOnly?: boolean }): void {
    if (value !== undefined) this.text(value, pointer, opts);
  }

  /** action_id/block_id: strings of at most 255 characters. */
  identifier(value: unknown, max: number, pointer: string): void {
    if (value === undefined) return;
    if (typeof value !== 'string' || value.length === 0) {
      this.add(pointer, 'must be a non-empty string');
      return;
    }
    this.maxLength(value, max, pointer);
  }
}

export function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
