/**
 * `/admin/import`: staff tables in the browser, as `mieruka import` does on the command line. Upload → preview
 * (a dry run; the upload waits server-side under a one-time token) → confirm (the real, all-or-nothing import,
 * recorded in the history under the user's login). Imported values are published at once, so the whole area is
 * for users who may publish.
 */
import { Hono } from 'hono';
import type { TableImportReport } from '../../io/table-import/index.ts';
import { defaultTableLimits, type TemplateKind } from '../../io/tables/index.ts';
import { formatMegabytes } from '../../io/tables/limits.ts';
import { requirePermission } from '../auth/guard.tsx';
import type { StaffEnv } from '../auth/staff-env.ts';
import { ImportPage, type ImportStep, templateLabels } from './ImportPage.tsx';
import { PendingImports } from './pending-imports.ts';
import { csrfOf, formBody, type StaffContext, staffUser } from './staff-context.ts';

const imports = new Hono<StaffEnv>();
const pending = new PendingImports();
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

imports.use('/import', requirePermission('publish'));
imports.use('/import/*', requirePermission('publish'));

async function render(c: StaffContext, state: ImportStep, error?: string, status: 200 | 400 | 413 = 200) {
  const page = (
    <ImportPage
      user={staffUser(c)}
      csrfToken={csrfOf(c)}
      plans={await c.var.store.listPlans()}
      state={state}
      {...(error === undefined ? {} : { error })}
    />
  );
  return c.html(page, status);
}

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
  const sheet = typeof body.sheet === 'string' && body.sheet.trim() !== '' ? body.sheet.trim() : undefined;
  const bytes = new Uint8Array(await file.arrayBuffer());
  const options = { file: file.name, ...(planId && { planId }), ...(sheet && { sheet }) };
  const outcome = await c.var.tables.importTable(bytes, { ...options, dryRun: true });
  const changes = outcome.report.rows.some((r) => r.action !== 'unchanged');
  const kept = pending.add({ userId: staffUser(c).id, bytes, ...options });
  return render(c, {
    step: 'preview',
    report: outcome.report,
    sha256: kept.sha256,
    // Nothing to confirm when rows are refused or none would change anything.
    token: outcome.ok && changes ? kept.token : null,
  });
});

imports.post('/import/commit', async (c) => {
  const body = await formBody(c);
  const user = staffUser(c);
  const upload = pending.take(body.token ?? '', user.id);
  if (!upload) {
    const message =
      'この確認は使えません（期限切れ・使用済み・別の利用者のもの）。もう一度ファイルを選んでください ' +
      '(this preview has expired, was already used or is not yours: choose the file again)';
    return render(c, { step: 'choose' }, message, 400);
  }
  const outcome = await c.var.tables.importTable(upload.bytes, {
    file: upload.file,
    actor: user.login,
    ...(upload.planId && { planId: upload.planId }),
    ...(upload.sheet && { sheet: upload.sheet }),
  });
  const report: TableImportReport = outcome.report;
  return render(c, { step: 'done', report, sha256: upload.sha256, committed: outcome.committed });
});

imports.get('/import/templates/:file{[A-Za-z]+\\.xlsx}', async (c) => {
  const kind = c.req.param('file').replace(/\.xlsx$/, '');
  // The values template was observations.xlsx before it took the glossary's name.
  if (kind === 'observations') return c.redirect('/admin/import/templates/indicatorValues.xlsx', 301);
  if (!Object.hasOwn(templateLabels, kind)) return c.notFound();
  const bytes = await c.var.tables.template(kind as TemplateKind);
  return c.body(new Uint8Array(bytes), 200, {
    'Content-Type': xlsxType,
    'Content-Disposition': `attachment; filename="${kind}.xlsx"`,
    'X-Content-Type-Options': 'nosniff',
  });
});

export default imports;
