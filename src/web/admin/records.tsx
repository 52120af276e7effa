/**
 * `/admin/{entity}/…`: the create, edit and delete forms of every entity. Each write goes form (parseForm) →
 * command (EditingStore.saveChange, one transaction) → this controller (redirect, or re-render with status).
 */
import { Hono } from 'hono';
import type { EditingEntity, EvaluationRecord } from '../../domain/editing/records.ts';
import { nextStepsOf, viewpointsOf } from '../../domain/evaluation-vocabulary.ts';
import { nodesOf } from '../../domain/plan-tree.ts';
import type { PlausibilityWarning } from '../../domain/plausibility.ts';
import { statusVocabularyOf } from '../../domain/status.ts';
import type { DraftAction, EditingError, FieldIssue } from '../../store/editing/contract.ts';
import {
  forbidden,
  mayAttempt,
  otherOrganizationMessage,
  reaches,
  refuseOtherOrganization,
} from '../auth/guard.tsx';
import type { StaffEnv } from '../auth/staff-env.ts';
import { notFound } from '../http-error.ts';
import { AdminLayout } from './AdminLayout.tsx';
import { ConflictPage } from './ConflictPage.tsx';
import { issuesByField } from './field-issues.ts';
import { entityLabels, fieldSpecs } from './field-specs.ts';
import { type FormValues, formValues, parseForm, submittedValues } from './form-values.ts';
import { newRecordId } from './new-record-id.ts';
import { statusWords } from './option-labels.ts';
import { RecordForm, type RecordFormProps } from './RecordForm.tsx';
import { SignSection } from './SignSection.tsx';
import { csrfOf, entityParam, formBody, type StaffContext, staffUser, versionOf } from './staff-context.ts';
import { reasonWithWarnings, ValueWarnings, valueWarnings } from './ValueWarnings.tsx';
import { ViewpointFields, viewpointsFromFields } from './ViewpointFields.tsx';

const records = new Hono<StaffEnv>();

interface FormState {
  entity: EditingEntity;
  mode: 'create' | 'update';
  id: string;
  values: FormValues;
  version: string;
  reason: string;
  /** The editor ticked the box confirming the value's plausibility warnings. */
  confirmed?: boolean;
  /** An evaluation's page: the stored record its 署名 section shows, at the version a signature must quote. */
  signature?: { evaluation: EvaluationRecord; version: number };
}

const formAction = (s: FormState) =>
  s.mode === 'create'
    ? `/admin/records/${s.entity}`
    : `/admin/records/${s.entity}/${encodeURIComponent(s.id)}`;

/**
 * Documents are chosen from those stored (registered ones included), a new plan's organization from the
 * organizations, a node's status from its plan's vocabulary and its parent from the plan's tree (the "none"
 * choice is a status the source does not state, or a pillar at the top).
 */
async function choicesOf(
  c: StaffContext,
  s: FormState,
): Promise<Pick<RecordFormProps, 'choices' | 'choiceLabels'>> {
  const documents = await documentChoices(c, s);
  const organizations = s.entity === 'plan' && s.mode === 'create' ? await organizationChoices(c) : none;
  const nodes = await nodeChoices(c, s);
  return {
    choices: { ...documents.choices, ...organizations.choices, ...nodes.choices },
    choiceLabels: { ...documents.choiceLabels, ...organizations.choiceLabels, ...nodes.choiceLabels },
  };
}

type Choices = Required<Pick<RecordFormProps, 'choices' | 'choiceLabels'>>;
const none: Choices = { choices: {}, choiceLabels: {} };

/** Every source document, registered ones included, for each "document id" field of the form. */
async function documentChoices(c: StaffContext, s: FormState): Promise<Choices> {
  const fields = fieldSpecs[s.entity].map((spec) => spec.name).filter((name) => name.endsWith('documentId'));
  if (fields.length === 0) return none;
  const documents = await c.var.store.listDocuments();
  const ids = ['', ...documents.map((doc) => doc.id)];
  const labels = Object.fromEntries(documents.map((doc) => [doc.id, doc.title]));
  return {
    choices: Object.fromEntries(fields.map((field) => [field, ids])),
    choiceLabels: Object.fromEntries(fields.map((field) => [field, labels])),
  };
}

async function organizationChoices(c: StaffContext): Promise<Choices> {
  const user = staffUser(c);
  const organizations = (await c.var.store.listOrganizations()).filter((org) => reaches(user, org.id));
  return {
    choices: { organizationId: ['', ...organizations.map((org) => org.id)] },
    choiceLabels: { organizationId: Object.fromEntries(organizations.map((org) => [org.id, org.name])) },
  };
}

async function nodeChoices(c: StaffContext, s: FormState): Promise<Choices> {
  if (s.entity !== 'node' || !s.values.planId) return none;
  const view = await c.var.editing.getPlanWithDrafts(s.values.planId);
  if (!view) return none;
  const others = nodesOf(view.plan.nodes).filter((node) => node.id !== s.id);
  const vocabulary = statusVocabularyOf(view.plan);
  return {
    choices: { status: vocabulary.map((status) => status.code), parentId: others.map((node) => node.id) },
    choiceLabels: {
      status: statusWords(vocabulary),
      parentId: Object.fromEntries(
        others.map((node) => [node.id, `${node.code ? `${node.code} ` : ''}${node.title}`]),
      ),
    },
  };
}

