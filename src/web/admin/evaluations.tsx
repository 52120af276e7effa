/**
 * `/admin/evaluations/{id}/sign`: a stage of the yearly cycle signed from its staff page. The store checks the
 * role (a department its 一次評価, admins and evaluators the later stages), the version and that the stage is
 * signed once; this controller turns its answer into a redirect, a 403, or the page again with 400 or 409.
 */
import { Hono } from 'hono';
import type { EvaluationRecord } from '../../domain/editing/records.ts';
import type { EditingError } from '../../store/editing/contract.ts';
import { forbidden, refuseOtherOrganization } from '../auth/guard.tsx';
import type { StaffEnv } from '../auth/staff-env.ts';
import { notFound } from '../http-error.ts';
import { AdminLayout } from './AdminLayout.tsx';
import { entityLabels } from './field-specs.ts';
import { SignSection } from './SignSection.tsx';
import { csrfOf, formBody, type StaffContext, staffUser, versionOf } from './staff-context.ts';

const evaluations = new Hono<StaffEnv>();

const recordPage = (id: string) => `/admin/records/evaluation/${encodeURIComponent(id)}`;

/** The evaluation as it stands now, with what went wrong, so the signer can look again and retry. */
async function renderAgain(
  c: StaffContext,
  id: string,
  messages: string[],
  status: 400 | 409,
  reason: string,
) {
  const stored = await c.var.editing.getRecord('evaluation', id);
  if (!stored || stored.data === null) throw notFound(entityLabels.evaluation, 'evaluation', id);
  return c.html(
    <AdminLayout title={`評価の署名 (sign the evaluation): ${id}`} user={staffUser(c)} csrfToken={csrfOf(c)}>
      <p>
        <a href={recordPage(id)}>評価の内容を開く (open the evaluation)</a>
      </p>
      <SignSection
        evaluation={stored.data as EvaluationRecord}
        version={stored.version}
        user={staffUser(c)}
        csrfToken={csrfOf(c)}
        messages={messages}
        reason={reason}
      />
    </AdminLayout>,
    status,
  );
}

function failure(c: StaffContext, id: string, error: EditingError, reason: string) {
  if (error.code === 'forbidden') return forbidden(c, error.message);
  if (error.code === 'not_found') throw notFound(entityLabels.evaluation, 'evaluation', id);
  if (error.code === 'invalid')
    return renderAgain(
      c,
      id,
      error.issues.map((i) => i.message),
      400,
      reason,
    );
  const message =
    `この評価は開いた後に変更されました（開いた版 ${error.submitted.version}、現在の版 ${error.current.version}）。` +
    `内容を確かめてから署名し直してください (the evaluation changed after you opened it: version ` +
    `${error.submitted.version} opened, ${error.current.version} now; check it and sign again)`;
  return renderAgain(c, id, [message], 409, reason);
}

evaluations.post('/:id/sign', async (c) => {
  const id = c.req.param('id');
  const refused = await refuseOtherOrganization(c, 'evaluation', id);
  if (refused) return refused;
  const body = await formBody(c);
  const reason = (body.reason ?? '').trim();
  const version = versionOf(body.version);
  if (version === null || version === 'invalid')
    return renderAgain(c, id, ['版が正しくありません (invalid version)'], 400, reason);
  const signed = await c.var.editing.signEvaluation(staffUser(c), {
    id,
    version,
    ...(reason ? { reason } : {}),
  });
  if (!signed.ok) return failure(c, id, signed.error, reason);
  return c.redirect(recordPage(id), 303);
});

export default evaluations;
