/**
 * The JSON branch of `mieruka import <file.json>… [--dry-run] [--jobs N]`: loads each interchange document, all or
 * nothing, whole into an empty database or merged by id into one that holds data (the dry run lists every record it
 * would create or update). Problems are printed with their JSON path. Several files, one per organization, load a
 * prefecture's or the nation's municipalities; `--jobs 2` imports two at a time on PostgreSQL, where each runs in
 * its own transaction on its own connection (SQLite writes one transaction at a time, so there it gains nothing).
 */

import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import { formatMergeReport, importOrganizationDocument } from '../io/interchange/import-document.ts';
import { formatIssue } from '../io/interchange/interchange-issue.ts';
import { parseOrganizationDocument } from '../io/interchange/parse-document.ts';
import { formatCounts } from '../io/interchange/record-counts.ts';
import type { DatabaseHandle } from '../store/db.ts';
import type { Database } from '../store/schema.ts';
import { type CliIo, parseCommandArgs, UsageError } from './command.ts';
import { readSettings } from './config/index.ts';
import { openMigratedDatabase } from './database.ts';

export interface ImportOptions {
  files: string[];
  dryRun: boolean;
  /** How many files are imported at a time. */
  jobs: number;
}

const mostJobs = 8;

/** Reads `<file.json>… [--dry-run] [--jobs N] [--quiet]`; a document import is quick and shows no progress. */
export function parseImportOptions(args: string[]): ImportOptions {
  const parsed = parseCommandArgs(args, {
    'dry-run': { type: 'boolean' },
    quiet: { type: 'boolean' },
    jobs: { type: 'string' },
  });
  if (parsed.positionals.length === 0) {
    throw new UsageError('取り込むファイルを指定してください (give a file to import)');
  }
  const jobs = Number(parsed.values.jobs ?? 1);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > mostJobs) {
    throw new UsageError(
      `--jobs は 1 から ${mostJobs} の整数です (--jobs takes a whole number from 1 to ${mostJobs}): ${parsed.values.jobs}`,
    );
  }
  return { files: parsed.positionals, dryRun: parsed.values['dry-run'] === true, jobs };
}

async function readText(file: string, io: CliIo): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    io.err(`ファイルを読めません (cannot read the file): ${(error as Error).message}`);
    return undefined;
  }
}

/** One file, all or nothing; resolves with its exit code. Several files print their name before each line. */
async function importDocument(
  database: () => Promise<Kysely<Database> | undefined>,
  file: string,
  options: ImportOptions,
  io: CliIo,
): Promise<number> {
  const named = options.files.length > 1 ? `${file}: ` : '';
  const text = await readText(file, io);
  if (text === undefined) return 1;
  const parsed = parseOrganizationDocument(text);
  if (!parsed.ok) {
    io.err(
      `${file}: ${parsed.issues.length} 件の問題があります。何も保存していません (problems found; nothing saved)`,
    );
    for (const issue of parsed.issues) io.err(`  ${formatIssue(issue)}`);
    return 1;
  }
  const db = await database();
  if (!db) return 1;
  const outcome = await importOrganizationDocument(db, parsed.doc, {
    dryRun: options.dryRun,
    actor: readSettings(io.env).actor,
    file: basename(file),
  });
  if (!outcome.ok) {
    io.err(`${named}${outcome.message}`);
    return 1;
  }
  const verb = outcome.saved
    ? '取り込みました (imported)'
    : '問題ありません、保存はしていません (dry run: valid, nothing saved)';
  if (outcome.merge) {
    const mergeVerb = outcome.saved
      ? '既存のデータに id で統合しました (merged by id into the existing data)'
      : '既存のデータに id で統合します。保存はしていません (dry run: would merge by id, nothing saved)';
    io.out(`${named}${mergeVerb}: ${parsed.doc.organization.name}`);
    for (const line of formatMergeReport(outcome.merge)) io.out(`  ${line}`);
    return 0;
  }
  io.out(`${named}${verb}: ${parsed.doc.organization.name}, ${formatCounts(outcome.counts)}`);
  return 0;
}

/**
 * Imports the files `jobs` at a time, each on its own; a refused file leaves the others as they were imported.
 * The first file goes alone: into an empty database it is saved whole, and the rest are then merged beside it.
 */
async function importDocuments(options: ImportOptions, io: CliIo): Promise<number> {
  // Opened at the first valid file, so that a file refused on its own leaves no database behind it.
  let opening: Promise<DatabaseHandle | undefined> | undefined;
  const database = async () => {
    opening ??= openMigratedDatabase(io);
    return (await opening)?.db;
  };
  try {
    const [first, ...rest] = options.files;
    const codes = [await importDocument(database, first as string, options, io)];
    let next = 0;
    const importNext = async () => {
      for (let n = next++; n < rest.length; n = next++)
        codes.push(await importDocument(database, rest[n] as string, options, io));
    };
    await Promise.all(Array.from({ length: Math.min(options.jobs, rest.length) }, importNext));
    const refused = codes.filter((code) => code !== 0).length;
    if (options.files.length > 1 && refused > 0)
      io.err(
        `${options.files.length} ファイルのうち ${refused} ファイルを取り込めませんでした (${refused} of ${options.files.length} files refused; the others are imported)`,
      );
    return refused > 0 ? 1 : 0;
  } finally {
    await (await opening)?.close();
  }
}

/** Runs a JSON import and resolves with the exit code: 0 all imported (or valid in a dry run), 1 any refused. */
export async function runDocumentImport(args: string[], io: CliIo): Promise<number> {
  return importDocuments(parseImportOptions(args), io);
}
