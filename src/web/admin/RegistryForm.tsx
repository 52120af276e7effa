/** The organization and document forms: plain HTML that works without script, every error next to its field. */
import type { Child } from 'hono/jsx';
import type { FieldIssue } from '../../store/editing/contract.ts';
import { csrfFieldName } from '../auth/csrf.ts';
import type { FieldSpec } from './field-specs.ts';
import type { FormValues } from './form-values.ts';
import type { OptionLabels } from './option-labels.ts';
import { Field } from './RecordForm.tsx';

export interface RegistryFormProps {
  action: string;
  fields: readonly FieldSpec[];
  values: FormValues;
  issues?: readonly FieldIssue[];
  csrfToken: string;
  /** Choices known only at request time (the organizations), by field. */
  choices?: Record<string, readonly string[]>;
  choiceLabels?: Record<string, OptionLabels>;
  /** multipart/form-data, for a file upload. */
  multipart?: boolean;
  submit: string;
  /** Inputs after the fields (the file and its pasted text). */
  children?: Child;
  /** An edit: the id cannot change, and the form quotes the version it started from. */
  edit?: { version: number; reason: string };
}

const fixedIdSpec: FieldSpec = {
  name: 'id',
  label: 'ID（変更できません / cannot be changed）',
  input: 'text',
};

export function RegistryForm(props: RegistryFormProps) {
  const issues = props.issues ?? [];
  const named = new Set(props.fields.map((spec) => spec.name));
  const general = issues.filter((issue) => !named.has(issue.field.split('.')[0] ?? ''));
  return (
    <form
      method="post"
      action={props.action}
      class="staff-form"
      enctype={props.multipart ? 'multipart/form-data' : undefined}
    >
      {issues.length > 0 ? (
        <div class="form-error" role="alert">
          <p>入力内容を確認してください (please check the highlighted fields)</p>
          {general.length > 0 ? (
            <ul>
              {general.map((issue) => (
                <li>{issue.message}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <input type="hidden" name={csrfFieldName} value={props.csrfToken} />
      {props.edit ? <input type="hidden" name="version" value={String(props.edit.version)} /> : null}
      {props.fields.map((spec) => (
        <Field
          spec={props.edit !== undefined && spec.name === 'id' ? fixedIdSpec : spec}
          value={props.values[spec.name] ?? ''}
          messages={issues
            .filter((issue) => (issue.field.split('.')[0] ?? '') === spec.name)
            .map((issue) => issue.message)}
          choices={props.choices?.[spec.name]}
          choiceLabels={props.choiceLabels?.[spec.name]}
          readOnly={props.edit !== undefined && spec.name === 'id'}
        />
      ))}
      {props.children}
      {props.edit ? (
        <p class="field">
          <label for="f-reason">変更の理由 (reason for the change, kept in the history)</label>
          <input type="text" id="f-reason" name="reason" value={props.edit.reason} />
        </p>
      ) : null}
      <p>
        <button type="submit">{props.submit}</button>
      </p>
    </form>
  );
}
