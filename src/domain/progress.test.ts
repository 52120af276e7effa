import { describe, expect, it } from 'vitest';
import { type ProgressUpdate, progressCounter } from './progress.ts';

describe('progressCounter', () => {
  it('reports the start at once, then every `every` units and the end, not every unit', () => {
    const updates: ProgressUpdate[] = [];
    const rows = progressCounter((u) => updates.push(u), 'check-rows', 2_500);
    for (let n = 0; n < 2_500; n += 1) rows.add();
    expect(updates.map((u) => u.done)).toEqual([0, 1_000, 2_000, 2_500]);
    expect(updates.every((u) => u.step === 'check-rows' && u.total === 2_500)).toBe(true);
  });

  it('counts batches, never past the total, and reports the end once', () => {
    const updates: ProgressUpdate[] = [];
    const files = progressCounter((u) => updates.push(u), 'write-files', 5, 1);
    files.add(2);
    files.add(4);
    files.add();
    expect(updates.map((u) => u.done)).toEqual([0, 2, 5]);
  });

  it('does nothing without a listener', () => {
    expect(() => progressCounter(undefined, 'write-rows', 10).add(10)).not.toThrow();
  });
});
