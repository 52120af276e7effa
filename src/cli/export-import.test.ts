import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureIo } from '../../test/helpers/cli-io.ts';
import { parseExportOptions } from './export.ts';
import { runCli } from './run.ts';

describe('mieruka export and import on temp SQLite files', () => {
  let dir: string;
  let demoDb: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mieruka-export-'));
    demoDb = join(dir, 'demo.sqlite');
    // The demo holds two organizations (小諸市, 枚方市): a JSON export names the one it wants.
    expect(await runCli(['seed', 'demo'], captureIo(demoDb))).toBe(0);
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('staff export the demo to JSON, import it into an empty database, and export the same file', async () => {
    const first = join(dir, 'komoro.json');
    expect(
      await runCli(
        ['export', '--format', 'json', '--organization', 'komoro', '--out', first],
        captureIo(demoDb),
      ),
    ).toBe(0);

    const copyDb = join(dir, 'copy.sqlite');
    const io = captureIo(copyDb);
    expect(await runCli(['import', first], io)).toBe(0);
    expect(io.stdout.join('\n')).toMatch(
      /^取り込みました \(imported\): 小諸市, 2 documents, 3 plans, \d+ nodes/,
    );

    const second = join(dir, 'again.json');
    expect(await runCli(['export', '--out', second], captureIo(copyDb))).toBe(0);
    // Apart from the history head: the copy's history starts with its own import, at another time.
    const withoutHead = (text: string) => text.replace(/\n {2}"historyHead": \{[^}]*\}\n/, '\n');
    const again = await readFile(second, 'utf8');
    expect(again).toMatch(/"historyHead": \{\n {4}"seq": \d+,\n {4}"hash": "[0-9a-f]{64}"\n {2}\}\n\}\n$/);
    expect(withoutHead(again)).toBe(withoutHead(await readFile(first, 'utf8')));
  });

  it('writes the JSON to stdout with --out -', async () => {
    const io = captureIo(demoDb);
    expect(await runCli(['export', '--format', 'json', '--organization', 'komoro', '--out', '-'], io)).toBe(
      0,
    );
    expect(JSON.parse(io.stdout.join('\n'))).toMatchObject({
      formatVersion: 1,
      organization: { id: 'komoro' },
    });
  });

  it('merges its own export into the database it came from, changing nothing', async () => {
    const file = join(dir, 'komoro.json');
    await runCli(['export', '--organization', 'komoro', '--out', file], captureIo(demoDb));
    const io = captureIo(demoDb);
    expect(await runCli(['import', file, '--dry-run'], io)).toBe(0);
    const out = io.stdout.join('\n');
    expect(out).toContain(
      '既存のデータに id で統合します。保存はしていません (dry run: would merge by id, nothing saved)',
    );
    expect(out).toMatch(/追加 0 件、更新 0 件、変更なし \d+ 件/);
  });

  it('checks without saving on --dry-run', async () => {
    const file = join(dir, 'komoro.json');
    await runCli(['export', '--organization', 'komoro', '--out', file], captureIo(demoDb));
    const emptyDb = join(dir, 'empty.sqlite');
    const io = captureIo(emptyDb);
    expect(await runCli(['import', file, '--dry-run'], io)).toBe(0);
    expect(io.stdout.join('\n')).toContain('dry run');
    expect(await runCli(['import', file], captureIo(emptyDb))).toBe(0);
  });

  it('prints each problem with its JSON path and saves nothing', async () => {
    const file = join(dir, 'broken.json');
    const doc = JSON.parse(
      await (async () => {
        await runCli(['export', '--organization', 'komoro', '--out', file], captureIo(demoDb));
        return readFile(file, 'utf8');
      })(),
    );
    doc.plans[0].title = '';
    await writeFile(file, JSON.stringify(doc));
    const emptyDb = join(dir, 'empty.sqlite');
    const io = captureIo(emptyDb);
    expect(await runCli(['import', file], io)).toBe(1);
    expect(io.stderr.join('\n')).toContain('  $.plans[0].title: ');
    const check = captureIo(emptyDb);
    expect(await runCli(['export', '--out', '-'], check)).toBe(1);
    expect(check.stderr.join('\n')).toContain('(none)');
  });

  it('imports several organizations in one command, two at a time, refusing a bad file and keeping the rest', async () => {
    const files = await Promise.all(
      ['komoro', 'hirakata'].map(async (organization) => {
        const file = join(dir, `${organization}.json`);
        expect(
          await runCli(['export', '--organization', organization, '--out', file], captureIo(demoDb)),
        ).toBe(0);
        return file;
      }),
    );
    const broken = join(dir, 'broken.json');
    await writeFile(broken, '{"formatVersion": 1}');
    const emptyDb = join(dir, 'empty.sqlite');
    const io = captureIo(emptyDb);
    expect(await runCli(['import', files[0]!, broken, files[1]!, '--jobs', '2'], io)).toBe(1);
    const printed = io.stdout.join('\n');
    expect(printed).toContain(`${files[0]}: 取り込みました (imported): 小諸市`);
    expect(printed).toContain(
      `${files[1]}: 既存のデータに id で統合しました (merged by id into the existing data): 枚方市`,
    );
    expect(io.stderr.join('\n')).toContain(`${broken}: `);
    expect(io.stderr.join('\n')).toContain('1 of 3 files refused; the others are imported');
    for (const organization of ['komoro', 'hirakata'])
      expect(await runCli(['export', '--organization', organization, '--out', '-'], captureIo(emptyDb))).toBe(
        0,
      );
    expect(await runCli(['verify'], captureIo(emptyDb))).toBe(0);
  });

  it('refuses --jobs outside 1 to 8', async () => {
    const io = captureIo(join(dir, 'empty.sqlite'));
    expect(await runCli(['import', join(dir, 'a.json'), '--jobs', '0'], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('--jobs takes a whole number from 1 to 8');
  });

  it('hands CSV and XLSX files to the table import, exit 1 for a missing file', async () => {
    for (const name of ['nodes.csv', 'plan.XLSX']) {
      const io = captureIo(join(dir, 'empty.sqlite'));
      expect(await runCli(['import', join(dir, name), '--plan', 'x'], io)).toBe(1);
      expect(io.stderr.join('\n')).toContain('cannot read the file');
    }
  });

  it('exports one plan as CSV files with a datapackage, in Shift_JIS on request', async () => {
    const out = join(dir, 'csv');
    const io = captureIo(demoDb);
    const args = [
      'export',
      '--format',
      'csv',
      '--plan',
      'ashiato-2024',
      '--encoding',
      'shift_jis',
      '--out',
      out,
    ];
    expect(await runCli(args, io)).toBe(0);
    expect((await readdir(out)).sort()).toEqual([
      'achievements.csv',
      'datapackage.json',
      'evaluations.csv',
      'indicator-values.csv',
      'indicators.csv',
      'nodes.csv',
      'program-sheets.csv',
    ]);
    const pkg = JSON.parse(await readFile(join(out, 'datapackage.json'), 'utf8'));
    expect(pkg.resources[0].encoding).toBe('shift_jis');
  });

  it('refuses Shift_JIS when a character cannot be encoded, naming file, row and column', async () => {
    // A name with 𠮷 (U+20BB7), which CP932 lacks, brought in through the JSON interchange format.
    const json = join(dir, 'komoro.json');
    expect(await runCli(['export', '--organization', 'komoro', '--out', json], captureIo(demoDb))).toBe(0);
    const doc = JSON.parse(await readFile(json, 'utf8'));
    doc.plans[0].nodes[0].title = '𠮷田地区の取り組み';
    await writeFile(json, JSON.stringify(doc));
    const otherDb = join(dir, 'other.sqlite');
    expect(await runCli(['import', json], captureIo(otherDb))).toBe(0);

    const io = captureIo(otherDb);
    const args = ['export', '--format', 'csv', '--encoding', 'shift_jis', '--out', join(dir, 'sjis')];
    expect(await runCli(args, io)).toBe(1);
    expect(io.stderr.join('\n')).toMatch(/nodes\.csv: \d+行目「title」の文字「𠮷」\(U\+20BB7\)/);
  });

  it('exports every plan as a workbook into a folder', async () => {
    const out = join(dir, 'xlsx');
    expect(await runCli(['export', '--format', 'xlsx', '--out', out], captureIo(demoDb))).toBe(0);
    expect((await readdir(out)).sort()).toEqual([
      'ashiato-2024.xlsx',
      'hirakata-shiwake-2010.xlsx',
      'mirai-2016.xlsx',
      'mirai-2024.xlsx',
      'ofunato-jimujigyo-r7.xlsx',
    ]);
  });
});

describe('parseExportOptions', () => {
  it('defaults to JSON in UTF-8', () => {
    expect(parseExportOptions(['--out', 'x.json'])).toEqual({
      format: 'json',
      encoding: 'utf-8',
      out: 'x.json',
    });
  });

  it.each([
    ['--format', 'pdf', '--out', 'x'],
    ['--format', 'csv', '--out', '-'],
    ['--encoding', 'latin1', '--out', 'x'],
    ['--plan', 'Bad Id', '--out', 'x'],
    [],
    ['--bogus'],
  ])('rejects %s', (...args) => {
    expect(() => parseExportOptions(args)).toThrow();
  });
});
