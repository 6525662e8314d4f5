// The notes a user reads, most important first, with skipped rows grouped and "and N more" where cut.
import { describe, expect, it } from 'vitest';
import { ingestRows } from '../../../src/core/ingest';
import { firstNotes, userNotes } from '../../../src/core/portfolio/notes';

describe('userNotes', () => {
  const result = ingestRows([
    ['Customer', 'Revenue', 'Growth', 'Stage'],
    ['Acme Inc.', 100, '5 %', 'Basic'],
    [],
    ['ACME, LLC', 200, 'soon', 'Basic'],
    ['Borg', 300, '(10,0) %', 'Basic'],
    [],
    ['Cyan', 50, '1 %', 'Basic'],
    ['Total', 650, null, null],
  ], { sourceName: 'list.csv' });

  it('puts cells not read first, then rows left out (grouped), then merged names, then how the table was read', () => {
    const notes = userNotes(result, [{ code: 'strength-flat', message: 'Relative strength is 0.75 for every account…' }]);
    expect(notes.map((n) => n.code)).toEqual(['NOT_A_NUMBER', 'BLANK_ROW', 'TOTALS_ROW', 'strength-flat', 'NEAR_DUPLICATE_ACCOUNTS', 'KIND_DETECTED']);
    expect(notes[0]!.message).toMatch(/^Column C \("Growth"\) of list\.csv should hold numbers, but row 4 holds text such as "soon"; those cells were left blank \(an attractiveness factor scores a blank at the middle of its scale, and the portfolio names those accounts\)/);
    expect(notes[1]!.message).toBe('Blank rows 3 and 6 were skipped.');
  });

  it('cuts the list with "and N more"', () => {
    const notes = userNotes(result);
    expect(firstNotes(notes, 2, 'json')).toEqual([notes[0]!.message, notes[1]!.message, `… and ${notes.length - 2} more with --json.`]);
    expect(firstNotes(notes, 50)).toHaveLength(notes.length);
  });
});
