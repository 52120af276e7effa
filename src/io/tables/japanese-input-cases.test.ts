/** The importer's value and date cells read the shared cases; the admin forms are tested on the same table. */
import { describe, expect, it } from 'vitest';
import { dateCases, figureCases } from '../../../test/helpers/japanese-input-cases.ts';
import { date, figure, optional, required } from './cells.ts';
import { valueTableColumns } from './indicator-values-table.ts';

const valueCell = required(valueTableColumns.value, figure);
const dateCell = optional(valueTableColumns.date, date);

describe('the importer’s cells on the shared cases', () => {
  it.each(figureCases)('reads the value 「%s」 as %s', (text, value) => {
    const read = valueCell.safeParse(text);
    expect(read.success ? read.data.value : null).toBe(value);
  });

  it.each(dateCases)('reads the date 「%s」 as %s', (text, canonical) => {
    const read = dateCell.safeParse(text);
    expect(read.success ? read.data : null).toBe(canonical);
  });
});
