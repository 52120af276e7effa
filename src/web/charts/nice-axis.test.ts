import { describe, expect, it } from 'vitest';
import { niceAxisBounds, niceCeil } from './nice-axis.ts';

describe('niceCeil', () => {
  it('rounds up to a number a tick can carry', () => {
    expect(niceCeil(29.2)).toBe(30);
    expect(niceCeil(45)).toBe(50);
    expect(niceCeil(812)).toBe(1000);
    expect(niceCeil(343_000_000)).toBe(400_000_000);
    expect(niceCeil(2.0000000010000002e-6)).toBe(2.5e-6);
  });
});

describe('niceAxisBounds', () => {
  it('runs from 0 past the target', () => {
    expect(niceAxisBounds([19.8, 29.2, 45], false)).toEqual({ min: 0, max: 50 });
  });

  it('goes below 0 for a negative value', () => {
    expect(niceAxisBounds([-12.81, 3], false)).toEqual({ min: -15, max: 3 });
  });

  it('starts a rank axis at 1位 and leaves room below the last rank', () => {
    expect(niceAxisBounds([25], true)).toEqual({ min: 1, max: 30 });
    expect(niceAxisBounds([1], true)).toEqual({ min: 1, max: 5 });
  });

  it('leaves the axis to ECharts when there is no finite value', () => {
    expect(niceAxisBounds([Number.NaN], false)).toEqual({});
  });
});
