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

  it('reads a list of vocabulary entries by code and label, and keeps its JSON where only a colour changed', () => {
    const done = { code: 'done', label: '完了', labelEn: 'Done', color: '#1a7', countsAsDone: true };
    const started = {
      code: 'started',
      label: '着手',
      labelEn: 'Started',
      color: '#77a',
      countsAsDone: false,
    };
    expect(changedFields({ statusVocabulary: [done] }, { statusVocabulary: [done, started] })).toEqual([
      { field: 'statusVocabulary', before: 'done: 完了', after: 'done: 完了、started: 着手' },
    ]);
    const recoloured = { ...done, color: '#085' };
    const [change] = changedFields({ statusVocabulary: [done] }, { statusVocabulary: [recoloured] });
    expect(change?.after).toContain('#085');
    expect(changedFields({ tags: ['a'] }, { tags: ['a', 'b'] })).toEqual([
      { field: 'tags', before: 'a', after: 'a、b' },
    ]);
  });
});
