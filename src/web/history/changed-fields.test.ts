import { describe, expect, it } from 'vitest';
import { changedFields } from './changed-fields.ts';

describe('changedFields', () => {
  it('lists only the fields whose values differ, nested ones by dotted path', () => {
    const before = { title: '旧', status: 'in_progress', source: { documentId: 'd', line: 3 } };
    const after = { title: '旧', status: 'done', source: { documentId: 'd', line: 4 } };
    expect(changedFields(before, after)).toEqual([
      { field: 'status', before: 'in_progress', after: 'done' },
      { field: 'source.line', before: '3', after: '4' },
    ]);
  });

  it('shows every field of a created or deleted record against nothing', () => {
    expect(changedFields(null, { title: 'a' })).toEqual([{ field: 'title', before: null, after: 'a' }]);
    expect(changedFields({ title: 'a' }, null)).toEqual([{ field: 'title', before: 'a', after: null }]);
  });
});
