/**
 * The JSON branch of `mieruka import <file.json> [--dry-run]`: loads an interchange document, all or nothing, whole
 * into an empty database or merged by id into one that holds data (the dry run lists every record it would create or
 * update). Problems are printed with their JSON path.
 */

import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { formatMergeReport, importOrganizationDocument } from '../io/interchange/import-document.ts';
import { formatIssue } from '../io/interchange/interchange-issue.ts';
import { parseOrganizationDocument } from '../io/interchange/parse-document.ts';
import { formatCounts } from '../io/interchange/record-counts.ts';
import { type CliIo, parseCommandArgs, UsageError } from './command.ts';
import { readSettings } from './config/index.ts';
import { openMigratedDatabase } from './database.ts';

export interface ImportOptions {
  file: string;
  dryRun: boolean;
}

/** Reads `<file.json> [--dry-run] [--quiet]`; a document import is quick and shows no progress either way. */
export function parseImportOptions(args: string[]): ImportOptions {
  const parsed = parseCommandArgs(args, { 'dry-run': { type: 'boolean' }, quiet: { type: 'boolean' } });
  const [file, ...extra] = parsed.positionals;
  if (file === undefined || extra.length > 0) {
    throw new UsageError('取り込むファイルを 1 つ指定してください (give exactly one file to import)');
  }
  return { file, dryRun: parsed.values['dry-run'] === true };
}

async function readText(file: string, io: CliIo): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    io.err(`ファイルを読めません (cannot read the file): ${(error as Error).message}`);
    return undefined;
  }
}

async function importDocument(options: ImportOptions, io: CliIo): Promise<number> {
  const text = await readText(options.file, io);
  if (text === undefined) return 1;
  const parsed = parseOrganizationDocument(text);
  if (!parsed.ok) {
    io.err(
      `${options.file}: ${parsed.issues.length} 件の問題があります。何も保存していません (problems found; nothing saved)`,
    );
    for (const issue of parsed.issues) io.err(`  ${formatIssue(issue)}`);
    return 1;
  }
  const handle = await openMigratedDatabase(io);
  if (!handle) return 1;
  try {
    const outcome = await importOrganizationDocument(handle.db, parsed.doc, {
      dryRun: options.dryRun,
      actor: readSettings(io.env).actor,
      file: basename(options.file),
    });
    if (!outcome.ok) {
      io.err(outcome.message);
      return 1;
    }
    const verb = outcome.saved
      ? '取り込みました (imported)'
      : '問題ありません、保存はしていません (dry run: valid, nothing saved)';
    if (outcome.merge) {
      const mergeVerb = outcome.saved
        ? '既存のデータに id で統合しました (merged by id into the existing data)'
        : '既存のデータに id で統合します。保存はしていません (dry run: would merge by id, nothing saved)';
      io.out(`${mergeVerb}: ${parsed.doc.organization.name}`);
      for (const line of formatMergeReport(outcome.merge)) io.out(`  ${line}`);
      return 0;
    }
    io.out(`${verb}: ${parsed.doc.organization.name}, ${formatCounts(outcome.counts)}`);
    return 0;
  } finally {
    await handle.close();
  }
}

/** Runs a JSON import and resolves with the exit code: 0 imported (or valid in a dry run), 1 refused. */
export async function runDocumentImport(args: string[], io: CliIo): Promise<number> {
  return importDocument(parseImportOptions(args), io);
}
