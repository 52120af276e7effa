/**
 * signEvaluation: a stage of the yearly cycle (一次評価, 二次評価, 外部評価, 最終判断) becomes official. The signer and
 * the moment are written into the evaluation, which is published as it stands (its draft, if any, included) and
 * recorded as one 'publish' revision in the hash chain whose reason names the stage signed (「一次評価に署名」).
 * (The revision table's actions are fixed by a CHECK constraint; the signature itself is in the record.) A stage of one item and fiscal year is signed once: a second
 * signature, of the same evaluation or of another at the same stage, is refused, and a signed evaluation no longer
 * changes (save-change.ts refuses it).
 */
import type { Kysely } from 'kysely';
import { type Actor, can } from '../../domain/editing/permissions.ts';
import type { EvaluationRecord } from '../../domain/editing/records.ts';
import { evaluationStageLabels } from '../../domain/evaluation-vocabulary.ts';
import type { Database } from '../schema.ts';
import { reindexPlan } from '../search/reindex.ts';
import type { Result, SignEvaluationInput, SignedEvaluation } from './contract.ts';

export type { SignEvaluationInput, SignedEvaluation };

import { findDraft } from './draft-rows.ts';
import { readPublished } from './published-records.ts';
import { ownerOf } from './record-context.ts';
import { writeRecord } from './record-writes.ts';
import { EditingRejection, forbidden, invalid, loadActor } from './rejection.ts';
import { appendRevisions } from './revisions.ts';
import { withEditingTables } from './tables.ts';

type Trx = Kysely<Database>;

/** Another signed evaluation of the same item, year and stage (published, which is where signatures live). */
async function signedTwin(trx: Trx, record: EvaluationRecord, planId: string): Promise<string | undefined> {
  let query = trx
    .selectFrom('evaluation')
    .select('id')
    .where('plan_id', '=', planId)
    .where('stage', '=', record.stage)
    .where('signed_at', 'is not', null)
    .where('id', '!=', record.id);
  query =
    record.nodeId === null ? query.where('node_id', 'is', null) : query.where('node_id', '=', record.nodeId);
  query =
    record.fiscalYear === null
      ? query.where('fiscal_year', 'is', null)
      : query.where('fiscal_year', '=', record.fiscalYear);
  return (await query.executeTakeFirst())?.id;
}

async function sign(trx: Trx, actor: Actor, input: SignEvaluationInput): Promise<SignedEvaluation> {
  const draft = await findDraft(trx, 'evaluation', input.id);
  const published = await readPublished(trx, 'evaluation', input.id);
  if (draft?.action === 'delete' || (!draft && !published))
    throw new EditingRejection({ code: 'not_found', entity: 'evaluation', id: input.id });
  const record = (draft?.data ?? published?.record) as EvaluationRecord;
  const version = draft?.version ?? published?.version ?? 0;
  if (record.stage === null)
    throw new EditingRejection(
      invalid([
        {
          field: 'stage',
          message:
            '評価の段階が決まっていない評価には署名できません (only an evaluation with a stage can be signed)',
        },
      ]),
    );
  const stageWords = evaluationStageLabels[record.stage];
  const owner = await ownerOf(trx, 'evaluation', record);
  if (!can(actor, 'sign', { ...owner, stage: record.stage }))
    throw new EditingRejection(
      forbidden(
        `この段階（${stageWords.label}）に署名する権限がありません (you may not sign the ${stageWords.labelEn})`,
      ),
    );

  if (record.signedAt !== null || (published?.record as EvaluationRecord | undefined)?.signedAt)
    throw new EditingRejection(
      invalid([
        {
          field: 'signedAt',
          message: `この${stageWords.label}はすでに署名されています (this ${stageWords.labelEn} is already signed)`,
        },
      ]),
    );
  const twin = await signedTwin(trx, record, owner.planId);
  if (twin !== undefined)
    throw new EditingRejection(
      invalid([
        {
          field: 'stage',
          message: `同じ年度の${stageWords.label}はすでに署名されています (the ${stageWords.labelEn} of this year is already signed): ${twin}`,
        },
      ]),
    );
  if (version !== input.version) {
    const current = { entity: 'evaluation' as const, id: input.id, version, data: record };
    throw new EditingRejection({
      code: 'conflict',
      current,
      submitted: { ...current, version: input.version },
    });
  }
  const stamp = new Date().toISOString();
  const signed: EvaluationRecord = { ...record, signedBy: actor.login, signedAt: stamp };
  const newVersion = await writeRecord(trx, 'evaluation', signed, published !== undefined, stamp);
  if (draft) await withEditingTables(trx).deleteFrom('draft_change').where('id', '=', draft.id).execute();
  await appendRevisions(trx, [
    {
      entity: 'evaluation',
      entityId: record.id,
      planId: owner.planId,
      action: 'publish',
      actor: actor.login,
      reason: input.reason ?? `${stageWords.label}に署名 (signed the ${stageWords.labelEn})`,
      before: published?.record ?? null,
      after: signed,
      published: true,
    },
  ]);
  await reindexPlan(trx, owner.planId);
  return { id: record.id, version: newVersion, signedBy: actor.login, signedAt: stamp };
}

/** Signs one stage, all or nothing: `await signEvaluation(db, evaluator, { id: 'p1.e2', version: 3 })`. */
export async function signEvaluation(
  db: Kysely<Database>,
  actorRef: Actor,
  input: SignEvaluationInput,
): Promise<Result<SignedEvaluation>> {
  return EditingRejection.catch(() =>
    db.transaction().execute(async (trx) => sign(trx, await loadActor(trx, actorRef), input)),
  );
}
