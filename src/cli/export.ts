/**
 * `mieruka export`: the whole organization as the JSON interchange document, or plans as open-data CSV
 * (with datapackage.json) or XLSX. CSV and XLSX go to a folder: one subfolder or workbook per plan.
 */

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { viewpointsOf } from '../domain/evaluation-vocabulary.ts';
import { recordId } from '../domain/model.ts';
import { csvEncodings } from '../io/export/csv-encoding.ts';
import { planCsvFiles, planXlsx } from '../io/export/plan-files.ts';
import {
  exportOrganizationDocument,
  exportPlanDocument,
  OrganizationNotFoundError,
  serializeOrganizationDocument,
} from '../io/interchange/export-document.ts';
import { createReadStore } from '../store/queries.ts';
import type { PlanHeader, ReadStore } from '../store/read-store.ts';
import { type CliIo, UsageError } from './command.ts';
import { openMigratedDatabase } from './database.ts';

const optionsSchema = z
  .object({
    format: z.enum(
      ['json', 'csv', 'xlsx'],
      'format は json / csv / xlsx です (format must be json, csv or xlsx)',
    ),
    plan: recordId.optional(),
    organization: recordId.optional(),
    encoding: z.enum(
      csvEncodings,
      'encoding は utf-8 / shift_jis です (encoding must be utf-8 or shift_jis)',
    ),
    out: z.string().min(1, '--out が必要です (--out is required)'),
  })
  .refine((o) => o.format === 'json' || o.out !== '-', {
    message: 'CSV と XLSX はフォルダに書き出します (csv and xlsx need a folder, not -)',
  });

export type ExportOptions = z.infer<typeof optionsSchema>;

/** Reads `--format json|csv|xlsx [--plan id] [--organization id] [--encoding utf-8|shift_jis] --out <file|dir|->`. */
export function parseExportOptions(args: string[]): ExportOptions {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        format: { type: 'string', default: 'json' },
        plan: { type: 'string' },
        organization: { type: 'string' },
        encoding: { type: 'string', default: 'utf-8' },
        out: { type: 'string', default: '' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(`引数が正しくありません (invalid arguments): ${(error as Error).message}`);
  }
  const parsed = optionsSchema.safeParse(values);
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => i.message).join('\n'));
  return parsed.data;
}

async function exportJson(store: ReadStore, options: ExportOptions, io: CliIo): Promise<number> {
  const doc =
    options.plan === undefined
      ? await exportOrganizationDocument(store, options.organization)
      : await exportPlanDocument(store, options.plan);
  if (!doc) return notFound(io, options.plan);
  const text = serializeOrganizationDocument(doc);
  if (options.out === '-') io.out(text.trimEnd());
  else await writeFile(options.out, text);
  return 0;
}

function notFound(io: CliIo, planId: string | undefined): number {
  io.err(`計画が見つかりません (plan not found): ${planId}`);
  return 1;
}

async function selectPlans(store: ReadStore, options: ExportOptions): Promise<PlanHeader[]> {
  const all = await store.listPlans();
  return all.filter(
    (p) =>
      (options.plan === undefined || p.id === options.plan) &&
      (options.organization === undefined || p.organization.id === options.organization),
  );
}

/** Writes each selected plan's files; the folder of a single --plan holds its files directly. */
async function exportTables(store: ReadStore, options: ExportOptions, io: CliIo): Promise<number> {
  const headers = await selectPlans(store, options);
  if (headers.length === 0) return notFound(io, options.plan ?? '(none)');
  await mkdir(options.out.endsWith('.xlsx') ? join(options.out, '..') : options.out, { recursive: true });
  const organizations = await store.listOrganizations();
  for (const header of headers) {
    const plan = await store.getPlan(header.id);
    if (!plan) return notFound(io, header.id);
    const organization = organizations.find((o) => o.id === plan.organization.id);
    const viewpoints = organization ? viewpointsOf(organization) : undefined;
    if (options.format === 'xlsx') {
      const file =
        options.out.endsWith('.xlsx') && headers.length === 1
          ? options.out
          : join(options.out, `${plan.id}.xlsx`);
      await writeFile(file, await planXlsx(plan, viewpoints));
      io.out(file);
      continue;
    }
    const written = planCsvFiles(plan, {
      encoding: options.encoding,
      organizationName: plan.organization.name,
      ...(viewpoints === undefined ? {} : { viewpoints }),
    });
    if (!written.ok) {
      io.err(`${plan.id}/${written.error.file}: ${written.error.message}`);
      return 1;
    }
    const dir = options.plan === undefined ? join(options.out, plan.id) : options.out;
    await mkdir(dir, { recursive: true });
    for (const file of written.files) await writeFile(join(dir, file.path), file.bytes);
    io.out(`${dir}: ${written.files.map((f) => f.path).join(', ')}`);
  }
  return 0;
}

async function exportData(options: ExportOptions, io: CliIo): Promise<number> {
  const handle = await openMigratedDatabase(io);
  if (!handle) return 1;
  try {
    const store = createReadStore(handle.db);
    return options.format === 'json'
      ? await exportJson(store, options, io)
      : await exportTables(store, options, io);
  } catch (error) {
    if (!(error instanceof OrganizationNotFoundError)) throw error;
    io.err(error.message);
    return 1;
  } finally {
    await handle.close();
  }
}

/** Runs `mieruka export`; resolves with 1 when the plan or organization is not stored. */
export async function runExport(args: string[], io: CliIo): Promise<number> {
  return exportData(parseExportOptions(args), io);
}
