/**
 * The 署名 section of an evaluation's staff page: who signed the stage and when, or a form to sign it. Signing
 * publishes the evaluation as it stands (its draft included), so the form says so; the store decides who may sign.
 */
import type { Child } from 'hono/jsx';
import { can } from '../../domain/editing/permissions.ts';
import type { EvaluationRecord } from '../../domain/editing/records.ts';
import { evaluationStageLabels } from '../../domain/evaluation-vocabulary.ts';
import type { User } from '../../store/editing/contract.ts';
import { csrfFieldName } from '../auth/csrf.ts';

export interface SignSectionProps {
  evaluation: EvaluationRecord;
  /** The version the signer sees: the draft's when there is one, else the published row's. */
  version: number;
  user: User;
  csrfToken: string;
  /** Why the last attempt failed, shown above the form. */
  messages?: readonly string[];
  reason?: string;
}

/** `/admin/evaluations/{id}/sign`, the form's target. */
export const signAction = (id: string) => `/admin/evaluations/${encodeURIComponent(id)}/sign`;

/**
 * Whether the user's role signs this stage at all; a department editor's node scope is checked by the store,
 * which answers 403 for a stage outside it.
 */
export function maySignStage(user: User, stage: EvaluationRecord['stage']): boolean {
  return stage !== null && can({ ...user, nodeIds: null }, 'sign', { entity: 'evaluation', stage });
}

export function SignSection({
  evaluation,
  version,
  user,
  csrfToken,
  messages = [],
  reason = '',
}: SignSectionProps) {
  const stage = evaluation.stage === null ? undefined : evaluationStageLabels[evaluation.stage];
  let body: Child;
  if (evaluation.signedAt !== null)
    body = (
      <p class="signed">
        署名済み (signed): {evaluation.signedBy ?? ''}・
        <time datetime={evaluation.signedAt}>{evaluation.signedAt}</time>
      </p>
    );
  else if (stage === undefined)
    body = <p>段階のない評価には署名できません (an evaluation without a stage cannot be signed)</p>;
  else if (!maySignStage(user, evaluation.stage))
    body = (
      <p>
        {stage.label}に署名する権限がありません (you may not sign the {stage.labelEn})
      </p>
    );
  else
    body = (
      <form method="post" action={signAction(evaluation.id)} class="staff-form sign-form">
        <input type="hidden" name={csrfFieldName} value={csrfToken} />
        <input type="hidden" name="version" value={String(version)} />
        <p>
          この{stage.label}に {user.login}{' '}
          として署名します。署名すると評価は（下書きを含めて）公開され、変更履歴に残り、
          以後は変更できません。 (Signing the {stage.labelEn} as {user.login} publishes it as it stands, draft
          included, records it in the history, and freezes it.)
        </p>
        <p class="field">
          <label for="f-sign-reason">署名の理由・備考 (reason, optional)</label>
          <input type="text" id="f-sign-reason" name="reason" value={reason} />
        </p>
        <p>
          <button type="submit">{stage.label}に署名する (sign)</button>
        </p>
      </form>
    );
  return (
    <section class="sign-section" aria-labelledby="sign-heading">
      <h2 id="sign-heading">署名 (signature)</h2>
      {messages.length > 0 ? (
        <div class="form-error" role="alert">
          <ul>
            {messages.map((message) => (
              <li>{message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {body}
    </section>
  );
}
