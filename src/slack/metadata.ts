// private_metadata and button values are small zod-checked JSON documents, never ad hoc
// strings; a value that does not parse is treated as stale, not trusted.
import type { z } from 'zod';

export function encodeJson<T extends z.ZodTypeAny>(schema: T, data: z.input<T>): string {
  return JSON.stringify(schema.parse(data));
}

export function decodeJson<T extends z.ZodTypeAny>(schema: T, raw: string | undefined | null): z.output<T> | undefined {
  if (!raw) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
