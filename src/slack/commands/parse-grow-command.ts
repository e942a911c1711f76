// Splits `/grow …` text into a subcommand and its arguments. Empty text is the check-in.
export interface ParsedGrowCommand {
  name: string;
  args: string[];
}

export function parseGrowCommand(text: string | undefined): ParsedGrowCommand {
  const words = (text ?? '').trim().split(/\s+/).filter(Boolean);
  const [first, ...args] = words;
  return { name: (first ?? '').toLowerCase(), args };
}
