// Turns the raw body of a Slack request into the object Bolt expects: JSON for events,
// form fields for slash commands, and a JSON `payload` field for interactions.
export type ParsedBody = { ok: true; body: Record<string, unknown> } | { ok: false; reason: string };

export function parseSlackBody(rawBody: string, contentType: string | undefined): ParsedBody {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  try {
    if (type === 'application/json') {
      const body: unknown = JSON.parse(rawBody);
      return isRecord(body) ? { ok: true, body } : { ok: false, reason: 'body is not an object' };
    }
    if (type === 'application/x-www-form-urlencoded') {
      const form = Object.fromEntries(new URLSearchParams(rawBody));
      if (typeof form.payload === 'string') {
        const payload: unknown = JSON.parse(form.payload);
        return isRecord(payload) ? { ok: true, body: payload } : { ok: false, reason: 'payload is not an object' };
      }
      if (Object.keys(form).length === 0) return { ok: false, reason: 'empty form' };
      return { ok: true, body: form };
    }
  } catch {
    return { ok: false, reason: 'malformed body' };
  }
  return { ok: false, reason: `unsupported content type ${type || '(none)'}` };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