/**
 * The words of the organization an evaluation belongs to (its 今後の方向性 and 観点), the glossary's when it has
 * none; undefined for other entities.
 */
async function evaluationVocabularyOf(c: StaffContext, s: FormState) {
  if (s.entity !== 'evaluation') return undefined;
  const owner = formOwner(s);
  const organizationId =
    owner === null
      ? undefined
      : 'organizationId' in owner
        ? owner.organizationId
        : await c.var.editing.organizationOf(owner.entity, owner.id);
  const organization = (await c.var.store.listOrganizations()).find((o) => o.id === organizationId);
  const vocabularies = organization ?? { evaluationViewpoints: null, nextStepVocabulary: null };
  return { viewpoints: viewpointsOf(vocabularies), nextSteps: nextStepsOf(vocabularies) };
}

async function renderForm(
  c: StaffContext,
  s: FormState,
  issues: FieldIssue[] = [],
  status: 200 | 400 = 200,
  warnings: readonly PlausibilityWarning[] = [],
) {
  const verb = s.mode === 'create' ? '追加 (new)' : '編集 (edit)';
  const choices = await choicesOf(c, s);
  const words = await evaluationVocabularyOf(c, s);
  if (words) {
    // The organization's own 今後の方向性, in its order and words.
    choices.choices = { ...choices.choices, nextStep: words.nextSteps.map((step) => step.code) };
    choices.choiceLabels = {
      ...choices.choiceLabels,
      nextStep: Object.fromEntries(words.nextSteps.map((step) => [step.code, step.label])),
    };
  }
  return c.html(
    <AdminLayout title={`${entityLabels[s.entity]} ${verb}`} user={staffUser(c)} csrfToken={csrfOf(c)}>
      <RecordForm
        {...s}
        {...choices}
        action={formAction(s)}
        issues={issues}
        csrfToken={csrfOf(c)}
        {...(words ? { omit: ['viewpoints'] } : {})}
        {...(s.signature?.evaluation.signedBy
          ? {
              locked:
                '署名済みの評価は変更・削除できません。見直しは新しい評価として記録します ' +
                '(a signed evaluation cannot be changed; record a review as a new evaluation)',
            }
          : {})}
      >
        {words ? (
          <ViewpointFields
            viewpoints={words.viewpoints}
            values={s.values}
            messages={issuesByField('evaluation', issues).get('viewpoints') ?? []}
          />
        ) : null}
        {warnings.length > 0 ? <ValueWarnings warnings={warnings} /> : null}
      </RecordForm>
      {s.signature ? <SignSection {...s.signature} user={staffUser(c)} csrfToken={csrfOf(c)} /> : null}
    </AdminLayout>,
    status,
  );
}

/** Turns a failed command into the page the editor needs next. */
function renderFailure(c: StaffContext, s: FormState, error: EditingError) {
  if (error.code === 'invalid') return renderForm(c, s, error.issues, 400);
  if (error.code === 'forbidden') return forbidden(c, error.message);
  if (error.code === 'not_found') throw notFound(entityLabels[s.entity], s.entity, s.id);
  const page = (
    <ConflictPage
      {...s}
      action={formAction(s)}
      current={error.current}
      submitted={s.values}
      user={staffUser(c)}
      csrfToken={csrfOf(c)}
    />
  );
  return c.html(page, 409);
}

/**
 * The record a form shows or saves, or for a new one the record it goes under: what decides its organization.
 * A new plan names its organization itself; the store checks the saved record again whatever this finds.
 */
function formOwner(s: FormState): { entity: EditingEntity; id: string } | { organizationId: string } | null {
  if (s.mode === 'update') return { entity: s.entity, id: s.id };
  const v = s.values;
  if (s.entity === 'plan') return v.organizationId ? { organizationId: v.organizationId } : null;
  if (v.indicatorId) return { entity: 'indicator', id: v.indicatorId };
  if (v.nodeId) return { entity: 'node', id: v.nodeId };
  if (v.parentId) return { entity: 'node', id: v.parentId };
  if (v.planId) return { entity: 'plan', id: v.planId };
  return null;
}

/** 403 when the form's record lies in another organization than the user's (before any draft is read). */
async function refuseOtherFormOrganization(c: StaffContext, s: FormState): Promise<Response | undefined> {
  const owner = formOwner(s);
  if (owner === null) return undefined;
  if ('organizationId' in owner)
    return reaches(staffUser(c), owner.organizationId) ? undefined : forbidden(c, otherOrganizationMessage);
  return refuseOtherOrganization(c, owner.entity, owner.id);
}

