/**
 * The CSV/XLSX branch of `mieruka import`: `<file.csv|file.xlsx> [--dry-run] [--plan <id>] [--sheet <name>]
 * [--publish] [--accept-warnings | --confirm <id,…>]`, and for a KPI table in the shape towns publish it
 * `[--map "列名=field"]… [--ignore "列名"]… [--year-kind fiscal|calendar] [--node <node>] [--mapping <name>]
 * [--save-mapping <name>]`. Prints what each row would do, why it is refused, and every plausibility warning; exits 1
 * when any row is rejected or a warning is not confirmed (nothing is written then). Without --publish the rows land
 * as drafts of the staff account MIERUKA_ACTOR names.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import {
  formatImportReport,
  importTableFile,
  unconfirmedWarnings,
  type WarningConfirmation,
} from '../io/table-import/index.ts';
import { formatPublishedSummary } from '../io/table-import/published-format.ts';
import { mappingNameOk, resolveMapping, saveMapping } from '../io/table-import/published-mappings.ts';
import { type CliIo, UsageError } from './command.ts';
import { readSettings } from './config/index.ts';
import { openMigratedDatabase } from './database.ts';
import { startProgress } from './progress/index.ts';

export interface ImportTableOptions {
  file: string;
  dryRun: boolean;
  planId?: string;
  sheet?: string;
  /** No progress lines. */
  quiet: boolean;
  /** A published-shape table's column choices: `列名=field` entries and headers to leave out. */
  map: string[];
  ignore: string[];
  yearKind?: string;
  node?: string;
  mapping?: string;
  saveMapping?: string;
  /** Publish at once rather than save drafts. */
  publish: boolean;
  /** Plausibility warnings confirmed: all (--accept-warnings) or by id (--confirm). */
  confirmWarnings?: WarningConfirmation;
}

const parseTableArgs = (args: string[]) =>
  parseArgs({
    args,
    options: {
      'dry-run': { type: 'boolean' },
      plan: { type: 'string' },
      sheet: { type: 'string' },
      quiet: { type: 'boolean' },
      map: { type: 'string', multiple: true },
      ignore: { type: 'string', multiple: true },
      'year-kind': { type: 'string' },
      node: { type: 'string' },
      mapping: { type: 'string' },
      'save-mapping': { type: 'string' },
      publish: { type: 'boolean' },
      'accept-warnings': { type: 'boolean' },
      confirm: { type: 'string', multiple: true },
    },
    strict: true,
    allowPositionals: true,
  });

/** Reads `<file> [--dry-run] [--plan <id>] [--sheet <name>] [--quiet] [--publish] [--accept-warnings] [--confirm <id,…>]`. */
export function parseImportTableOptions(args: string[]): ImportTableOptions {
  let parsed: ReturnType<typeof parseTableArgs>;
  try {
    parsed = parseTableArgs(args);
  } catch (error) {
    throw new UsageError(`引数が正しくありません (invalid arguments): ${(error as Error).message}`);
  }
  const [file, ...extra] = parsed.positionals;
  if (file === undefined || extra.length > 0) {
    throw new UsageError('取り込むファイルを 1 つ指定してください (give exactly one file to import)');
  }
  const { plan, sheet, node, mapping } = parsed.values;
  const yearKind = parsed.values['year-kind'];
  const save = parsed.values['save-mapping'];
  for (const name of [mapping, save])
    if (name !== undefined && !mappingNameOk(name))
      throw new UsageError(`対応づけの名前が正しくありません (invalid mapping name): ${name}`);
  const confirmed = (parsed.values.confirm ?? []).flatMap((list) =>
    list
      .split(',')
      .map((id) => id.trim())
      .filter((id) => id !== ''),
  );
  const confirmWarnings: WarningConfirmation | undefined =
    parsed.values['accept-warnings'] === true ? 'all' : confirmed.length > 0 ? confirmed : undefined;
  return {
    file,
    dryRun: parsed.values['dry-run'] === true,
    quiet: parsed.values.quiet === true,
    map: parsed.values.map ?? [],
    ignore: parsed.values.ignore ?? [],
    publish: parsed.values.publish === true,
    ...(confirmWarnings === undefined ? {} : { confirmWarnings }),
    ...(plan === undefined ? {} : { planId: plan }),
    ...(sheet === undefined ? {} : { sheet }),
    ...(yearKind === undefined ? {} : { yearKind }),
    ...(node === undefined ? {} : { node }),
    ...(mapping === undefined ? {} : { mapping }),
    ...(save === undefined ? {} : { saveMapping: save }),
  };
}

