// The features beyond the check-in plug in here: extra `/grow` subcommands, App Home
// sections and listeners. Kept in one place so the app's surface is easy to see.
import type { Extensions } from './slack/app.js';

export function createExtensions(): Extensions {
  return { subcommands: [], homeSections: [], register: [] };
}
