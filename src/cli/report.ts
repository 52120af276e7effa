/**
 * `mieruka report --plan <id> --pdf out.pdf [--lang en]`: serves the site over the configured database on a
 * free local port, prints /plans/{id}/report with headless Chromium, and writes the PDF.
 */
import { writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { createAppForDatabase } from '../web/full-app.ts';
import { countPdfPages, printPdf } from '../web/report/print-pdf.ts';
import { type CliIo, UsageError } from './command.ts';
import { readSettings } from './config/index.ts';
import { openMigratedDatabase } from './database.ts';
import { startProgress } from './progress/index.ts';

export interface ReportOptions {
  plan: string;
  pdf: string;
  lang: 'ja' | 'en';
  /** No progress lines. */
  quiet: boolean;
}

/** Reads `--plan <id> --pdf <file> [--lang ja|en] [--quiet]`. */
export function parseReportOptions(args: string[]): ReportOptions {
  let values: { plan?: string; pdf?: string; lang?: string; quiet?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        plan: { type: 'string' },
        pdf: { type: 'string' },
        lang: { type: 'string' },
        quiet: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(`引数が正しくありません (invalid arguments): ${(error as Error).message}`);
  }
  if (!values.plan) throw new UsageError('--plan で計画の ID を指定してください (--plan <id> is required)');
  if (!values.pdf) throw new UsageError('--pdf で出力先を指定してください (--pdf <file> is required)');
  const lang = values.lang ?? 'ja';
  if (lang !== 'ja' && lang !== 'en') {
    throw new UsageError(`--lang は ja / en のいずれかです (--lang must be ja or en): ${lang}`);
  }
  return { plan: values.plan, pdf: values.pdf, lang, quiet: values.quiet === true };
}

function listen(app: Hono) {
  return new Promise<{ url: string; close: () => Promise<void> }>((resolve) => {
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

async function printReport(options: ReportOptions, io: CliIo): Promise<number> {
  const { chromiumPath } = readSettings(io.env);
  const handle = await openMigratedDatabase(io);
  if (!handle) return 1;
  const server = await listen(createAppForDatabase(handle.db));
  const progress = startProgress(io, 'report', options.quiet);
  try {
    const query = options.lang === 'en' ? '?lang=en' : '';
    const url = `${server.url}/plans/${encodeURIComponent(options.plan)}/report${query}`;
    const printed = await printPdf(url, chromiumPath, progress.onProgress);
    progress.stop();
    if (!printed.ok) {
      io.err(printed.error);
      return 1;
    }
    await writeFile(options.pdf, printed.pdf);
    io.out(
      `PDF を書き出しました (wrote the PDF): ${options.pdf}（${countPdfPages(printed.pdf)} ページ / pages）`,
    );
    return 0;
  } finally {
    progress.stop();
    await server.close();
    await handle.close();
  }
}

/** Runs `mieruka report`; resolves with 1 when Chromium or the plan's page is missing. */
export async function runReport(args: string[], io: CliIo): Promise<number> {
  return printReport(parseReportOptions(args), io);
}
