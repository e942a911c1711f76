// What of Slack's own client and framework narration may reach Grow's logs. At debug
// level @slack/web-api logs each request body, its headers and the full response, and
// Bolt logs what it is handling: all of them may carry a leader's words. Only the
// method, the outcome (ok / error code / HTTP status) and the fixed wording of a line
// pass; any other argument is dropped.

export interface SlackLogLine {
  msg: string;
  fields: Record<string, string | number | boolean>;
}

const METHOD = /^[a-zA-Z]+(\.[a-zA-Z0-9]+)+$/;
const SAFE_ID = /^[A-Z0-9]{6,15}$|^[a-z_]{1,40}$/;

function fromResult(json: string): Record<string, string | number | boolean> {
  try {
    const r = JSON.parse(json) as { ok?: unknown; error?: unknown };
    const fields: Record<string, string | number | boolean> = {};
    if (typeof r.ok === 'boolean') fields.ok = r.ok;
    if (typeof r.error === 'string' && SAFE_ID.test(r.error)) fields.error = r.error;
    return fields;
  } catch {
    return {};
  }
}

/** Fixed wording only: the first argument up to any colon, quote or brace, bounded. */
function wordingOf(first: unknown): string {
  if (first instanceof Error) return first.name;
  if (typeof first !== 'string') return 'slack client message';
  const cut = first.search(/[:{["'`\n]/);
  return (cut === -1 ? first : first.slice(0, cut)).slice(0, 80).trim() || 'slack client message';
}

/** Turns one Slack client/Bolt log call into a line with no free text, or null to drop it. */
export function filterSlackLog(args: unknown[]): SlackLogLine | null {
  const first = args[0];
  if (typeof first === 'string') {
    const call = /^apiCall\('([^']+)'\) (start|end)$/.exec(first);
    if (call && METHOD.test(call[1]!)) return { msg: `slack api call ${call[2]}`, fields: { method: call[1]! } };
    const url = /^http request url: \S*\/api\/([a-zA-Z0-9.]+)$/.exec(first);
    if (url && METHOD.test(url[1]!)) return { msg: 'slack http request', fields: { method: url[1]! } };
    // Bodies and headers say nothing an operator needs and everything a leader wrote.
    if (first.startsWith('http request body') || first.startsWith('http request headers')) return null;
    if (first.startsWith('http request result: ')) return { msg: 'slack http result', fields: fromResult(first.slice('http request result: '.length)) };
    const status = /status(?:Code)? ?:? ?(\d{3})/.exec(first);
    if (status) return { msg: wordingOf(first), fields: { status: Number(status[1]) } };
  }
  return { msg: wordingOf(first), fields: {} };
}
