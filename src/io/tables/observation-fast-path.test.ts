import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indicatorValuesTable } from './indicator-values-table.ts';
import { fastObservation } from './observation-fast-path.ts';

const blankRecord = Object.fromEntries(indicatorValuesTable.columns.map((c) => [c.name, '']));
const cell = (...texts: string[]) => fc.oneof(fc.constantFrom(...texts), fc.string({ maxLength: 4 }));

// Cells from the seeds' printed forms, near misses and noise.
const records = fc.record({
  indicatorId: cell('i.a', 'mirai-2016.i.furusato-nozei', 'I.A', ''),
  date: cell('H28', '令和元年度', '2020-01', 'FY2019', '2020-13', '', 'そのうち'),
  value: cell('102件', '3億4300万', '約3200時間', '19.8%', '23億2107万円余', 'abc', ''),
  unit: cell('', '件', '円', '時間'),
  sourceDocumentId: cell('komoro-pride-vol5', 'Komoro', ''),
  sourceLine: cell('', '89', '0', '1.5', '34行'),
  sourceQuote: cell('', '1月現在/3億4300万'),
  text: cell('', '3億4300万円'),
  role: cell('', '', 'target'),
  fiscalYear: cell('', '', '2019', '2020'),
});

describe('the observations fast path', () => {
  it('gives what the schema gives whenever it answers, and answers for plain rows', () => {
    fc.assert(
      fc.property(records, (cells) => {
        const record = { ...blankRecord, ...cells };
        const fast = fastObservation(record);
        if (fast === undefined) return;
        const parsed = indicatorValuesTable.schema.safeParse(record);
        expect(parsed.success).toBe(true);
        expect(fast).toEqual(parsed.data);
      }),
      { numRuns: 2_000 },
    );
  });

  it('takes the common row itself and leaves an unreadable cell to the schema', () => {
    const plain = {
      ...blankRecord,
      indicatorId: 'i.a',
      date: '令和元年度',
      value: '約3200時間',
      sourceDocumentId: 'komoro-pride-vol5',
      sourceLine: '89',
    };
    expect(fastObservation(plain)).toMatchObject({
      date: 'FY2019',
      value: 3200,
      qualifier: 'about',
      sourceLine: 89,
    });
    expect(fastObservation({ ...plain, value: 'abc' })).toBeUndefined();
    expect(fastObservation({ ...plain, role: 'target' })).toBeUndefined();
  });
});
