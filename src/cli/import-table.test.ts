import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureIo, FakeStream } from '../../test/helpers/cli-io.ts';
import { UsageError } from './command.ts';
import { isTableImport } from './import.ts';
import { parseImportTableOptions } from './import-table.ts';
import { runCli } from './run.ts';

const bin = new URL('../../bin/mieruka.js', import.meta.url).pathname;
const header = 'indicatorId,date,value,sourceDocumentId,sourceLine,sourceQuote';
// Seed 1 line 99: 税金滞納に関する差押件数 H28:102件 (the demo stores it as the baseline, not yet as an observation).
const seizureCsv = [header, 'mirai-2016.i.seizure-count,H28,102件,komoro-pride-vol5,99,H28:102件'].join('\n');

/** `count` monthly observations of the seizure count from January 1950, all citing that line. */
function monthlySeizureCsv(count: number): string {
  const rows = Array.from({ length: count }, (_, i) => {
    const month = `${1950 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
    return `mirai-2016.i.seizure-count,${month},${i}件,komoro-pride-vol5,99,H28:102件`;
  });
  return [header, ...rows].join('\n');
}

describe('mieruka import <table>', () => {
  let dir: string;
  let db: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mieruka-import-table-'));
    db = join(dir, 'demo.sqlite');
    expect(await runCli(['seed', 'demo'], captureIo(db))).toBe(0);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('dry run prints the row as a create and saves nothing; the real run imports it once', async () => {
    const file = join(dir, 'seizure.csv');
    await writeFile(file, seizureCsv);
    const dry = captureIo(db);
    expect(await runCli(['import', file, '--dry-run', '--plan', 'mirai-2016'], dry)).toBe(0);
    expect(dry.stdout.join('\n')).toMatch(
      /2行目 \(row 2\) 追加 \(create\) indicatorValue mirai-2016\.i\.seizure-count:observation@FY2016/,
    );
    expect(dry.stdout.at(-1)).toContain('dry run: nothing saved');
    const real = captureIo(db);
    expect(await runCli(['import', file], real)).toBe(0);
    expect(real.stdout.at(-1)).toContain('created 1, updated 0');
    const again = captureIo(db);
    expect(await runCli(['import', file], again)).toBe(0);
    expect(again.stdout.at(-1)).toContain('created 0, updated 0, unchanged 1');
  });

  it('a committed import of over 1,000 rows lists the first 1,000 and counts the rest; a dry run lists all', async () => {
    const file = join(dir, 'monthly.csv');
    await writeFile(file, monthlySeizureCsv(1_002));
    const dry = captureIo(db);
    expect(await runCli(['import', file, '--dry-run'], dry)).toBe(0);
    expect(dry.stdout).toHaveLength(1_002 + 1);
    expect(dry.stdout.at(-2)).toContain('1003行目 (row 1003) 追加 (create)');

    const real = captureIo(db);
    expect(await runCli(['import', file], real)).toBe(0);
    expect(real.stdout).toHaveLength(1_000 + 2);
    expect(real.stdout[999]).toContain('1001行目 (row 1001) 追加 (create)');
    expect(real.stdout[1_000]).toBe(
      'ほか 2 行。取り込む前に --dry-run を付けるとすべての行を表示します ' +
        '(2 more rows; a --dry-run before importing lists every row)',
    );
    expect(real.stdout.at(-1)).toContain('created 1002, updated 0');
  });

  it('shows plain progress lines for checking and writing rows when stderr is not a terminal, none with --quiet', async () => {
    const file = join(dir, 'monthly.csv');
    await writeFile(file, monthlySeizureCsv(1_002));
    const progress = new FakeStream();
    expect(await runCli(['import', file], captureIo(db, { progress }))).toBe(0);
    expect(progress.lines()).toEqual([
      '[import] 行を確認 (checking rows): 0/1,002 (0%)',
      expect.stringMatching(/^\[import\] 行を確認 \(checking rows\): 1,002\/1,002 \(100%\)、完了 [\d.]+ 秒/),
      '[import] 行を書き込み (writing rows): 0/1,002 (0%)',
      expect.stringMatching(/^\[import\] 行を書き込み \(writing rows\): 1,002\/1,002 \(100%\)、完了/),
    ]);
    const quiet = new FakeStream();
    expect(await runCli(['import', file, '--quiet'], captureIo(db, { progress: quiet }))).toBe(0);
    expect(quiet.text()).toBe('');
  });

  it('the mieruka command writes progress to stderr, keeping stdout to the outcome', async () => {
    const file = join(dir, 'monthly.csv');
    await writeFile(file, monthlySeizureCsv(1_500));
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [bin, 'import', file, ...args], {
        env: { ...process.env, DATABASE_URL: db },
        encoding: 'utf8',
      });
    const loud = run();
    expect(loud.status).toBe(0);
    expect(loud.stderr).toMatch(/^\[import\] 行を確認 \(checking rows\): 0\/1,500 \(0%\)$/m);
    expect(loud.stderr).toMatch(/^\[import\] 行を書き込み \(writing rows\): 1,500\/1,500 \(100%\)/m);
    expect(loud.stdout).not.toContain('[import]');
    expect(loud.stdout).toContain('created 1500');
    const quiet = run('--quiet');
    expect(quiet.status).toBe(0);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toContain('unchanged 1500');
  }, 60_000);

  it('a refused import of over 1,000 rows lists 1,000, counts the rest and still names every rejected row', async () => {
    const file = join(dir, 'monthly.csv');
    await writeFile(
      file,
      `${monthlySeizureCsv(1_002)}\nmirai-2016.i.no-such-indicator,2099-01,1件,komoro-pride-vol5,99,H28:102件`,
    );
    const io = captureIo(db);
    expect(await runCli(['import', file], io)).toBe(1);
    expect(io.stderr[1_000]).toContain('ほか 2 行');
    expect(io.stderr.join('\n')).toMatch(
      /1004行目 \(row 1004\) indicatorId="mirai-2016\.i\.no-such-indicator"/,
    );
    expect(io.stderr.at(-1)).toContain('nothing was saved');
  });

  it('a dry run of a published KPI table in Shift_JIS reads every row and says what is missing', async () => {
    const fixtures = new URL('../../test/fixtures/published-kpi/', import.meta.url).pathname;
    const io = captureIo(db);
    expect(await runCli(['import', join(fixtures, 'oyabe-kpi.sjis.csv'), '--dry-run'], io)).toBe(1);
    const out = io.stderr.join('\n');
    expect(out).toContain(
      'oyabe-kpi.sjis.csv 7行目 (row 7): 指標「図書館入館者数」(単位 人, 施策コード 11302) を読みました: 平成12年 → 2000年（平成12年） 実績 102521人',
    );
    expect(out).toContain('5ヵ年目標="設置": 文字「設置」は数値ではないため値として保存できません');
    expect(out).toContain('read as a published KPI table: 14 indicators, 56 values');
    expect(out).not.toContain('cannot tell from the header row');
    expect(io.stderr.at(-1)).toContain('nothing was saved');
  });

  it('a committed import of exactly 1,000 rows lists every row', async () => {
    const file = join(dir, 'monthly.csv');
    await writeFile(file, monthlySeizureCsv(1_000));
    const io = captureIo(db);
    expect(await runCli(['import', file], io)).toBe(0);
    expect(io.stdout).toHaveLength(1_000 + 1);
    expect(io.stdout.at(-2)).toContain('1001行目 (row 1001) 追加 (create)');
  });

  it('exits 1 and names row and column when a row is rejected', async () => {
    const file = join(dir, 'bad.csv');
    await writeFile(file, `${seizureCsv}\nmirai-2016.i.seizure-count,H30,たくさん,komoro-pride-vol5,99,`);
    const io = captureIo(db);
    expect(await runCli(['import', file], io)).toBe(1);
    const text = io.stderr.join('\n');
    expect(text).toContain('bad.csv 3行目 (row 3) value="たくさん"');
    expect(text).toContain('nothing was saved');
  });
});

describe('parseImportTableOptions', () => {
  it('reads the file, --dry-run, --plan, --sheet and --quiet', () => {
    expect(parseImportTableOptions(['a.xlsx', '--plan', 'p', '--sheet', '実績値', '--dry-run'])).toEqual({
      file: 'a.xlsx',
      dryRun: true,
      planId: 'p',
      sheet: '実績値',
      quiet: false,
    });
    expect(parseImportTableOptions(['a.csv', '--quiet'])).toMatchObject({ file: 'a.csv', quiet: true });
  });

  it.each([[[]], [['a.csv', 'b.csv']], [['a.csv', '--bogus']]])('rejects %j', (args) => {
    expect(() => parseImportTableOptions(args)).toThrow(UsageError);
  });

  it('tells tables from JSON documents by extension', () => {
    expect(isTableImport(['x.CSV', '--dry-run'])).toBe(true);
    expect(isTableImport(['doc.json'])).toBe(false);
  });
});
