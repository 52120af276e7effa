/** Files near the 200,000-row limit read in full: no step spreads every row into one call's arguments. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { largeFixture } from '../../../test/helpers/large-fixture.ts';
import { readTableFile } from './read-table.ts';

const rows = 190_000;

describe('reading a 190,000-row table', { tags: ['slow'] }, () => {
  it('reads every row of a CSV', async () => {
    const { csv } = largeFixture(rows, 950);
    const result = await readTableFile(new TextEncoder().encode(csv), { file: 'large.csv' });
    expect(result.ok && result.rows.length).toBe(rows);
  }, 120_000);

  it('reads every row of an XLSX', async () => {
    const { csv } = largeFixture(rows, 950);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('observations');
    for (const line of csv.trimEnd().split('\r\n')) {
      // The fixture quotes only the printed value, which holds no comma in the units used here but 千円.
      const cells = line
        .match(/("[^"]*"|[^,]*)(,|$)/g)!
        .slice(0, 6)
        .map((c) => c.replace(/,$/, '').replaceAll('"', ''));
      sheet.addRow(cells);
    }
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const result = await readTableFile(bytes, { file: 'large.xlsx' });
    expect(result.ok && result.rows.length).toBe(rows);
  }, 300_000);
});
