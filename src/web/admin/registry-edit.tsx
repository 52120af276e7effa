/**
 * What the organization and document edit pages share: the form's values from a stored record, the version and
 * reason a save sends, and the notice of a conflict (someone saved after the form was opened: 409, nothing written,
 * the form kept as typed and now quoting the stored version, so a deliberate resubmit wins).
 */
import type { FieldSpec } from './field-specs.ts';
import type { FormValues } from './form-values.ts';

/** The form's values of a stored record: every field as text, absent ones empty. */
export function registryFormValues(fields: readonly FieldSpec[], record: object): FormValues {
  const values: FormValues = {};
  for (const spec of fields) {
    const value = (record as Record<string, unknown>)[spec.name];
    values[spec.name] = value === undefined || value === null ? '' : String(value);
  }
  return values;
}

/** The version a save quotes: a whole number, or null when the form sent none that reads as one. */
export function quotedVersion(text: string | undefined): number | null {
  const version = Number(text ?? '');
  return text !== undefined && text !== '' && Number.isInteger(version) && version >= 0 ? version : null;
}

export function ConflictNotice({ version }: { version: number }) {
  return (
    <p class="form-error" role="alert">
      この項目は編集を始めた後に他の人が保存しました（保存済みの版 {version}
      ）。何も上書きしていません。保存済みの内容を確かめ、必要ならもう一度保存してください (Someone saved this
      after you opened it; nothing was overwritten. Check the stored values above, then save again if you mean
      to.)
    </p>
  );
}
