// The shape every `/grow` subcommand has. Help is built from these, so it lists exactly
// what exists.
import type { SlashCommand } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Block } from '../blocks/kit.js';
import type { SlackDeps } from '../deps.js';

export interface SubcommandInput {
  command: SlashCommand;
  args: string[];
  client: WebClient;
  deps: SlackDeps;
  /** Acknowledges the command; with content, answers the user privately (ephemeral). */
  ack: (reply?: { text: string; blocks?: Block[] }) => Promise<void>;
}

export interface Subcommand {
  name: string;
  usage: string;
  description: string;
  run(input: SubcommandInput): Promise<void>;
}
