import { describe, expect, it } from 'vitest';
import { recordSchemas } from '../../domain/editing/records.ts';
import { fieldMessage, fieldOfIssue, issuesByField } from './field-issues.ts';
import { formValues, parseForm, submittedValues } from './form-values.ts';

describe('parseForm', () => {
  it('builds nested objects from dotted names and types numbers, checkboxes and lines', () => {
    const { record, issues } = parseForm('achievement', {
      id: 'a1',
      nodeId: 'n1',
      position: '2',
      title: '危機管理課の創設',
      date: '',
      dateBasis: 'reported',
      highlight: 'on',
      details: 'one\n\n two \n',
      'source.documentId': 'komoro-pride-vol5',
      'source.line': '12',
    });
    expect(issues).toEqual([]);
    expect(record).toMatchObject({ position: 2, date: null, highlight: true, details: ['one', 'two'] });
    expect(record.source).toEqual({ documentId: 'komoro-pride-vol5', line: 12 });
    expect(recordSchemas.achievement.safeParse(record).success).toBe(true);
  });

  it('names the field of a number it cannot read, in Japanese and English', () => {
    const { issues } = parseForm('observation', { value: '十', 'source.documentId': 'd' });
    expect(issues).toContainEqual({
      field: 'value',
      message: expect.stringMatching(/数値ではありません.*\(value is not a number\)/),
    });
  });

  it('refuses a fraction where a whole number is needed and bad JSON', () => {
    expect(parseForm('source', { id: 's', documentId: 'd', line: '1.5' }).issues.map((i) => i.field)).toEqual(
      ['line'],
    );
    expect(parseForm('plan', { statusVocabulary: '[{' }).issues.map((i) => i.field)).toEqual([
      'statusVocabulary',
    ]);
  });

  it('drops a node’s optional source when its document is empty', () => {
    const { record } = parseForm('node', { id: 'x', kind: 'policy', title: 't', 'source.line': '3' });
    expect(record).not.toHaveProperty('source');
    expect(record).not.toHaveProperty('statusSource');
  });
});

describe('formValues', () => {
  it('turns a record back into the strings its form parses to the same record', () => {
    const record = {
      id: 'i1',
      indicatorId: 'ind',
      role: 'observation',
      position: 0,
      value: 19.8,
      date: 'FY2015',
      qualifier: null,
      outOf: null,
      rankOf: null,
      source: { documentId: 'd', line: 4 },
    };
    expect(parseForm('observation', formValues('observation', record)).record).toEqual(record);
  });

  it('keeps only the entity’s own fields from a submitted body', () => {
    const values = submittedValues('source', { id: 's', _csrf: 't', line: '3', evil: 'x' });
    expect(values).toMatchObject({ id: 's', line: '3', quote: '' });
    expect(values).not.toHaveProperty('evil');
  });
});

describe('fieldOfIssue', () => {
  it('finds the nearest form field of a nested path', () => {
    expect(fieldOfIssue('plan', 'ratingScale.grades.0.min')).toBe('ratingScale');
    expect(fieldOfIssue('observation', 'source.line')).toBe('source.line');
    expect(fieldOfIssue('node', 'nowhere')).toBe('');
  });

  it('groups messages per field', () => {
    const grouped = issuesByField('source', [
      { field: 'line', message: 'a' },
      { field: 'line', message: 'b' },
      { field: '', message: 'c' },
    ]);
    expect(grouped.get('line')).toEqual(['a', 'b']);
    expect(grouped.get('')).toEqual(['c']);
  });
});

describe('fieldMessage', () => {
  const spec = { name: 'title', label: '名称 (title)' };
  it('names the field in both languages around an English-only schema message', () => {
    expect(fieldMessage(spec, 'Too small')).toBe(
      '「名称 (title)」が正しくありません (invalid title): Too small',
    );
  });
  it('leaves a message that is already in Japanese alone', () => {
    expect(fieldMessage(spec, '「名称」は必須です (title is required)')).toBe(
      '「名称」は必須です (title is required)',
    );
  });
});
