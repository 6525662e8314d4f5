// Tests for telling totals and summary rows from accounts, by label and by sums.
import { describe, expect, it } from 'vitest';
import { summaryLabelOf, TotalsTracker } from '../../../src/core/ingest/summary-rows';

describe('summaryLabelOf', () => {
  it.each([
    ['Total', 'totals'],
    ['TOTAL:', 'totals'],
    ['Totales', 'totals'],
    ['Grand total', 'totals'],
    ['Total general', 'totals'],
    ['Sum', 'totals'],
    ['Suma', 'totals'],
    ['Subtotal', 'totals'],
    ['Total Europe', 'totals-prefix'],
    ['Total Energies', 'totals-prefix'],
    ['Subtotal Retail', 'totals-prefix'],
    ['Average', 'summary'],
    ['Promedio', 'summary'],
    ['Media', 'summary'],
    ['TotalEnergies', null],
    ['Media Markt', null],
    ['Summit Foods', null],
    ['Acme', null],
  ])('reads the label %j as %s', (label, kind) => {
    expect(summaryLabelOf(label)).toBe(kind);
  });
});

describe('TotalsTracker', () => {
  it('recognises a grand total, a section subtotal, and needs two rows behind a sum', () => {
    const tracker = new TotalsTracker([3, 4]);
    tracker.addRow([100, 10]);
    expect(tracker.compare([100, 10])).toEqual({ matching: 0, differing: 2 });
    tracker.addRow([50.25, 5]);
    expect(tracker.compare([150.25, 15])).toEqual({ matching: 2, differing: 0 });
    expect(tracker.compare([150.25, null])).toEqual({ matching: 1, differing: 0 });
    expect(tracker.compare([150.25, 14])).toEqual({ matching: 1, differing: 1 });
    tracker.startSection();
    tracker.addRow([1, 1]);
    tracker.addRow([2, 2]);
    expect(tracker.compare([3, 3])).toEqual({ matching: 2, differing: 0 });
    expect(tracker.compare([153.25, 18])).toEqual({ matching: 2, differing: 0 });
  });

  it('accepts a total rounded to the unit on large sums', () => {
    const tracker = new TotalsTracker([0]);
    tracker.addRow([1234.4]);
    tracker.addRow([2000.4]);
    expect(tracker.compare([3235])).toEqual({ matching: 1, differing: 0 });
  });
});
