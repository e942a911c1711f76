// Every action id, view callback id, shortcut and slash command Grow listens for, defined
// here and nowhere else. Builders put them on buttons and modals, listeners register them;
// they are stable (messages already in Slack carry them), so change one only on purpose.

/** Buttons on nudge messages. */
export const NUDGE_ACTIONS = {
  followUpDone: 'followup_done',
  followUpPartly: 'followup_partly',
  followUpNotYet: 'followup_not_yet',
  followUpSnooze: 'followup_snooze',
  followUpReflect: 'followup_reflect',
  /** After a reflection that says what the leader will try next: make it the next action. */
  followUpNextAction: 'followup_next_action',
  prepAnswer: 'prep_answer',
  checkInOpen: 'checkin_open',
  reviewOpen: 'review_open',
  preconditionDone: 'precondition_done',
  preconditionNotYet: 'precondition_not_yet',
  sessionHeldYes: 'session_held_yes',
  sessionHeldNo: 'session_held_no',
} as const;

export type NudgeActionId = (typeof NUDGE_ACTIONS)[keyof typeof NUDGE_ACTIONS];

/** Elements of the check-in modal that answer as they change (the block id is a stable identifier too). */
export const CHECKIN_ACTIONS = {
  visibility: 'visibility',
  /** On the confirmation DM: reopen a saved check-in, prefilled, for its first 24 hours (the value is the check-in id). */
  edit: 'checkin_edit',
} as const;

/** Buttons and menus of the engagement surfaces (App Home, invitation DM). */
export const ENGAGEMENT_ACTIONS = {
  newOpen: 'engagement_new_open',
  accept: 'engagement_accept',
  decline: 'engagement_decline',
  contractingOpen: 'contracting_open',
  sessionMenu: 'session_menu',
  end: 'engagement_end',
  questionOpen: 'engagement_question_open',
  styleOpen: 'engagement_style_open',
} as const;

/** The leader's current action on App Home: done early, a new date, or a replacement (the value is the action id). */
export const CURRENT_ACTION_ACTIONS = {
  done: 'current_action_done',
  dateOpen: 'current_action_date_open',
  replaceOpen: 'current_action_replace_open',
} as const;

/** The coach's roster on App Home: a brief now, and its pages. */
export const COACH_ACTIONS = {
  briefNow: 'coach_brief_now',
  noteOpen: 'coach_note_open',
  recapOpen: 'coach_recap_open',
  /** On the leader's recap DM: open the check-in with the recap as the action. */
  recapMakeAction: 'recap_make_action',
  rosterPrevious: 'coach_roster_previous',
  rosterNext: 'coach_roster_next',
} as const;

/** The offer Grow makes when a leader types in its DM: keep it as a reflection, with this visibility. */
export const DM_REPLY_ACTIONS = {
  keepPrivate: 'dm_reply_keep_private',
  keepSummary: 'dm_reply_keep_summary',
  keepShared: 'dm_reply_keep_shared',
} as const;

/** A person's own settings and data. */
export const PERSON_ACTIONS = {
  settingsOpen: 'settings_open',
  eraseData: 'personal_data_delete',
} as const;

/** Modal callback ids. */
export const CALLBACKS = {
  checkIn: 'grow_checkin',
  moment: 'save_moment_submit',
  settings: 'settings',
  engagementNew: 'engagement_new',
  contracting: 'engagement_contracting',
  reschedule: 'session_reschedule',
  cancelSession: 'session_cancel',
  endEngagement: 'engagement_end_submit',
  reflect: 'followup_reflection',
  nextAction: 'followup_next_action_submit',
  prep: 'session_prep',
  review: 'target_review',
  coachQuestion: 'engagement_question_add',
  coachNote: 'coach_note_add',
  coachRecap: 'coach_recap_send',
  style: 'engagement_style',
  actionDate: 'current_action_date',
  actionReplace: 'current_action_replace',
} as const;

/** The stakeholder pulse: the stakeholder's DM and modal, the leader's picker, results and sharing. */
export const PULSE_ACTIONS = {
  answerOpen: 'pulse_answer_open',
  decline: 'pulse_decline',
  shareSummary: 'pulse_share_summary',
  shareFull: 'pulse_share_full',
  stakeholdersOpen: 'pulse_stakeholders_open',
  resultsOpen: 'pulse_results_open',
} as const;

/** The stakeholder pulse's modals. */
export const PULSE_CALLBACKS = {
  answer: 'pulse_answer',
  stakeholders: 'pulse_stakeholders',
} as const;

/** Message shortcuts (declared in manifest.yml). */
export const SHORTCUTS = { saveMoment: 'save_moment' } as const;

/** The slash command (declared in manifest.yml). */
export const SLASH_COMMAND = '/grow';

/** The sponsor's questions, and the leader passing the sponsor's answer on. */
export const SPONSOR_ACTIONS = {
  answerOpen: 'sponsor_answer_open',
  shareChange: 'sponsor_change_share',
} as const;

export const SPONSOR_CALLBACKS = { answer: 'sponsor_answer' } as const;

/** App Home → Programme: the admins' buttons and modals. */
export const PROGRAMME_ACTIONS = {
  rolesOpen: 'programme_roles_open',
  cohortOpen: 'programme_cohort_open',
} as const;

export const PROGRAMME_CALLBACKS = { roles: 'programme_roles', cohort: 'programme_cohort' } as const;
