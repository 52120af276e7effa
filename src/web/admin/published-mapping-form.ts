/**
 * The admin import page's column mapping for a table in the published shape, as form fields: per column a hidden
 * header (`header-3`), a select (`target-3`) and an optional year (`year-3`), then the year-kind answer, the node
 * for rows without a plan-tree column, and a name to save the mapping under.
 */
import type { MappingChoices } from '../../io/table-import/published-mappings.ts';

export interface MappingForm {
  choices: MappingChoices;
  node?: string;
  saveAs?: string;
}

const roles = new Set(['baseline', 'target', 'actual', 'forecast']);

/** The mapping fields of a submitted form; a column left on 「unknown」 is not mapped. */
export function mappingFromForm(body: Record<string, string>): MappingForm {
  const map: string[] = [];
  for (const [key, header] of Object.entries(body)) {
    const index = /^header-(\d{1,4})$/.exec(key)?.[1];
    if (index === undefined || header === '') continue;
    const target = (body[`target-${index}`] ?? '').trim();
    const year = (body[`year-${index}`] ?? '').trim();
    if (target === '' || target === 'unknown') continue;
    const role = target.split(':')[0] ?? '';
    map.push(`${header}=${year !== '' && roles.has(role) ? `${role}:${year}` : target}`);
  }
  const yearKind = body.yearKind?.trim();
  const node = body.node?.trim();
  const saveAs = body.saveMapping?.trim();
  const name = body.mappingName?.trim();
  return {
    choices: {
      map,
      ...(yearKind ? { yearKind } : {}),
      ...(name ? { name } : {}),
    },
    ...(node ? { node } : {}),
    ...(saveAs ? { saveAs } : {}),
  };
}
