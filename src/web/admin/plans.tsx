/** `/admin` and `/admin/plans/{id}`: the plans, one plan's tree with drafts, and publishing (admin only). */
import { Hono } from 'hono';
import { statusVocabularyOf } from '../../domain/status.ts';
import { forbidden, mayAttempt, mayPublish, reaches, refuseOtherOrganization } from '../auth/guard.tsx';
import type { StaffEnv } from '../auth/staff-env.ts';
import { notFound } from '../http-error.ts';
import { AdminLayout } from './AdminLayout.tsx';
import { DiscardList } from './DiscardList.tsx';
import { DraftBadge } from './DraftBadge.tsx';
import { PublishForm } from './PublishForm.tsx';
import { StaffTree } from './StaffTree.tsx';
import { csrfOf, staffUser } from './staff-context.ts';

const plans = new Hono<StaffEnv>();

plans.get('/', async (c) => {
  const user = staffUser(c);
  // A city's staff see their own city's plans; the operator sees every organization's.
  const published = (await c.var.store.listPlans()).filter((plan) => reaches(user, plan.organization.id));
  const created = (await c.var.editing.listDrafts()).filter(
    (d) =>
      d.entity === 'plan' &&
      d.action === 'create' &&
      reaches(user, (d.data as { organizationId?: string }).organizationId ?? null),
  );
  return c.html(
    <AdminLayout title="管理画面 (staff area)" user={staffUser(c)} csrfToken={csrfOf(c)}>
      <h2>計画 (plans)</h2>
      <ul>
        {published.map((plan) => (
          <li>
            <a href={`/admin/plans/${encodeURIComponent(plan.id)}`}>{plan.title}</a>
          </li>
        ))}
        {created.map((draft) => (
          <li>
            <a href={`/admin/plans/${encodeURIComponent(draft.entityId)}`}>{draft.entityId}</a>{' '}
            <DraftBadge draft={draft} />
          </li>
        ))}
      </ul>
      <p>
        <a href="/admin/records/plan/new">計画を追加 (add a plan)</a>
      </p>
    </AdminLayout>,
  );
});

plans.get('/plans/:id', async (c) => {
  const id = c.req.param('id');
  const refused = await refuseOtherOrganization(c, 'plan', id);
  if (refused) return refused;
  const view = await c.var.editing.getPlanWithDrafts(id);
  if (!view) throw notFound('計画', 'plan', id);
  const user = staffUser(c);
  const drafts = await c.var.editing.listDrafts(id);
  return c.html(
    <AdminLayout title={view.plan.title} user={user} csrfToken={csrfOf(c)}>
      <p>
        <DraftBadge draft={view.drafts[id]} />{' '}
        <a href={`/admin/records/plan/${encodeURIComponent(id)}`}>
          計画・状況の語彙・計算式・評価の閾値を編集 (edit plan settings)
        </a>
        {' · '}
        <a href={`/plans/${encodeURIComponent(id)}`}>公開ページ (public page)</a>
      </p>
      <StaffTree
        planId={id}
        nodes={view.plan.nodes}
        drafts={view.drafts}
        valueIds={view.valueIds}
        csrfToken={csrfOf(c)}
        statusVocabulary={statusVocabularyOf(view.plan)}
      />
      <p class="meta">
        <a
          href={`/admin/records/node/new?${new URLSearchParams({ planId: id, position: String(view.plan.nodes.length) })}`}
        >
          柱を追加 (add a pillar)
        </a>
      </p>
      <h2>下書き (drafts)</h2>
      <PublishForm planId={id} drafts={drafts} csrfToken={csrfOf(c)} canPublish={mayPublish(user)} />
      {mayAttempt(user, 'update') ? <DiscardList drafts={drafts} csrfToken={csrfOf(c)} /> : null}
    </AdminLayout>,
  );
});

plans.post('/plans/:id/publish', async (c) => {
  const user = staffUser(c);
  if (!mayPublish(user)) return forbidden(c);
  const planId = c.req.param('id');
  if (!(await c.var.editing.getRecord('plan', planId))) throw notFound('計画', 'plan', planId);
  const refused = await refuseOtherOrganization(c, 'plan', planId);
  if (refused) return refused;
  const body = await c.req.parseBody({ all: true });
  const ids = ([] as unknown[]).concat(body.draftIds ?? []).filter((v): v is string => typeof v === 'string');
  const reason = typeof body.reason === 'string' && body.reason.trim() ? body.reason.trim() : undefined;
  const result = await c.var.editing.publish(user, ids, reason);
  if (!result.ok) {
    if (result.error.code === 'forbidden') return forbidden(c, result.error.message);
    const message =
      result.error.code === 'invalid'
        ? result.error.issues.map((i) => i.message).join(' ')
        : result.error.code;
    return c.text(
      `公開できませんでした (could not publish): ${message}`,
      result.error.code === 'conflict' ? 409 : 400,
    );
  }
  return c.redirect(`/admin/plans/${encodeURIComponent(c.req.param('id'))}`, 303);
});

export default plans;
