/** `mieruka import` of the Shift_JIS Oyabe table into an empty plan: dry run, mapping saved, commit, re-import. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureIo } from '../../test/helpers/cli-io.ts';
import { openDatabase } from '../store/db.ts';
import { runCli } from './run.ts';

const samples = new URL('../../test/fixtures/published-kpi', import.meta.url).pathname;
const organization = {
  organization: { id: 'oyabe', name: '小矢部市', kind: 'municipality' },
  documents: [{ id: 'oyabe-plan-doc', title: '小矢部市総合計画', publishedAt: '2001' }],
  plans: [
    {
      id: 'oyabe-plan',
      title: '小矢部市総合計画',
      kind: 'comprehensive_plan',
      periodStart: '2001',
      periodEnd: '2005',
      publishedAt: '2001',
      source: { documentId: 'oyabe-plan-doc' },
    },
  ],
};

describe('mieruka import <published KPI table>', () => {
  let dir: string;
  let db: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mieruka-kpi-import-'));
    db = join(dir, 'kpi.sqlite');
    const json = join(dir, 'oyabe.json');
    await writeFile(json, JSON.stringify(organization));
    expect(await runCli(['import', json, '--quiet'], captureIo(db))).toBe(0);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('prints each column with its guess in a dry run, saves the mapping, imports once, and changes nothing the second time', async () => {
    const file = `${samples}/oyabe-kpi.sjis.csv`;
    const dry = captureIo(db);
    const args = [
      'import',
      file,
      '--plan',
      'oyabe-plan',
      '--ignore',
      '区分',
      '--quiet',
      '--publish',
      '--accept-warnings',
    ];
    expect(await runCli([...args, '--dry-run', '--save-mapping', 'oyabe'], dry)).toBe(0);
    const out = dry.stdout.join('\n');
    expect(out).toContain('列 A「主要施策コード」→ ノードのコード (nodeCode)');
    expect(out).toContain('列 C「区分」→ 無視 (ignored)');
    expect(out).toContain('列 E「平成13年実績」→ 実績 (actual) 2001');
    expect(out).toContain('列 H「平成15年末見込」→ 見込: 取り込みません (forecast: not imported) 2003');
    expect(out).toContain('文字「設置」は数値ではないため値として保存できません');
    expect(out).toContain('追加 (create) node oyabe-plan.11204');
    expect(out).toContain('saved the column mapping as oyabe');
    expect(dry.stdout.at(-1)).toContain('dry run: nothing saved');

    const real = captureIo(db);
    expect(
      await runCli(
        [
          'import',
          file,
          '--plan',
          'oyabe-plan',
          '--mapping',
          'oyabe',
          '--quiet',
          '--publish',
          '--accept-warnings',
        ],
        real,
      ),
    ).toBe(0);
    expect(real.stdout.join('\n')).toContain('列 C「区分」→ 無視 (ignored)');
    expect(real.stdout.at(-1)).toContain('created 69, updated 0');

    const handle = openDatabase(db);
    try {
      const value = await handle.db
        .selectFrom('indicator_value')
        .innerJoin('source', 'source.id', 'indicator_value.source_id')
        .innerJoin('source_document', 'source_document.id', 'source.document_id')
        .select([
          'indicator_value.date',
          'indicator_value.fiscal_year',
          'indicator_value.value',
          'source.section',
          'source.quote',
          'source_document.title',
        ])
        .where('indicator_value.id', '=', 'oyabe-plan.11302.k1:observation@2000')
        .executeTakeFirstOrThrow();
      expect(value).toEqual({
        date: '2000',
        fiscal_year: null,
        value: 102521,
        section: '行7 列D',
        quote: '102,521人',
        title: 'oyabe-kpi.sjis.csv',
      });
    } finally {
      await handle.close();
    }

    const again = captureIo(db);
    expect(
      await runCli(
        [
          'import',
          file,
          '--plan',
          'oyabe-plan',
          '--mapping',
          'oyabe',
          '--quiet',
          '--publish',
          '--accept-warnings',
        ],
        again,
      ),
    ).toBe(0);
    expect(again.stdout.at(-1)).toContain('created 0, updated 0, unchanged 60');
  });

  it('refuses an unknown column until it is mapped or ignored, and saves nothing', async () => {
    const file = join(dir, 'kpi.csv');
    await writeFile(file, '指標名,施策,担当課,平成28年度\n観光客数,観光,観光課,12人\n');
    const refused = captureIo(db);
    expect(
      await runCli(
        ['import', file, '--plan', 'oyabe-plan', '--quiet', '--publish', '--accept-warnings'],
        refused,
      ),
    ).toBe(1);
    expect(refused.stderr.join('\n')).toContain('列「担当課」は知らない列です');
    expect(refused.stderr.at(-1)).toContain('nothing was saved');
    const mapped = captureIo(db);
    expect(
      await runCli(
        [
          'import',
          file,
          '--plan',
          'oyabe-plan',
          '--map',
          '担当課=ignore',
          '--quiet',
          '--publish',
          '--accept-warnings',
        ],
        mapped,
      ),
    ).toBe(0);
    expect(mapped.stdout.at(-1)).toContain('created 3');
  });
});
