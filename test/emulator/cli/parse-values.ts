// Parses `key=value key="quoted value" multi=a,b` from a console line into submitView values.

export function parseValues(input: string): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  const pattern = /(\w[\w-]*)=(?:"([^"]*)"|(\S+))/g;
  for (const match of input.matchAll(pattern)) {
    const key = match[1] as string;
    const quoted = match[2];
    const bare = match[3] ?? '';
    values[key] = quoted !== undefined ? quoted : bare.includes(',') ? bare.split(',') : bare;
  }
  return values;
}
