import { describe, expect, it } from 'vitest';
import { timeOrderedId } from './time-ordered-id.ts';

const uuidV7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('timeOrderedId', () => {
  it('makes distinct UUIDv7 ids that sort in the order they were made, many within one millisecond', () => {
    const ids = Array.from({ length: 10_000 }, () => timeOrderedId(1_733_300_000_000));
    for (const id of ids) expect(id).toMatch(uuidV7);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it('keeps the order when the clock goes back, and starts with the time', () => {
    const later = timeOrderedId(2_000_000_000_000);
    const earlier = timeOrderedId(1_000_000_000_000);
    expect(earlier > later).toBe(true);
    expect(later.slice(0, 8)).toBe((2_000_000_000_000).toString(16).padStart(12, '0').slice(0, 8));
  });
});
