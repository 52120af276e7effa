/**
 * `/admin/import`: staff tables in the browser, as `mieruka import` does on the command line. Upload → preview
 * (a dry run; the upload waits server-side under a one-time token) → confirm (the real, all-or-nothing import,
 * recorded in the history under the user's login). Every plausibility warning needs its box ticked; the rows land
 * as drafts to publish from the plan's page unless an admin chooses to publish at once. Admins and editors for the
 * whole site may import; only admins publish at once.
 * An organization's staff import into their own organization's plans only: a chosen plan of another is refused
 * (403), and without a plan every row of another organization's plan is refused.
 */
import { Hono } from 'hono';
import { viewpointsOf } from '../../domain/evaluation-vocabulary.ts';
import { type TableImportReport, unconfirmedWarnings } from '../../io/table-import/index.ts';
import { buildTemplateCsv, defaultTableLimits, type TemplateKind } from '../../io/tables/index.ts';
import { formatMegabytes } from '../../io/tables/limits.ts';
import type { User } from '../../store/editing/contract.ts';
import {
  forbidden,
  mayPublish,
  reaches,
  refuseOtherOrganization,
  requirePermission,
} from '../auth/guard.tsx';
import type { StaffEnv } from '../auth/staff-env.ts';
import { ImportPage, type ImportStep, templateLabels } from './ImportPage.tsx';
import type { NewPendingImport } from './pending-imports.ts';
import { mappingFromForm } from './published-mapping-form.ts';
import { csrfOf, formBody, type StaffContext, staffUser } from './staff-context.ts';

const imports = new Hono<StaffEnv>();
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// An editor for the whole site imports as drafts; publishing at once stays an admin's (checked at the commit).
// A department-scoped editor may not: a table's rows can fall anywhere in the plan.
imports.use('/import', requirePermission('create', 'plan'));
imports.use('/import/*', requirePermission('create', 'plan'));

async function render(
  c: StaffContext,
  state: ImportStep,
  error?: string,
  status: 200 | 400 | 403 | 413 = 200,
) {
  const page = (
    <ImportPage
      user={staffUser(c)}
      csrfToken={csrfOf(c)}
      plans={(await c.var.store.listPlans()).filter((plan) => reaches(staffUser(c), plan.organization.id))}
      mappings={await c.var.tables.listMappings()}
      state={state}
      {...(error === undefined ? {} : { error })}
    />
  );
  return c.html(page, status);
}

/** The importer's organization scope: the operator's imports are not limited. */
const scopeOf = (user: User) => (user.organizationId === null ? {} : { organizationId: user.organizationId });

/** 403 rather than 200 for a report whose rows were refused as another organization's: the upload is not theirs to make. */
const statusOf = (report: TableImportReport) =>
  report.errors.some((error) => error.refusal === 'organization') ? 403 : 200;

const tooLarge = `ファイルが大きすぎます（上限 ${formatMegabytes(defaultTableLimits.maxFileBytes)}） (the file is too large: limit ${formatMegabytes(defaultTableLimits.maxFileBytes)})`;

imports.get('/import', (c) => render(c, { step: 'choose' }));

// The staff app refuses bodies past the upload limit before anything reads them (staff-app.tsx).
imports.post('/import/preview', async (c) => {
  const body = await c.req.parseBody();
  const file = body.file;
  if (!(file instanceof File) || file.size === 0) {
    return render(c, { step: 'choose' }, 'ファイルを選んでください (choose a file)', 400);
  }
  if (file.size > defaultTableLimits.maxFileBytes) return render(c, { step: 'choose' }, tooLarge, 413);
  const planId = typeof body.planId === 'string' && body.planId !== '' ? body.planId : undefined;
  const refused = planId === undefined ? undefined : await refuseOtherOrganization(c, 'plan', planId);
  if (refused) return refused;
  const sheet = typeof body.sheet === 'string' && body.sheet.trim() !== '' ? body.sheet.trim() : undefined;
  const bytes = new Uint8Array(await file.arrayBuffer());
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) if (typeof value === 'string') fields[key] = value;
  const form = mappingFromForm(fields);
  const mapping = await c.var.tables.resolveMapping(form.choices);
  if (!mapping.ok) return render(c, { step: 'choose' }, mapping.messages.join(' / '), 400);
  const upload = {
    userId: staffUser(c).id,
    bytes,
    file: file.name,
    ...(planId && { planId }),
    ...(sheet && { sheet }),
    ...(form.node && { node: form.node }),
    mapping: mapping.mapping,
  };
  return previewOf(c, upload);
});

/** Runs the dry run of a kept upload, keeps it again under a new token and shows the preview. */
async function previewOf(c: StaffContext, upload: NewPendingImport) {
  const refused = upload.planId ? await refuseOtherOrganization(c, 'plan', upload.planId) : undefined;
  if (refused) return refused;
  const { userId: _user, bytes, ...options } = upload;
  const outcome = await c.var.tables.importTable(bytes, {
    ...options,
    ...scopeOf(staffUser(c)),
    dryRun: true,
  });
  const changes = outcome.report.rows.some((r) => r.action !== 'unchanged');
  const kept = await c.var.tables.pending.add(upload);
  if (kept === undefined) return render(c, { step: 'choose' }, tooLarge, 413);
  return render(
    c,
    {
      step: 'preview',
      report: outcome.report,
      sha256: kept.sha256,
      // Nothing to confirm when rows are refused or none would change anything.
      token: outcome.ok && changes ? kept.token : null,
      // A table in the published shape may be re-checked with another mapping whatever the outcome.
      ...(outcome.report.published ? { mappingToken: kept.token } : {}),
      ...(upload.node === undefined ? {} : { node: upload.node }),
    },
    undefined,
    statusOf(outcome.report),
  );
}

