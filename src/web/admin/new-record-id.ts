/**
 * An id for a record created with the ID left empty: readable, and the same for the same form on the same data.
 * It extends the id of where the record belongs, as the demo's ids do (mirai-2016.p1, mirai-2016.p3.childcare.a01),
 * and a value's id is the importer's (indicator:observation@date, indicator:target).
 */
import { randomUUID } from 'node:crypto';
import type { EditingEntity } from '../../domain/editing/records.ts';
import { generatedIdSeparator } from '../../store/dataset-rows.ts';
import { type FormValues, readDate } from './form-values.ts';

const filled = (text: string | undefined) => (text ?? '').trim();
const twoDigits = (n: number) => String(n).padStart(2, '0');

/** The first candidate, and the one numbered n (n from 2) when that is taken; null without a parent id. */
type Naming = { first: string; numbered: (n: number) => string };

function counted(stem: string): Naming {
  return { first: `${stem}01`, numbered: (n) => `${stem}${twoDigits(n)}` };
}

function suffixed(first: string): Naming {
  return { first, numbered: (n) => `${first}-${n}` };
}

function namingOf(entity: EditingEntity, values: FormValues): Naming | null {
  const under = (field: string) => filled(values[field]);
  switch (entity) {
    case 'plan': {
      const org = under('organizationId');
      const year = /\d{4}/.exec(readDate(values.periodStart ?? '') ?? '')?.[0];
      return org ? suffixed(year ? `${org}-${year}` : `${org}-plan`) : null;
    }
    case 'node': {
      const parent = under('parentId') || under('planId');
      return parent ? counted(`${parent}.${values.kind === 'pillar' ? 'p' : 'n'}`) : null;
    }
    case 'indicator':
      return under('nodeId') ? counted(`${under('nodeId')}.i`) : null;
    case 'achievement':
      return under('nodeId') ? counted(`${under('nodeId')}.a`) : null;
    case 'evaluation': {
      const owner = under('nodeId') || under('planId');
      return owner ? counted(`${owner}.e`) : null;
    }
    case 'programSheet': {
      const year = /\d{4}/.exec(values.fiscalYear ?? '')?.[0];
      return under('nodeId') && year ? suffixed(`${under('nodeId')}.fy${year}`) : null;
    }
    case 'indicatorValue': {
      const indicator = under('indicatorId');
      if (!indicator) return null;
      const role = under('role') || 'observation';
      const date = readDate(values.date ?? '');
      const tail = role === 'observation' && date ? `observation@${date}` : role;
      return suffixed(`${indicator}${generatedIdSeparator}${tail}`);
    }
    case 'source':
      return { first: randomUUID(), numbered: () => randomUUID() };
  }
}

/**
 * The first free id for the new record, or "" when the form does not say where it belongs (the form then asks
 * for that field). `taken` tells whether an id is in use, as a draft or published.
 * @example await newRecordId('achievement', { nodeId: 'mirai-2016.p3' }, taken) // "mirai-2016.p3.a01", or a02 …
 */
export async function newRecordId(
  entity: EditingEntity,
  values: FormValues,
  taken: (id: string) => Promise<boolean>,
): Promise<string> {
  const naming = namingOf(entity, values);
  if (!naming) return '';
  if (!(await taken(naming.first))) return naming.first;
  for (let n = 2; n < 1000; n += 1) {
    const id = naming.numbered(n);
    if (!(await taken(id))) return id;
  }
  return '';
}
