import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { recordId } from './model.ts';
import { fieldOf, longText, shortText, textLimitOf, textLimits } from './text-limits.ts';

describe('text limits', () => {
  it('gives prose fields the long limit and every other text the short one', () => {
    expect(textLimitOf('description')).toBe(textLimits.long);
    expect(textLimitOf('sourceQuote')).toBe(textLimits.long);
    expect(textLimitOf('title')).toBe(textLimits.short);
    expect(textLimitOf('unit')).toBe(textLimits.short);
  });

  it('accepts text up to the limit and refuses one character more, naming the field', () => {
    const schema = z.object({ node: z.object({ title: shortText, description: longText }) });
    const at = { title: 'あ'.repeat(textLimits.short), description: 'い'.repeat(textLimits.long) };
    expect(schema.safeParse({ node: at }).success).toBe(true);
    const over = { title: `${at.title}x`, description: `${at.description}x` };
    const messages = schema.safeParse({ node: over }).error?.issues.map((i) => i.message);
    expect(messages).toEqual([
      '「node.title」は 500 文字以内にしてください (node.title is longer than 500 characters)',
      '「node.description」は 20,000 文字以内にしてください (node.description is longer than 20,000 characters)',
    ]);
  });

  it('refuses NUL, which PostgreSQL cannot store, naming the field', () => {
    const schema = z.object({ title: shortText, note: longText });
    expect(
      schema.safeParse({ title: 'a\u0000b', note: 'ok\tand\nlines' }).error?.issues.map((i) => i.message),
    ).toEqual(['「title」に NUL 文字は使えません (title contains a NUL character)']);
  });

  it('limits record ids to 100 characters', () => {
    expect(recordId.safeParse('a'.repeat(100)).success).toBe(true);
    expect(recordId.safeParse('a'.repeat(101)).error?.issues[0]?.message).toMatch(/100 文字以内/);
  });
});

describe('fieldOf', () => {
  it('names the field after the last array index', () => {
    expect(fieldOf(['plans', 0, 'nodes', 3, 'title'], 'x')).toBe('title');
    expect(fieldOf(['source', 'url'], 'x')).toBe('source.url');
    expect(fieldOf([], 'url')).toBe('url');
    expect(fieldOf(undefined, 'url')).toBe('url');
  });
});
