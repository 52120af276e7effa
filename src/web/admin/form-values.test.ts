import { describe, expect, it } from 'vitest';
import { dateCases, figureCases } from '../../../test/helpers/japanese-input-cases.ts';
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
    const { issues } = parseForm('indicatorValue', { value: 'abc', 'source.documentId': 'd' });
    expect(issues).toContainEqual({
      field: 'value',
      message: expect.stringMatching(/数値ではありません.*\(value is not a number\)/),
    });
  });

  it('refuses a fraction where a whole number is needed and bad JSON', () => {
    expect(parseForm('source', { id: 's', documentId: 'd', line: '1.5' }).issues.map((i) => i.field)).toEqual(
      ['line'],
    );
    expect(parseForm('plan', { statusVocabulary: '[{' }).issues.map((i) => i.field)).toContain(
      'statusVocabulary',
    );
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
    expect(parseForm('indicatorValue', formValues('indicatorValue', record)).record).toEqual(record);
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
    expect(fieldOfIssue('indicatorValue', 'source.line')).toBe('source.line');
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

describe('the form reads what the importer reads (shared cases)', () => {
  const observation = (value: string, date = '2020-04') =>
    parseForm('indicatorValue', {
      id: 'o1',
      indicatorId: 'i1',
      role: 'observation',
      position: '0',
      value,
      date,
    });

  it.each(figureCases)('reads the value 「%s」 as %s', (text, value) => {
    const { record, issues } = observation(text);
    const valueIssues = issues.filter((issue) => issue.field === 'value');
    if (value === null) {
      expect(valueIssues).toEqual([
        { field: 'value', message: `「値 (value)」が数値ではありません (value is not a number)` },
      ]);
    } else {
      expect(valueIssues).toEqual([]);
      expect(record.value).toBe(value);
    }
  });

  it.each(dateCases)('reads the date 「%s」 as %s', (text, canonical) => {
    const { record, issues } = observation('1', text);
    const dateIssues = issues.filter((issue) => issue.field === 'date');
    if (canonical === null)
      expect(dateIssues[0]?.message).toMatch(/^「日付 \(date\)」が日付として読めません \(date is not a date/);
    else {
      expect(dateIssues).toEqual([]);
      expect(record.date).toBe(canonical);
    }
  });

  it('keeps a printed value’s text and qualifier when the form leaves them blank', () => {
    expect(observation('約4億1,200万円').record).toMatchObject({
      value: 412_000_000,
      text: '約4億1,200万円',
      qualifier: 'about',
    });
    expect(observation('１，００７').record).not.toHaveProperty('text');
    const typed = parseForm('indicatorValue', { value: '5万人', text: '5万人超', qualifier: 'more_than' });
    expect(typed.record).toMatchObject({ value: 50_000, text: '5万人超', qualifier: 'more_than' });
  });
});

describe('schema messages', () => {
  it('names the field in Japanese first instead of zod’s English', () => {
    const { issues } = parseForm('achievement', { id: 'a1', nodeId: '', title: '', dateBasis: 'event' });
    expect(issues).toContainEqual({
      field: 'nodeId',
      message: expect.stringMatching(/^「ノードID \(node id\)」/),
    });
    expect(issues).toContainEqual({
      field: 'title',
      message: '「実績 (title)」は必須です (title is required)',
    });
    for (const issue of issues) expect(issue.message).not.toMatch(/^Too small|^Invalid/);
  });

  it('words a choice outside the list and a bad id in Japanese', () => {
    const { issues } = parseForm('achievement', {
      id: 'Bad Id',
      nodeId: 'n1',
      title: 't',
      dateBasis: 'later',
    });
    expect(issues).toContainEqual({
      field: 'dateBasis',
      message:
        '「日付の根拠 (date basis)」は選択肢から選んでください (dateBasis must be one of event, reported)',
    });
    expect(issues.find((issue) => issue.field === 'id')?.message).toMatch(
      /^「ID（空欄なら自動で付けます \/ generated when left empty）」: ID は英小文字/,
    );
  });
});

describe('fiscal year', () => {
  const evaluation = (fiscalYear: string) => parseForm('evaluation', { fiscalYear });
  it('reads a year or a 年度, and refuses a calendar 年', () => {
    expect(evaluation('2020').record.fiscalYear).toBe(2020);
    expect(evaluation('令和2年度').record.fiscalYear).toBe(2020);
    expect(evaluation('２０２０年度').record.fiscalYear).toBe(2020);
    expect(evaluation('').record.fiscalYear).toBeNull();
    expect(evaluation('令和2年').issues).toContainEqual({
      field: 'fiscalYear',
      message: expect.stringMatching(/^「年度 \(fiscal year\)」が年度として読めません/),
    });
  });
});

describe('stored dates', () => {
  it('read back unchanged from the form, so an edit never alters or refuses a stored date', () => {
    for (const date of ['2020-01-15', '2020-01', '2021-autumn', 'FY2019', '2019', '<2016-04']) {
      const record = { ...parseForm('achievement', { date }).record };
      expect(record.date, date).toBe(date);
    }
  });
});
