import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoStore, openDemoStore } from '../../../test/helpers/demo-store.ts';
import { encodeCsv } from './csv-encoding.ts';
import { formatCsv } from './csv-writer.ts';
import { type PlanTables, planTableNames, planTables } from './plan-tables.ts';

describe('encodeCsv', () => {
  let demo: DemoStore;
  let tables: PlanTables;
  beforeAll(async () => {
    demo = await openDemoStore();
    tables = planTables(await demo.plan('ashiato-2024'));
  });
  afterAll(() => demo.close());

  it('starts UTF-8 with a byte order mark, then the CSV text', () => {
    const encoded = encodeCsv(tables.nodes, 'utf-8');
    if (!encoded.ok) throw new Error(encoded.error.message);
    expect([...encoded.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(encoded.bytes.subarray(3))).toBe(formatCsv(tables.nodes));
  });

  it.each(planTableNames)(
    'writes %s in Shift_JIS that decodes to the same text as the UTF-8 file',
    (name) => {
      const utf8 = encodeCsv(tables[name], 'utf-8');
      const sjis = encodeCsv(tables[name], 'shift_jis');
      if (!utf8.ok || !sjis.ok) throw new Error('demo text should encode');
      expect(sjis.bytes[0]).not.toBe(0xef);
      expect(iconv.decode(Buffer.from(sjis.bytes), 'cp932')).toBe(
        new TextDecoder().decode(utf8.bytes.subarray(3)),
      );
      // Not merely UTF-8 bytes under another name.
      expect(sjis.bytes.length).toBeLessThan(utf8.bytes.length);
    },
  );

  it('names the row and column of a character Shift_JIS cannot hold', () => {
    const table = structuredClone(tables.nodes);
    const title = table.columns.findIndex((c) => c.name === 'title');
    const row = table.rows[1];
    if (!row) throw new Error('demo changed');
    row[title] = '𠮷野家の前';
    const encoded = encodeCsv(table, 'shift_jis');
    expect(encoded).toMatchObject({
      ok: false,
      error: { row: 3, record: String(row[0]), column: 'title', character: '𠮷' },
    });
    expect(encoded.ok || encoded.error.message).toMatch(
      /^3行目「title」の文字「𠮷」\(U\+20BB7\) は Shift_JIS で表せません/,
    );
    expect(encodeCsv(table, 'utf-8').ok).toBe(true);
  });

  it('writes 〜 − ‖ ¢ £ ¬ — as the CP932 characters Windows shows for them', () => {
    const table = structuredClone(tables.nodes);
    const title = table.columns.findIndex((c) => c.name === 'title');
    table.rows[0]![title] = '4月〜6月 −5% ‖ ¢1 £2 ¬x 一—二';
    const encoded = encodeCsv(table, 'shift_jis');
    if (!encoded.ok) throw new Error(encoded.error.message);
    const text = iconv.decode(Buffer.from(encoded.bytes), 'cp932');
    expect(text).toContain('4月～6月 －5% ∥ ￠1 ￡2 ￢x 一―二');
    // The same bytes Windows (CP932) writes for these characters.
    expect([...encoded.bytes].map((b) => b.toString(16)).join(' ')).toContain(
      [...iconv.encode('～6月 －5% ∥ ￠1 ￡2 ￢x 一―', 'cp932')].map((b) => b.toString(16)).join(' '),
    );
  });

  it('reports a character it still cannot write, after the mapping, with its record and field', () => {
    const table = structuredClone(tables.nodes);
    const title = table.columns.findIndex((c) => c.name === 'title');
    table.rows[0]![title] = '4月〜6月 −5% ①は書けるが 🙂 は書けない';
    const encoded = encodeCsv(table, 'shift_jis');
    expect(encoded).toMatchObject({
      ok: false,
      error: { row: 2, record: String(table.rows[0]![0]), column: 'title', character: '🙂' },
    });
    expect(encoded.ok || encoded.error.message).toContain(`record ${table.rows[0]![0]}`);
  });
});
