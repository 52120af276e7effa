/**
 * The 409 page: someone saved this record after the editor opened it. Both versions side by side, then the
 * form still holding what was typed, now quoting the stored version so a deliberate resubmit can win.
 */
import type { EditingEntity } from '../../domain/editing/records.ts';
import type { User, VersionedRecord } from '../../store/editing/contract.ts';
import { AdminLayout } from './AdminLayout.tsx';
import { entityLabels, fieldSpecs } from './field-specs.ts';
import { type FormValues, formValues } from './form-values.ts';
import { RecordForm } from './RecordForm.tsx';

export interface ConflictPageProps {
  entity: EditingEntity;
  action: string;
  mode: 'create' | 'update';
  current: VersionedRecord;
  submitted: FormValues;
  reason: string;
  user: User;
  csrfToken: string;
}

export function ConflictPage(props: ConflictPageProps) {
  const stored = formValues(props.entity, props.current.data);
  return (
    <AdminLayout
      title={`更新の競合 (conflict): ${entityLabels[props.entity]}`}
      user={props.user}
      csrfToken={props.csrfToken}
    >
      <p class="form-error" role="alert">
        この項目は編集を始めた後に他の人が保存しました（保存済みの版 {props.current.version}
        ）。何も上書きしていません。 (Someone saved this item after you started editing; nothing was
        overwritten.)
      </p>
      <table class="conflict">
        <caption>保存済みの内容と送信した内容 (stored and submitted values)</caption>
        <thead>
          <tr>
            <th scope="col">項目 (field)</th>
            <th scope="col">保存済み (stored, version {props.current.version})</th>
            <th scope="col">送信した内容 (submitted)</th>
          </tr>
        </thead>
        <tbody>
          {fieldSpecs[props.entity].map((spec) => {
            const before = stored[spec.name] ?? '';
            const after = props.submitted[spec.name] ?? '';
            return (
              <tr class={before === after ? undefined : 'changed'}>
                <th scope="row">{spec.label}</th>
                <td class="stored">{before}</td>
                <td class="submitted">{after}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h2>送信した内容で保存し直す (save your version again)</h2>
      <RecordForm
        entity={props.entity}
        action={props.action}
        mode={props.mode}
        values={props.submitted}
        version={String(props.current.version)}
        reason={props.reason}
        csrfToken={props.csrfToken}
      />
    </AdminLayout>
  );
}
