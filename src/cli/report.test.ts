import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIo, FakeStream } from '../../test/helpers/cli-io.ts';
import { countPdfPages } from '../web/report/print-pdf.ts';
import { parseReportOptions } from './report.ts';
import { runCli } from './run.ts';

describe('parseReportOptions', () => {
  it('reads the plan, the output file, the language and --quiet', () => {
    expect(parseReportOptions(['--plan', 'mirai-2016', '--pdf', 'a.pdf', '--lang', 'en'])).toEqual({
      plan: 'mirai-2016',
      pdf: 'a.pdf',
      lang: 'en',
      quiet: false,
    });
    expect(parseReportOptions(['--plan', 'x', '--pdf', 'a.pdf', '--quiet'])).toMatchObject({ quiet: true });
  });

  it('refuses a missing --plan or --pdf and an unknown language', () => {
    expect(() => parseReportOptions(['--pdf', 'a.pdf'])).toThrow(/--plan/);
    expect(() => parseReportOptions(['--plan', 'x'])).toThrow(/--pdf/);
    expect(() => parseReportOptions(['--plan', 'x', '--pdf', 'a.pdf', '--lang', 'fr'])).toThrow(/--lang/);
  });
});

describe('mieruka report on a temp SQLite file', () => {
  let dir: string;
  let db: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mieruka-report-'));
    db = join(dir, 'demo.sqlite');
    expect(await runCli(['seed', 'demo'], captureIo({ DATABASE_URL: db }))).toBe(0);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('says how to install Chromium when it is absent, and exits 1', async () => {
    const io = captureIo({ DATABASE_URL: db, CHROMIUM_PATH: join(dir, 'no-chromium') });
    const out = join(dir, 'never.pdf');
    expect(await runCli(['report', '--plan', 'mirai-2016', '--pdf', out], io)).toBe(1);
    expect(io.stderr.join('\n')).toContain('sudo apt-get install chromium fonts-noto-cjk');
    expect(existsSync(out)).toBe(false);
  });

  it('exits 1 naming a plan that is not in the database', { tags: ['browser'] }, async () => {
    const io = captureIo({ DATABASE_URL: db });
    expect(await runCli(['report', '--plan', 'no-such-plan', '--pdf', join(dir, 'x.pdf')], io)).toBe(1);
    expect(io.stderr.join('\n')).toMatch(/404/);
  });

  it.skipIf(!existsSync('/usr/bin/chromium'))(
    'prints the report to a tagged A4 PDF with an outline, in fewer pages than the 16 footnotes once took',
    { tags: ['browser'] },
    async () => {
      const out = join(dir, 'report.pdf');
      const progress = new FakeStream();
      const io = captureIo({ DATABASE_URL: db }, { progress });
      expect(await runCli(['report', '--plan', 'mirai-2016', '--pdf', out], io)).toBe(0);
      expect(progress.lines()[0]).toBe('[report] PDF を印刷 (printing the PDF): 0/3 (0%)');
      expect(progress.lines().at(-1)).toMatch(
        /^\[report\] PDF を印刷 \(printing the PDF\): 3\/3 \(100%\)、完了/,
      );
      const pdf = await readFile(out);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      // Each pillar took a sheet and each footnote repeated the document's title: 16 pages before issue 15.
      expect(countPdfPages(pdf)).toBeGreaterThanOrEqual(2);
      expect(countPdfPages(pdf)).toBeLessThanOrEqual(11);
      // Skia writes the catalog uncompressed: marked content with a structure tree (tagged) and bookmarks.
      const catalog = /\/Type \/Catalog[\s\S]*?endobj/.exec(pdf.toString('latin1'))?.[0] ?? '';
      expect(catalog).toMatch(/\/Marked true/);
      expect(catalog).toContain('/StructTreeRoot');
      expect(catalog).toContain('/Outlines');
      expect(io.stdout.join('\n')).toContain(out);
    },
  );
});
