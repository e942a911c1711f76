import { describe, expect, it } from 'vitest';
import { COACH_NOTE_MAX, parseCoachNote, sessionForNote } from '../../../src/domain/notes/coach-note.js';

const at = (iso: string) => new Date(iso);
const sessions = [
  { id: 's1', scheduledAt: at('2026-03-02T10:00:00Z'), status: 'held' },
  { id: 's2', scheduledAt: at('2026-03-09T10:00:00Z'), status: 'cancelled' },
  { id: 's3', scheduledAt: at('2026-03-16T10:00:00Z'), status: 'scheduled' },
];

describe('a coach note', () => {
  it('is about the last session that started, skipping cancelled ones', () => {
    expect(sessionForNote(sessions, at('2026-03-10T09:00:00Z'))?.id).toBe('s1');
    expect(sessionForNote(sessions, at('2026-03-16T11:00:00Z'))?.id).toBe('s3');
  });

  it('before any session, is about the next one; with none, about none', () => {
    expect(sessionForNote(sessions, at('2026-03-01T00:00:00Z'))?.id).toBe('s1');
    expect(sessionForNote([], at('2026-03-01T00:00:00Z'))).toBeNull();
  });

  it('keeps its words and line breaks, refuses empty and overlong text', () => {
    expect(parseCoachNote({ note: '  one\ntwo  ' })).toEqual({ ok: true, text: 'one\ntwo' });
    expect(parseCoachNote({ note: ' ' })).toMatchObject({ ok: false, errors: { note: expect.any(String) } });
    expect(parseCoachNote({})).toMatchObject({ ok: false });
    expect(parseCoachNote({ note: 'x'.repeat(COACH_NOTE_MAX + 1) })).toMatchObject({ ok: false, errors: { note: expect.stringContaining(String(COACH_NOTE_MAX)) } });
  });
});
