// A workspace that uninstalls Grow or revokes its tokens: its stored token is deleted, the
// installation is marked (planners skip it until it installs Grow again) and every
// pending nudge for the team is cancelled, in one transaction.
import { stopWorkspace } from '../../db/workspaces.js';
import type { ServiceContext } from './context.js';

/** How many pending nudges were cancelled. */
export const stopWorkspaceFor = (ctx: ServiceContext, teamId: string, reason: string): Promise<number> => stopWorkspace(ctx.db, teamId, reason, ctx.now());
