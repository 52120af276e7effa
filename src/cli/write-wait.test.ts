import { describe, expect, it } from 'vitest';
import { UsageError } from './command.ts';
import { writeWaitSecondsFrom } from './write-wait.ts';

describe('writeWaitSecondsFrom', () => {
  it('waits 5 s unless MIERUKA_WRITE_WAIT_SECONDS says otherwise', () => {
    expect(writeWaitSecondsFrom({})).toBe(5);
    expect(writeWaitSecondsFrom({ MIERUKA_WRITE_WAIT_SECONDS: ' ' })).toBe(5);
    expect(writeWaitSecondsFrom({ MIERUKA_WRITE_WAIT_SECONDS: '0.5' })).toBe(0.5);
    expect(writeWaitSecondsFrom({ MIERUKA_WRITE_WAIT_SECONDS: '30' })).toBe(30);
  });

  it.each(['-1', 'five', '3601'])('rejects %j in Japanese and English', (value) => {
    expect(() => writeWaitSecondsFrom({ MIERUKA_WRITE_WAIT_SECONDS: value })).toThrow(UsageError);
    expect(() => writeWaitSecondsFrom({ MIERUKA_WRITE_WAIT_SECONDS: value })).toThrow(
      /秒数です.*\(MIERUKA_WRITE/,
    );
  });
});
