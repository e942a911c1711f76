// The app's surface beyond the check-in, in one place so it is easy to see: the `/grow`
// subcommands, the App Home sections and the listeners of engagements, settings and
// personal data. (The messages Grow sends are defined per kind in `jobs/kinds/`.)
import type { Extensions } from './slack/app.js';
import { briefSubcommand } from './slack/commands/brief.js';
import { coachSubcommand } from './slack/commands/coach.js';
import { pauseSubcommand, resumeSubcommand } from './slack/commands/pause.js';
import { deleteSubcommand, exportSubcommand, registerPersonalData } from './slack/commands/personal-data.js';
import type { HomeSection } from './slack/listeners/app-home.js';
import { registerCoachRoster } from './slack/listeners/coach-roster.js';
import { createHomeRefresher } from './slack/listeners/engagement-interaction.js';
import { coachHomeSection, leaderEngagementSection } from './slack/listeners/engagement-home.js';
import { engagementRegistrations } from './slack/listeners/engagement-register.js';
import { registerSettings, settingsSection } from './slack/listeners/settings.js';
import { registerPulseAnswer } from './slack/listeners/pulse-answer.js';
import { registerPulseLeader, stakeholdersHomeSection } from './slack/listeners/pulse-leader.js';
import { programmeHomeSection, registerProgramme, sponsorHomeSection } from './slack/listeners/programme.js';
import { leaderSponsorSection, registerSponsorAnswer } from './slack/listeners/sponsor-answer.js';
import { reportSubcommand } from './slack/commands/report.js';

export function createAppSurface(): Extensions {
  // One list, so a refresh after a change re-draws every section, not only the engagement's.
  const homeSections: HomeSection[] = [leaderEngagementSection, leaderSponsorSection, stakeholdersHomeSection, coachHomeSection, sponsorHomeSection, programmeHomeSection, settingsSection];
  const refreshHome = createHomeRefresher(homeSections);
  return {
    subcommands: [coachSubcommand, briefSubcommand, pauseSubcommand, resumeSubcommand, exportSubcommand, deleteSubcommand, reportSubcommand],
    homeSections,
    register: [...engagementRegistrations(refreshHome), registerCoachRoster(refreshHome), registerSettings(refreshHome), registerPersonalData, registerPulseAnswer, registerPulseLeader(refreshHome), registerSponsorAnswer(refreshHome), registerProgramme(refreshHome)],
  };
}
