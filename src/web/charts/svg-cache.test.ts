import { describe, expect, it } from 'vitest';
import { SvgCache } from './svg-cache.ts';

describe('SvgCache', () => {
  it('computes a value once per key', () => {
    const cache = new SvgCache(2);
    let calls = 0;
    const compute = () => `<svg>${++calls}</svg>`;
    expect(cache.get('a', compute)).toBe('<svg>1</svg>');
    expect(cache.get('a', compute)).toBe('<svg>1</svg>');
    expect(calls).toBe(1);
  });

  it('remembers null too, so an indicator with nothing to plot is not drawn again', () => {
    const cache = new SvgCache(2);
    let calls = 0;
    const count =
      <T>(value: T) =>
      () => {
        calls++;
        return value;
      };
    cache.get('empty', count(null));
    expect(cache.get('empty', count('<svg/>'))).toBeNull();
    expect(calls).toBe(1);
  });

  it('drops the least recently used entry beyond its capacity', () => {
    const cache = new SvgCache(2);
    cache.get('a', () => 'A');
    cache.get('b', () => 'B');
    cache.get('a', () => 'A2');
    cache.get('c', () => 'C');
    expect(cache.size).toBe(2);
    expect(cache.get('a', () => 'A3')).toBe('A');
    expect(cache.get('b', () => 'B2')).toBe('B2');
  });
});
