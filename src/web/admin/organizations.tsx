/**
 * `/admin/organizations`: the organizations (an organization's admin sees only their own), and a form for a new one
 * (operator-wide admins only: a tenant is the operator's decision). An organization is public at once, with a
 * 'create' revision; its plans are then added as drafts from the plan form.
 */
import { Hono } from 'hono';
import { can } from '../../domain/editing/permissions.ts';
import { operatorOnlyMessage } from '../../store/registry/organizations.ts';
import { forbidden, reaches, requirePermission } from '../auth/guard.tsx';
import type { StaffEnv } from '../auth/staff-env.ts';
import { AdminLayout } from './AdminLayout.tsx';
import type { FormValues } from './form-values.ts';
import { RegistryForm } from './RegistryForm.tsx';
import { newOrganizationId, organizationFields, readOrganizationForm } from './registry-fields.ts';
import { csrfOf, formBody, type StaffContext, staffUser } from './staff-context.ts';

const organizations = new Hono<StaffEnv>();

organizations.use('/organizations', requirePermission('publish'));
organizations.use('/organizations/*', requirePermission('publish'));
organizations.use('/organizations/new', requirePermission('manage_organizations'));

const pageTitle = '団体の追加 (new organization)';

function renderForm(c: StaffContext, values: FormValues, issues: { field: string; message: string }[] = []) {
  return c.html(
    <AdminLayout title={pageTitle} user={staffUser(c)} csrfToken={csrfOf(c)}>
      <RegistryForm
        action="/admin/organizations"
        fields={organizationFields}
        values={values}
        issues={issues}
        csrfToken={csrfOf(c)}
        submit="団体を追加 (add the organization)"
      />
    </AdminLayout>,
    issues.length > 0 ? 400 : 200,
  );
}

organizations.get('/organizations', async (c) => {
  const user = staffUser(c);
  const [organizationList, plans] = await Promise.all([
    c.var.store.listOrganizations(),
    c.var.store.listPlans(),
  ]);
  const all = organizationList.filter((org) => reaches(user, org.id));
  const documentCounts = await Promise.all(
    all.map(async (org) => (await c.var.store.listDocuments(org.id)).length),
  );
  return c.html(
    <AdminLayout title="団体 (organizations)" user={staffUser(c)} csrfToken={csrfOf(c)}>
      {can(user, 'manage_organizations') ? (
        <p>
          <a href="/admin/organizations/new">団体を追加 (add an organization)</a>
        </p>
      ) : null}
      <ul class="staff-cards">
        {all.map((org, index) => {
          const query = new URLSearchParams({ organizationId: org.id }).toString();
          return (
            <li>
              <h2>{org.name}</h2>
              <p class="meta">
                {org.id}
                {org.municipalityCode ? `・全国地方公共団体コード (code) ${org.municipalityCode}` : ''}
              </p>
              <p>
                計画 (plans) {plans.filter((p) => p.organization.id === org.id).length} 件 ・{' '}
                <a href={`/admin/records/plan/new?${query}`}>計画を追加 (add a plan)</a>
              </p>
              <p>
                資料 (documents) {documentCounts[index]} 件 ・{' '}
                <a href={`/admin/documents/new?${query}`}>資料を登録 (register a document)</a>
              </p>
            </li>
          );
        })}
      </ul>
    </AdminLayout>,
  );
});

organizations.get('/organizations/new', (c) => renderForm(c, { kind: 'municipality' }));

organizations.post('/organizations', async (c) => {
  if (!can(staffUser(c), 'manage_organizations')) return forbidden(c, operatorOnlyMessage);
  const body = await formBody(c);
  const values: FormValues = Object.fromEntries(
    organizationFields.map((spec) => [spec.name, body[spec.name] ?? '']),
  );
  if ((values.id ?? '').trim() === '') {
    const known = new Set((await c.var.store.listOrganizations()).map((org) => org.id));
    values.id = await newOrganizationId(values, async (id) => known.has(id));
  }
  const form = readOrganizationForm(values);
  if (form.issues.length > 0) return renderForm(c, values, form.issues);
  const result = await c.var.editing.createOrganization(staffUser(c), form.record);
  if (!result.ok) {
    if (result.error.code === 'invalid') return renderForm(c, values, result.error.issues);
    return c.text(result.error.code === 'forbidden' ? result.error.message : result.error.code, 403);
  }
  return c.redirect('/admin/organizations', 303);
});

export default organizations;
