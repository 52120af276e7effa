/**
 * Download routes for the open-data exports, a sub-app the site mounts under /downloads:
 *   GET /plans/:id/export.json            the plan as an interchange document (importable)
 *   GET /plans/:id/:table.csv             nodes | indicators | indicator-values | achievements, ?encoding=shift_jis
 *   GET /plans/:id/datapackage.json       Frictionless descriptor of those CSVs, ?encoding=shift_jis
 *   GET /plans/:id/export.xlsx            one sheet per table
 *   GET /indicators/:id/indicator-values.csv   one indicator's baseline, target and observations, ?encoding=shift_jis
 *   GET /indicators/:id/indicator-values.xlsx  the same table as a workbook
 * The former names (`observations.csv`, `observations.xlsx`, before 2026-12) answer 301 to the new ones.
 *   GET /indicators/:id/indicator.json    the indicator as the interchange format writes it, with its plan and node
 * Errors are thrown as the site's HttpError so the parent's onError answers them like every other page.
 */

import { type Context, Hono } from 'hono';
import { viewpointsOf } from '../../domain/evaluation-vocabulary.ts';
import { type CsvEncoding, csvEncodings, encodeCsv } from '../../io/export/csv-encoding.ts';
import { dataPackage } from '../../io/export/datapackage.ts';
import type { ExportTable } from '../../io/export/export-table.ts';
import { findIndicator } from '../../io/export/find-indicator.ts';
import { planXlsx } from '../../io/export/plan-files.ts';
import {
  indicatorValuesTable,
  type PlanTableName,
  planTableNames,
  planTables,
} from '../../io/export/plan-tables.ts';
import { writeXlsx } from '../../io/export/xlsx-writer.ts';
import { exportPlanDocument, serializeOrganizationDocument } from '../../io/interchange/export-document.ts';
import type { ReadStore } from '../../store/read-store.ts';
import { HttpError, notFound } from '../http-error.ts';
import { enumQuery, idParam, onlyQueries } from '../params.ts';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function download(c: Context, body: string | Uint8Array, type: string, filename: string) {
  c.header('Content-Type', type);
  c.header('Content-Disposition', `attachment; filename="${filename}"`);
  c.header('X-Content-Type-Options', 'nosniff');
  return c.body(typeof body === 'string' ? body : new Uint8Array(body));
}

const encodingOf = (c: Context): CsvEncoding => {
  onlyQueries(c, ['encoding']);
  return enumQuery(c, 'encoding', csvEncodings) ?? 'utf-8';
};

function csvResponse(c: Context, table: ExportTable, encoding: CsvEncoding, filename: string) {
  const encoded = encodeCsv(table, encoding);
  if (!encoded.ok) throw new HttpError(422, 'bad_request', encoded.error.message, 'encoding');
  const charset = encoding === 'utf-8' ? 'utf-8' : 'Shift_JIS';
  return download(c, encoded.bytes, `text/csv; charset=${charset}`, filename);
}

/** The values table's file name before it took the glossary's (indicator-values); old links are redirected. */
const formerValuesName = 'observations';

/** The same URL, query included, with the former file name replaced by `indicator-values`. */
function renamed(c: Context): string {
  const url = new URL(c.req.url);
  url.pathname = url.pathname.replace(/\/observations(\.csv|\.xlsx)$/, '/indicator-values$1');
  return `${url.pathname}${url.search}`;
}

/** The Hono sub-app of downloads, e.g. `app.route('/downloads', downloadRoutes(store))`. */
export function downloadRoutes(store: ReadStore): Hono {
  const app = new Hono();
  const plan = async (c: Context) => {
    const id = idParam(c);
    const found = await store.getPlan(id);
    if (!found) throw notFound('計画', 'plan', id);
    return found;
  };
  /** The plan's organization's 観点, heading program-sheets' viewpoint columns. */
  const viewpointsFor = async (found: { organization: { id: string } }) => {
    const organization = (await store.listOrganizations(found.organization.id)).find(
      (o) => o.id === found.organization.id,
    );
    return organization ? viewpointsOf(organization) : undefined;
  };

  app.get('/plans/:id/export.json', async (c) => {
    onlyQueries(c, []);
    const id = idParam(c);
    const doc = await exportPlanDocument(store, id);
    if (!doc) throw notFound('計画', 'plan', id);
    return download(c, serializeOrganizationDocument(doc), 'application/json; charset=utf-8', `${id}.json`);
  });

  app.get('/plans/:id/datapackage.json', async (c) => {
    const encoding = encodingOf(c);
    const found = await plan(c);
    const tables = planTables(found, await viewpointsFor(found));
    const descriptor = dataPackage(
      found,
      planTableNames.map((n) => tables[n]),
      {
        encoding,
        organizationName: found.organization.name,
      },
    );
    return c.json(descriptor, 200, { 'Content-Disposition': 'inline; filename="datapackage.json"' });
  });

  app.get('/plans/:id/export.xlsx', async (c) => {
    onlyQueries(c, []);
    const found = await plan(c);
    return download(c, await planXlsx(found, await viewpointsFor(found)), xlsxType, `${found.id}.xlsx`);
  });

  app.get('/plans/:id/:file{[a-z-]+\\.csv}', async (c) => {
    const name = c.req.param('file').replace(/\.csv$/, '');
    if (name === formerValuesName) return c.redirect(renamed(c), 301);
    if (!(planTableNames as readonly string[]).includes(name)) {
      throw notFound('表', 'table', `${name} (${planTableNames.join(', ')})`);
    }
    const encoding = encodingOf(c);
    const found = await plan(c);
    const table = planTables(found, await viewpointsFor(found))[name as PlanTableName];
    // The datapackage names the files bare (nodes.csv); the download names the plan too.
    return csvResponse(c, table, encoding, `${found.id}-${name}.csv`);
  });

  const indicator = async (c: Context) => {
    const id = idParam(c);
    const found = await findIndicator(store, id);
    if (!found) throw notFound('指標', 'indicator', id);
    return found;
  };

  app.get('/indicators/:id/indicator-values.csv', async (c) => {
    const encoding = encodingOf(c);
    const found = await indicator(c);
    const table = indicatorValuesTable(found.nodeId, found.indicator);
    return csvResponse(c, table, encoding, `${found.indicator.id}.csv`);
  });

  app.get('/indicators/:id/indicator-values.xlsx', async (c) => {
    onlyQueries(c, []);
    const found = await indicator(c);
    const table = indicatorValuesTable(found.nodeId, found.indicator);
    return download(c, await writeXlsx([table]), xlsxType, `${found.indicator.id}.xlsx`);
  });

  app.get('/indicators/:id/observations.csv', (c) => c.redirect(renamed(c), 301));
  app.get('/indicators/:id/observations.xlsx', (c) => c.redirect(renamed(c), 301));

  app.get('/indicators/:id/indicator.json', async (c) => {
    onlyQueries(c, []);
    const { planId, nodeId, indicator: found } = await indicator(c);
    // The indicator object is the interchange format's (docs/organization.schema.json), its place named beside it.
    const body = `${JSON.stringify({ planId, nodeId, indicator: found }, null, 2)}\n`;
    return download(c, body, 'application/json; charset=utf-8', `${found.id}.json`);
  });

  return app;
}
