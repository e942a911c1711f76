// The features beyond the check-in plug in here: extra `/grow` subcommands, App Home
// sections and listeners. Kept in one place so the app's surface is easy to see.
import { coachSubjects } from '../jobs/coach-subjects.js';
import type { ExtraSubjects } from '../jobs/nudge-subject.js';
import { invitationSubject } from './services/engagement-invitation.js';
import type { Extensions } from './slack/app.js';
import { coachSubcommand } from './slack/commands/coach.js';
import { pauseSubcommand, resumeSubcommand } from './slack/commands/pause.js';
import { deleteSubcommand, exportSubcommand, registerPersonalData } from './slack/commands/personal-data.js';
import type { HomeSection } from './slack/listeners/app-home.js';
import { createHomeRefresher } from './slack/listeners/engagement-interaction.js';
import { coachHomeSection, leaderEngagementSection } from './slack/listeners/engagement-home.js';
import { engagementRegistrations } from './slack/listeners/engagement-register.js';
import { registerSettings, settingsSection } from './slack/listeners/settings.js';

export function createExtensions(): Extensions {
  // One list, so a refresh after a change re-draws every section, not only the engagement's.
  const homeSections: HomeSection[] = [leaderEngagementSection, coachHomeSection, settingsSection];
  const refreshHome = createHomeRefresher(homeSections);
  return {
    subcommands: [coachSubcommand, pauseSubcommand, resumeSubcommand, exportSubcommand, deleteSubcommand],
    homeSections,
    register: [...engagementRegistrations(refreshHome), registerSettings(refreshHome), registerPersonalData],
  };
}

/** Nudge kinds that bring their own renderer, for the sender's `extraSubjects`. */
export function createNudgeSubjects(): ExtraSubjects {
  return { invitation: invitationSubject, ...coachSubjects };
}