const expired =
  'この確認は使えません（期限切れ・使用済み・別の利用者のもの）。もう一度ファイルを選んでください ' +
  '(this preview has expired, was already used or is not yours: choose the file again)';

// The published shape's mapping form: the same upload checked again with the columns as staff chose them.
imports.post('/import/recheck', async (c) => {
  const body = await formBody(c);
  const user = staffUser(c);
  const upload = await c.var.tables.pending.take(body.token ?? '', user.id);
  if (!upload) return render(c, { step: 'choose' }, expired, 400);
  const form = mappingFromForm(body);
  const mapping = await c.var.tables.resolveMapping(form.choices);
  const { sha256: _sha, node: _node, ...rest } = upload;
  if (!mapping.ok) return render(c, { step: 'choose' }, mapping.messages.join(' / '), 400);
  if (form.saveAs !== undefined) await c.var.tables.saveMapping(form.saveAs, mapping.mapping, user.login);
  return previewOf(c, { ...rest, mapping: mapping.mapping, ...(form.node && { node: form.node }) });
});

imports.post('/import/commit', async (c) => {
  const body = await formBody(c);
  const confirmed = [(await c.req.parseBody({ all: true })).confirm ?? []]
    .flat()
    .filter((id): id is string => typeof id === 'string');
  const user = staffUser(c);
  const publish = body.publish === 'now';
  if (publish && !mayPublish(user))
    return forbidden(
      c,
      'すぐに公開できるのは管理者だけです。下書きとして取り込んでください (only an admin may publish at once: import as drafts)',
    );
  const upload = await c.var.tables.pending.take(body.token ?? '', user.id);
  if (!upload) return render(c, { step: 'choose' }, expired, 400);
  const refused = upload.planId ? await refuseOtherOrganization(c, 'plan', upload.planId) : undefined;
  if (refused) return refused;
  // A published-shape table's mapping form submits its columns with the confirmation: they are what is imported.
  const mapped = Object.keys(body).some((key) => key.startsWith('header-'));
  const form = mapped ? mappingFromForm(body) : null;
  const mapping = form === null ? null : await c.var.tables.resolveMapping(form.choices);
  if (mapping !== null && !mapping.ok)
    return render(c, { step: 'choose' }, mapping.messages.join(' / '), 400);
  const node = form === null ? upload.node : form.node;
  const outcome = await c.var.tables.importTable(upload.bytes, {
    file: upload.file,
    actor: user.login,
    ...scopeOf(user),
    publish,
    confirmWarnings: confirmed,
    ...(upload.planId && { planId: upload.planId }),
    ...(upload.sheet && { sheet: upload.sheet }),
    ...(node && { node }),
    ...(mapping?.ok ? { mapping: mapping.mapping } : upload.mapping ? { mapping: upload.mapping } : {}),
  });
  if (outcome.ok && form?.saveAs !== undefined && mapping?.ok)
    await c.var.tables.saveMapping(form.saveAs, mapping.mapping, user.login);
  const report: TableImportReport = outcome.report;
  if (!outcome.ok && report.errors.length === 0 && unconfirmedWarnings(report).length > 0) {
    // Only warnings stand in the way: the same upload waits again for every box to be ticked.
    const kept = await c.var.tables.pending.add({
      userId: user.id,
      file: upload.file,
      bytes: upload.bytes,
      ...(upload.planId && { planId: upload.planId }),
      ...(upload.sheet && { sheet: upload.sheet }),
    });
    if (kept === undefined) return render(c, { step: 'choose' }, tooLarge, 413);
    const message =
      'すべての注意を確認してください。何も保存していません (confirm every warning: nothing was saved)';
    return render(c, { step: 'preview', report, sha256: kept.sha256, token: kept.token }, message, 400);
  }
  return render(
    c,
    { step: 'done', report, sha256: upload.sha256, committed: outcome.committed },
    undefined,
    statusOf(report),
  );
});

/** A city's staff get the 事務事業評価 template headed by their own 観点 labels; an operator, the default ones. */
async function ownViewpointLabels(c: StaffContext): Promise<string[] | undefined> {
  const organizationId = staffUser(c).organizationId;
  if (organizationId === null || organizationId === undefined) return undefined;
  const organization = (await c.var.store.listOrganizations()).find((o) => o.id === organizationId);
  return organization ? viewpointsOf(organization).map((v) => v.label) : undefined;
}

imports.get('/import/templates/:file{[A-Za-z]+\\.xlsx}', async (c) => {
  const kind = c.req.param('file').replace(/\.xlsx$/, '');
  // The values template was observations.xlsx before it took the glossary's name.
  if (kind === 'observations') return c.redirect('/admin/import/templates/indicatorValues.xlsx', 301);
  if (!Object.hasOwn(templateLabels, kind)) return c.notFound();
  const bytes = await c.var.tables.template(kind as TemplateKind, await ownViewpointLabels(c));
  return c.body(new Uint8Array(bytes), 200, {
    'Content-Type': xlsxType,
    'Content-Disposition': `attachment; filename="${kind}.xlsx"`,
    'X-Content-Type-Options': 'nosniff',
  });
});

imports.get('/import/templates/:file{[A-Za-z]+\\.csv}', async (c) => {
  const kind = c.req.param('file').replace(/\.csv$/, '');
  if (!Object.hasOwn(templateLabels, kind)) return c.notFound();
  const bytes = buildTemplateCsv(kind as TemplateKind, await ownViewpointLabels(c));
  return c.body(new Uint8Array(bytes), 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${kind}.csv"`,
    'X-Content-Type-Options': 'nosniff',
  });
});

export default imports;
