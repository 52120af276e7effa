/**
 * The 観点 of an evaluation's staff form, one grade and one comment field per viewpoint of the organization, by
 * its own labels (必要性 … or 緊急性・市民ニーズ), instead of a JSON box. A stored grade on a viewpoint the
 * organization no longer lists keeps a row of its own, named by its code, so saving the form loses nothing.
 */
import type { ViewpointDefinition, ViewpointGrade } from '../../domain/model.ts';
import type { FormValues } from './form-values.ts';

const prefix = 'viewpoint.';

/** The grades a form's `viewpoints` value holds (its JSON), or none when it holds none or no valid JSON. */
function gradesOf(values: FormValues): ViewpointGrade[] {
  try {
    const parsed: unknown = JSON.parse(values.viewpoints || 'null');
    return Array.isArray(parsed) ? (parsed as ViewpointGrade[]) : [];
  } catch {
    return [];
  }
}

/**
 * The `viewpoints` JSON the per-viewpoint fields of a submitted form make ('' when none is filled), or undefined
 * when the form had no such fields (an API-like post, the conflict page's JSON box).
 * @example viewpointsFromFields({ 'viewpoint.urgency.grade': 'A' }) // '[{"viewpoint":"urgency","grade":"A"}]'
 */
export function viewpointsFromFields(body: Readonly<Record<string, string>>): string | undefined {
  const codes = [
    ...new Set(
      Object.keys(body)
        .filter((key) => key.startsWith(prefix))
        .map((key) => key.slice(prefix.length).replace(/\.(grade|comment)$/, '')),
    ),
  ];
  if (codes.length === 0) return undefined;
  const grades = codes.flatMap((code): ViewpointGrade[] => {
    const grade = (body[`${prefix}${code}.grade`] ?? '').trim();
    const comment = (body[`${prefix}${code}.comment`] ?? '').trim();
    if (grade === '' && comment === '') return [];
    return [{ viewpoint: code, grade: grade === '' ? null : grade, ...(comment === '' ? {} : { comment }) }];
  });
  return grades.length === 0 ? '' : JSON.stringify(grades);
}

export interface ViewpointFieldsProps {
  viewpoints: readonly ViewpointDefinition[];
  values: FormValues;
  messages?: readonly string[];
}

export function ViewpointFields({ viewpoints, values, messages = [] }: ViewpointFieldsProps) {
  const grades = gradesOf(values);
  const listed = new Set(viewpoints.map((v) => v.code));
  const rows = [
    ...viewpoints.map((v) => ({ code: v.code, label: v.label, labelEn: v.labelEn })),
    ...grades
      .filter((g) => !listed.has(g.viewpoint))
      .map((g) => ({ code: g.viewpoint, label: g.viewpoint, labelEn: g.viewpoint })),
  ];
  return (
    <fieldset class="viewpoint-fields">
      <legend>観点 (viewpoints)</legend>
      {messages.length > 0 ? (
        <p class="field-error" role="alert">
          {messages.join(' ')}
        </p>
      ) : null}
      {rows.map((row) => {
        const stored = grades.find((g) => g.viewpoint === row.code);
        const id = `f-viewpoint-${row.code}`;
        return (
          <p class="field">
            <label for={`${id}-grade`}>
              {row.label}の評価 (grade on {row.labelEn})
            </label>
            <input
              type="text"
              id={`${id}-grade`}
              name={`${prefix}${row.code}.grade`}
              value={stored?.grade ?? ''}
            />
            <label for={`${id}-comment`}>
              {row.label}の所見 (comment on {row.labelEn})
            </label>
            <input
              type="text"
              id={`${id}-comment`}
              name={`${prefix}${row.code}.comment`}
              value={stored?.comment ?? ''}
            />
          </p>
        );
      })}
    </fieldset>
  );
}
