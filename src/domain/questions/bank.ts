// The question bank: every question Grow asks a leader between sessions, as data. Each
// entry names the moment it is asked at (a GROW stage of the check-in, a follow-up
// answer, a reflection, session prep, a review) and, when it belongs to one, the level
// of the five-level hierarchy it speaks to (null: any level). Open questions only; no
// advice (test/domain/questions/bank.test.ts reads every entry).
import type { QuestionUse } from './uses.js';

export interface BankQuestion {
  /** Stable: the last question asked is stored by id, so an id is never reused. */
  readonly id: string;
  readonly use: QuestionUse;
  readonly level: 1 | 2 | 3 | 4 | 5 | null;
  readonly text: string;
}

export const QUESTION_BANK = [
  // Goal — what the leader wants.
  { id: 'goal-01', use: 'goal', level: null, text: 'What do you want to be different two weeks from now?' },
  { id: 'goal-02', use: 'goal', level: null, text: 'What would make the next two weeks feel worthwhile to you?' },
  { id: 'goal-03', use: 'goal', level: null, text: 'If this went really well, what would people notice?' },
  { id: 'goal-04', use: 'goal', level: 1, text: 'What do you want to understand better about how you react under pressure?' },
  { id: 'goal-05', use: 'goal', level: 2, text: 'Which conversation do you want to go differently, and how would you like it to go?' },
  { id: 'goal-06', use: 'goal', level: 3, text: 'What do you want the people around you to feel when they work with you?' },
  { id: 'goal-07', use: 'goal', level: 4, text: 'Where do you want your team to be in a year, and what part of that matters most now?' },
  { id: 'goal-08', use: 'goal', level: 5, text: 'What do you want to leave behind in the people you lead?' },
  // Reality — what is happening now.
  { id: 'reality-01', use: 'reality', level: null, text: 'What is actually happening right now, as plainly as you can put it?' },
  { id: 'reality-02', use: 'reality', level: null, text: 'What have you already tried, and what did it teach you?' },
  { id: 'reality-03', use: 'reality', level: null, text: 'How would someone who works closely with you describe the situation?' },
  { id: 'reality-04', use: 'reality', level: 1, text: 'What do you notice in yourself when this situation comes up?' },
  { id: 'reality-05', use: 'reality', level: 2, text: 'What gets said in the room, and what stays unsaid?' },
  { id: 'reality-06', use: 'reality', level: 3, text: 'What might the other people involved be feeling about this?' },
  { id: 'reality-07', use: 'reality', level: 4, text: 'How does this connect to where the organisation is heading?' },
  { id: 'reality-08', use: 'reality', level: 5, text: 'Who around you is learning from how you handle this?' },
  // Options — what the leader could do.
  { id: 'options-01', use: 'options', level: null, text: 'What could you do, if nothing were holding you back?' },
  { id: 'options-02', use: 'options', level: null, text: 'What else could you do? And what else?' },
  { id: 'options-03', use: 'options', level: null, text: 'What would someone you admire do in your place?' },
  { id: 'options-04', use: 'options', level: 1, text: 'What could you do differently the next time you feel that reaction?' },
  { id: 'options-05', use: 'options', level: 2, text: 'Who could you bring into this, and how might you open that conversation?' },
  { id: 'options-06', use: 'options', level: 3, text: 'What might change if you shared more of what you are thinking?' },
  { id: 'options-07', use: 'options', level: 4, text: 'Which option would matter most a year from now?' },
  { id: 'options-08', use: 'options', level: 5, text: 'How could someone else on your team grow by owning part of this?' },
  // Will — what the leader will do.
  { id: 'will-01', use: 'will', level: null, text: 'What is the smallest step that would still count?' },
  { id: 'will-02', use: 'will', level: null, text: 'What will you do first, and when?' },
  { id: 'will-03', use: 'will', level: null, text: 'Who will see you do it?' },
  { id: 'will-04', use: 'will', level: 1, text: 'How will you know, in the moment, that you are doing it?' },
  { id: 'will-05', use: 'will', level: 2, text: 'Which conversation will you have, and with whom?' },
  { id: 'will-06', use: 'will', level: 3, text: 'What will you let people see that they have not seen before?' },
  { id: 'will-07', use: 'will', level: 4, text: 'What will you stop doing to make room for this?' },
  { id: 'will-08', use: 'will', level: 5, text: 'Whose growth will this step support?' },
  // After a follow-up answered "Done".
  { id: 'done-01', use: 'follow_up_done', level: null, text: 'What made it work?' },
  { id: 'done-02', use: 'follow_up_done', level: null, text: 'What did you notice when you did it?' },
  { id: 'done-03', use: 'follow_up_done', level: null, text: 'How did people respond?' },
  { id: 'done-04', use: 'follow_up_done', level: 1, text: 'What did doing it tell you about yourself?' },
  { id: 'done-05', use: 'follow_up_done', level: 2, text: 'How did the conversation change because of it?' },
  { id: 'done-06', use: 'follow_up_done', level: 3, text: 'What did it feel like to be that open?' },
  { id: 'done-07', use: 'follow_up_done', level: 4, text: 'What difference might this make over the coming months?' },
  { id: 'done-08', use: 'follow_up_done', level: 5, text: 'Who else might now do something similar?' },
  // After "Partly".
  { id: 'partly-01', use: 'follow_up_partly', level: null, text: 'What helped, and what got in the way?' },
  { id: 'partly-02', use: 'follow_up_partly', level: null, text: 'Which part went the way you hoped?' },
  { id: 'partly-03', use: 'follow_up_partly', level: null, text: 'What would the rest of it take?' },
  // After "Not yet".
  { id: 'notyet-01', use: 'follow_up_not_yet', level: null, text: 'What would make it possible before your next session?' },
  { id: 'notyet-02', use: 'follow_up_not_yet', level: null, text: 'What got in the way?' },
  { id: 'notyet-03', use: 'follow_up_not_yet', level: null, text: 'How much does this still matter to you, and why?' },
  // Reflect… on a follow-up.
  { id: 'happened-01', use: 'reflect_happened', level: null, text: 'What happened?' },
  { id: 'happened-02', use: 'reflect_happened', level: null, text: 'What did you see and hear when you tried it?' },
  { id: 'happened-03', use: 'reflect_happened', level: null, text: 'How did it unfold, from start to finish?' },
  { id: 'learned-01', use: 'reflect_learned', level: null, text: 'What did you learn?' },
  { id: 'learned-02', use: 'reflect_learned', level: null, text: 'What surprised you?' },
  { id: 'learned-03', use: 'reflect_learned', level: 1, text: 'What did you learn about your own reactions?' },
  { id: 'learned-04', use: 'reflect_learned', level: 2, text: 'What did you learn about how your words land?' },
  { id: 'learned-05', use: 'reflect_learned', level: 3, text: 'What did you learn about what others need from you?' },
  { id: 'learned-06', use: 'reflect_learned', level: 4, text: 'What did you learn about where to spend your attention?' },
  { id: 'learned-07', use: 'reflect_learned', level: 5, text: 'What did you learn about helping others lead?' },
  { id: 'next-01', use: 'reflect_next', level: null, text: 'What will you try next?' },
  { id: 'next-02', use: 'reflect_next', level: null, text: 'What would you do the same way next time, and what differently?' },
  { id: 'next-03', use: 'reflect_next', level: null, text: 'What is the next small experiment?' },
  // Session prep.
  // One real example to bring (what already happened was asked at the follow-up; prep shows it).
  { id: 'prep-example-01', use: 'prep_commitment', level: null, text: 'Which one real example would you like to bring: a moment, with who was there and what was said?' },
  { id: 'prep-commit-02', use: 'prep_commitment', level: null, text: 'Which moment from the last two weeks is worth talking about?' },
  { id: 'prep-example-03', use: 'prep_commitment', level: null, text: 'Which situation, exactly as it happened, would you like to look at together?' },
  { id: 'prep-want-01', use: 'prep_want', level: null, text: 'What do you want from the next session?' },
  { id: 'prep-want-02', use: 'prep_want', level: null, text: 'What would make the next session the most useful one yet?' },
  { id: 'prep-want-03', use: 'prep_want', level: 1, text: 'What about yourself would you like to look at more closely?' },
  { id: 'prep-want-04', use: 'prep_want', level: 2, text: 'Which working relationship would you like to talk through?' },
  { id: 'prep-want-05', use: 'prep_want', level: 3, text: 'Where would you like to be more open, and what makes that hard?' },
  { id: 'prep-want-06', use: 'prep_want', level: 4, text: 'Which decision ahead would you like to think through?' },
  { id: 'prep-want-07', use: 'prep_want', level: 5, text: 'Whose development would you like to think about together?' },
  // Reviews, looking back over the engagement.
  { id: 'review-01', use: 'review', level: null, text: 'Looking at these numbers, what are you most proud of?' },
  { id: 'review-02', use: 'review', level: null, text: 'What will you keep doing once the coaching ends?' },
  { id: 'review-03', use: 'review', level: null, text: 'What has changed in how you lead, and who has noticed?' },
  { id: 'review-04', use: 'review', level: null, text: 'What do these numbers leave out?' },
] as const satisfies readonly BankQuestion[];