async function save(c: StaffContext, s: FormState, action: DraftAction) {
  const user = staffUser(c);
  if (!mayAttempt(user, action, s.entity)) return forbidden(c);
  const refused = await refuseOtherFormOrganization(c, s);
  if (refused) return refused;
  const version = versionOf(s.version);
  if (version === 'invalid') {
    return renderForm(c, s, [{ field: '', message: '版が正しくありません (invalid version)' }], 400);
  }
  const parsed = action === 'delete' ? { record: {}, issues: [] } : parseForm(s.entity, s.values);
  if (parsed.issues.length > 0) return renderForm(c, s, parsed.issues, 400);
  const warnings =
    s.entity === 'indicatorValue' && action !== 'delete'
      ? await valueWarnings(c.var.store, s.id, parsed.record)
      : [];
  // Never silent: a value that earns a warning is saved only on a second submit with the box ticked.
  if (warnings.length > 0 && !s.confirmed) return renderForm(c, s, [], 200, warnings);
  const reason = reasonWithWarnings(s.reason.trim(), warnings);
  const result = await c.var.editing.saveChange(user, {
    entity: s.entity,
    action,
    id: s.id,
    ...(action === 'delete' ? {} : { data: parsed.record }),
    version,
    ...(reason ? { reason } : {}),
  });
  if (!result.ok) return renderFailure(c, s, result.error);
  return c.redirect(`/admin/plans/${encodeURIComponent(result.value.planId)}`, 303);
}

/** An evaluation's 観点 as entered one viewpoint at a time, into the record's `viewpoints`. */
function withViewpointFields(
  entity: EditingEntity,
  values: FormValues,
  body: Record<string, string>,
): FormValues {
  if (entity !== 'evaluation') return values;
  const fromFields = viewpointsFromFields(body);
  return fromFields === undefined ? values : { ...values, viewpoints: fromFields };
}

// Staff links and bookmarks from before indicator values got their name (/admin/records/observation/…).
records.get('/observation/*', (c) => {
  const url = new URL(c.req.url);
  return c.redirect(`${url.pathname.replace('/observation/', '/indicatorValue/')}${url.search}`, 301);
});

records.get('/:entity/new', async (c) => {
  const entity = entityParam(c);
  // Links from the plan page say where the new record belongs (?nodeId=…, ?parentId=…).
  const values = formValues(entity, {});
  for (const spec of fieldSpecs[entity]) {
    // A required choice starts on its first option rather than on a blank the record cannot hold.
    const first = spec.input === 'select' && spec.empty !== 'null' ? (spec.options?.[0] ?? '') : '';
    values[spec.name] = c.req.query(spec.name) ?? (values[spec.name] || first);
  }
  const s: FormState = { entity, mode: 'create', id: '', values, version: '', reason: '' };
  return (await refuseOtherFormOrganization(c, s)) ?? renderForm(c, s);
});

records.post('/:entity', async (c) => {
  const entity = entityParam(c);
  const body = await formBody(c);
  const values = withViewpointFields(entity, submittedValues(entity, body), body);
  if ((values.id ?? '').trim() === '') {
    const taken = async (id: string) => (await c.var.editing.getRecord(entity, id)) !== undefined;
    values.id = await newRecordId(entity, values, taken);
  }
  const s: FormState = {
    entity,
    mode: 'create',
    id: (values.id ?? '').trim(),
    values,
    version: '',
    reason: body.reason ?? '',
    confirmed: body.confirmWarnings === 'yes',
  };
  return save(c, s, 'create');
});

records.get('/:entity/:id', async (c) => {
  const entity = entityParam(c);
  const id = c.req.param('id');
  const refused = await refuseOtherOrganization(c, entity, id);
  if (refused) return refused;
  const stored = await c.var.editing.getRecord(entity, id);
  if (!stored || stored.data === null) throw notFound(entityLabels[entity], entity, id);
  const values = formValues(entity, stored.data);
  const signature =
    entity === 'evaluation'
      ? { signature: { evaluation: stored.data as EvaluationRecord, version: stored.version } }
      : {};
  return renderForm(c, {
    entity,
    mode: 'update',
    id,
    values,
    version: String(stored.version),
    reason: '',
    ...signature,
  });
});

records.post('/:entity/:id', async (c) => {
  const entity = entityParam(c);
  const id = c.req.param('id');
  const body = await formBody(c);
  const values = { ...withViewpointFields(entity, submittedValues(entity, body), body), id };
  return save(
    c,
    {
      entity,
      mode: 'update',
      id,
      values,
      version: body.version ?? '',
      reason: body.reason ?? '',
      confirmed: body.confirmWarnings === 'yes',
    },
    'update',
  );
});

records.post('/:entity/:id/delete', async (c) => {
  const entity = entityParam(c);
  const id = c.req.param('id');
  const body = await formBody(c);
  const refused = await refuseOtherOrganization(c, entity, id);
  if (refused) return refused;
  const stored = await c.var.editing.getRecord(entity, id);
  const values = formValues(entity, stored?.data ?? { id });
  return save(
    c,
    { entity, mode: 'update', id, values, version: body.version ?? '', reason: body.reason ?? '' },
    'delete',
  );
});

export default records;
