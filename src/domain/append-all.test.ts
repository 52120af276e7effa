import { describe, expect, it } from 'vitest';
import { appendAll } from './append-all.ts';

describe('appendAll', () => {
  it('appends in order and returns the target', () => {
    const target = [1];
    expect(appendAll(target, [2, 3])).toBe(target);
    expect(target).toEqual([1, 2, 3]);
  });

  it('appends more items than a spread call can pass', () => {
    const many = Array.from({ length: 500_000 }, (_, i) => i);
    expect(() => [].push(...(many as never[]))).toThrow(RangeError);
    expect(appendAll([], many)).toHaveLength(500_000);
  });
});
