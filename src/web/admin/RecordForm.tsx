import type { Child } from 'hono/jsx';
/** One entity's edit form: plain HTML that works without script, every error next to its field. */
import type { EditingEntity } from '../../domain/editing/records.ts';
import type { FieldIssue } from '../../store/editing/contract.ts';
import { csrfFieldName } from '../auth/csrf.ts';
import { fieldMessage, issuesByField } from './field-issues.ts';
import { type FieldSpec, fieldSpecs } from './field-specs.ts';
import type { FormValues } from './form-values.ts';
import { type OptionLabels, optionText } from './option-labels.ts';

export interface RecordFormProps {
  entity: EditingEntity;
  action: string;
  mode: 'create' | 'update';
  values: FormValues;
  issues?: readonly FieldIssue[];
  /** Shown above the reason field, inside the form (e.g. plausibility warnings to confirm). */
  children?: Child;
  /** The version the edit started from; empty for a create. */
  version: string;
  reason?: string;
  csrfToken: string;
  /** Choices known only at request time, e.g. the plan's status vocabulary: a text field becomes a select. */
  choices?: Record<string, readonly string[]>;
  /** The words those choices show (the plan's status labels), by field. */
  choiceLabels?: Record<string, OptionLabels>;
  /** Fields the form leaves to its children (an evaluation's 観点, entered one viewpoint at a time). */
  omit?: readonly string[];
  /** Why the record cannot be saved (a signed evaluation): said in place of the save button. */
  locked?: string;
}

const inputId = (name: string) => `f-${name.replace(/\./g, '-')}`;

interface InputProps {
  spec: FieldSpec;
  value: string;
  describedBy?: string | undefined;
  readOnly: boolean;
  choices?: readonly string[] | undefined;
  choiceLabels?: OptionLabels | undefined;
}

function Input({ spec: given, value, describedBy, readOnly, choices, choiceLabels }: InputProps) {
  const spec: FieldSpec = choices
    ? { ...given, input: 'select', options: choices, ...(choiceLabels ? { optionLabels: choiceLabels } : {}) }
    : given;
  const common = {
    id: inputId(spec.name),
    name: spec.name,
    'aria-describedby': describedBy,
    'aria-invalid': describedBy ? 'true' : undefined,
  };
  if (spec.input === 'checkbox') return <input type="checkbox" {...common} checked={value === 'on'} />;
  if (spec.input === 'textarea' || spec.input === 'json' || spec.input === 'lines') {
    return (
      <textarea {...common} rows={spec.input === 'json' ? 8 : 3}>
        {value}
      </textarea>
    );
  }
  if (spec.input === 'select') {
    const options = spec.empty === 'null' ? ['', ...(spec.options ?? [])] : (spec.options ?? []);
    // A value typed through the API may lie outside the list: keep it selectable so nothing is lost.
    const all = options.includes(value) ? options : [...options, value];
    return (
      <select {...common}>
        {all.map((option) => (
          <option value={option} selected={option === value}>
            {option === '' ? '（なし / none）' : optionText(option, spec.optionLabels)}
          </option>
        ))}
      </select>
    );
  }
  return (
    <input
      type="text"
      {...common}
      value={value}
      readonly={readOnly}
      inputmode={spec.input === 'number' || spec.input === 'integer' ? 'decimal' : undefined}
    />
  );
}

export function Field({ messages, ...input }: Omit<InputProps, 'describedBy'> & { messages: string[] }) {
  const { spec } = input;
  const errorId = messages.length > 0 ? `${inputId(spec.name)}-error` : undefined;
  return (
    <p class={messages.length > 0 ? 'field field-invalid' : 'field'}>
      <label for={inputId(spec.name)}>{spec.label}</label>
      {errorId ? (
        <span class="field-error" id={errorId}>
          {messages.map((message) => fieldMessage(spec, message)).join(' ')}
        </span>
      ) : null}
      <Input {...input} describedBy={errorId} />
    </p>
  );
}

export function RecordForm(props: RecordFormProps) {
  const grouped = issuesByField(props.entity, props.issues ?? []);
  const general = grouped.get('') ?? [];
  return (
    <form method="post" action={props.action} class="staff-form">
      {(props.issues ?? []).length > 0 ? (
        <div class="form-error" role="alert">
          <p>入力内容を確認してください (please check the highlighted fields)</p>
          {general.length > 0 ? (
            <ul>
              {general.map((message) => (
                <li>{message}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <input type="hidden" name={csrfFieldName} value={props.csrfToken} />
      <input type="hidden" name="version" value={props.version} />
      {fieldSpecs[props.entity]
        .filter((spec) => !props.omit?.includes(spec.name))
        .map((spec) => (
          <Field
            spec={spec}
            value={props.values[spec.name] ?? ''}
            messages={grouped.get(spec.name) ?? []}
            choices={props.choices?.[spec.name]}
            choiceLabels={props.choiceLabels?.[spec.name]}
            readOnly={props.mode === 'update' && spec.createOnly === true}
          />
        ))}
      {props.children}
      <p class="field">
        <label for="f-reason">変更の理由 (reason for the change)</label>
        <input type="text" id="f-reason" name="reason" value={props.reason ?? ''} />
      </p>
      {props.locked ? (
        <p class="progress-note" role="note">
          {props.locked}
        </p>
      ) : (
        <p>
          <button type="submit">下書きとして保存 (save as draft)</button>
        </p>
      )}
    </form>
  );
}