// A real run lists its first rows only, whether it commits or is refused: a 100,000-row file would otherwise print
// 100,000 lines that nobody reads, with the rejected rows after them. A dry run, the step for checking rows, still
// lists every one.
const realRunRowLines = 1_000;

/** Runs a table import and resolves with the exit code: 0 imported (or valid in a dry run), 1 refused. */
export async function runTableImport(args: string[], io: CliIo): Promise<number> {
  const options = parseImportTableOptions(args);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(options.file);
  } catch (error) {
    io.err(`ファイルを読めません (cannot read the file): ${(error as Error).message}`);
    return 1;
  }
  const handle = await openMigratedDatabase(io);
  if (!handle) return 1;
  const {
    quiet,
    map,
    ignore,
    yearKind,
    mapping: mappingName,
    saveMapping: saveAs,
    ...importOptions
  } = options;
  const progress = startProgress(io, 'import', quiet);
  const actor = readSettings(io.env).actor;
  try {
    const mapping = await resolveMapping(handle.db, {
      map,
      ignore,
      ...(mappingName === undefined ? {} : { name: mappingName }),
      ...(yearKind === undefined ? {} : { yearKind }),
    });
    if (!mapping.ok) {
      for (const message of mapping.messages) io.err(message);
      return 1;
    }
    const outcome = await importTableFile(handle.db, bytes, {
      ...importOptions,
      file: basename(options.file),
      actor,
      onProgress: progress.onProgress,
      mapping: mapping.mapping,
    });
    progress.stop();
    const published = outcome.report.published;
    if (published !== undefined) {
      for (const line of formatPublishedSummary(published)) (outcome.ok ? io.out : io.err)(line);
      // The mapping is worth keeping even while rows are refused: it is what staff worked out, not data.
      if (saveAs !== undefined) {
        await saveMapping(handle.db, saveAs, published.mapping, actor);
        io.out(`対応づけを「${saveAs}」として保存しました (saved the column mapping as ${saveAs})`);
      }
    } else if (saveAs !== undefined || mappingName !== undefined) {
      io.err(
        '--mapping と --save-mapping は公表形式の KPI 表にだけ使えます (--mapping and --save-mapping apply to published-shape KPI tables only)',
      );
    }
    const lines = formatImportReport(
      outcome.report,
      options.dryRun ? {} : { rowLimit: realRunRowLines, confirmedWarnings: false },
    );
    const summary = lines.pop() ?? '';
    for (const line of lines) (outcome.ok ? io.out : io.err)(line);
    if (!outcome.ok) {
      io.err(`${summary}。何も保存していません (nothing was saved)`);
      const open = unconfirmedWarnings(outcome.report);
      if (outcome.report.errors.length === 0 && open.length > 0)
        io.err(
          `注意 ${open.length} 件が未確認です。行を直すか、確認して --accept-warnings または --confirm ${open.map((w) => w.id).join(',')} を付けてください ` +
            `(${open.length} warnings not confirmed: fix the rows, or confirm them with --accept-warnings or --confirm <ids>)`,
        );
      return 1;
    }
    const verb = !outcome.committed
      ? '確認のみ、保存はしていません (dry run: nothing saved)'
      : options.publish
        ? '取り込んで公開しました (imported and published)'
        : '下書きとして取り込みました。公開ページで確認して公開してください (imported as drafts: review and publish them on the publish page)';
    io.out(`${verb}: ${summary}`);
    return 0;
  } finally {
    progress.stop();
    await handle.close();
  }
}
