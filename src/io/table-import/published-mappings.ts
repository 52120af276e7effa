/**
 * Column mappings by name: a saved one read back and checked, staff's choices laid over it (`--map`, `--ignore`,
 * `--year-kind`, or the admin page's selects), and saving the result.
 */
import type { Kysely } from 'kysely';
import {
  getImportMapping,
  listImportMappings,
  saveImportMapping,
} from '../../store/import-mappings/index.ts';
import type { Database } from '../../store/schema.ts';
import {
  type ColumnMapping,
  columnMappingSchema,
  emptyMapping,
  parseMapArgument,
  parseMappingTarget,
  type YearKind,
  yearKinds,
} from '../tables/published-mapping.ts';

export interface MappingChoices {
  /** A saved mapping to start from. */
  name?: string;
  /** `列名=field` entries, later ones winning. */
  map?: readonly string[];
  /** Headers to leave out. */
  ignore?: readonly string[];
  yearKind?: string;
}

export type MappingResult = { ok: true; mapping: ColumnMapping } | { ok: false; messages: string[] };

/** Whether a mapping name is acceptable: short, printable, no control characters. */
export const mappingNameOk = (name: string) => /^[^\p{Cc}]{1,100}$/u.test(name) && name.trim() === name;

/** The mapping staff's choices make, starting from the saved one named; every problem in one list. */
export async function resolveMapping(db: Kysely<Database>, choices: MappingChoices): Promise<MappingResult> {
  const messages: string[] = [];
  let mapping = emptyMapping();
  if (choices.name !== undefined) {
    const stored = await getImportMapping(db, choices.name);
    const parsed = stored === undefined ? undefined : columnMappingSchema.safeParse(stored.mapping);
    if (parsed?.success) mapping = parsed.data;
    else
      messages.push(
        stored === undefined
          ? `保存された対応づけ「${choices.name}」がありません (no saved mapping named ${choices.name})`
          : `保存された対応づけ「${choices.name}」が読めません (the saved mapping ${choices.name} is unreadable)`,
      );
  }
  const columns = { ...mapping.columns };
  for (const argument of choices.map ?? []) {
    const entry = parseMapArgument(argument);
    if (entry === null) {
      messages.push(
        `--map「${argument}」は「列名=項目」の形で書いてください (write --map as "header=field")`,
      );
      continue;
    }
    if (parseMappingTarget(entry[1]) === null) {
      messages.push(
        `--map「${argument}」の項目「${entry[1]}」が分かりません (unknown field ${entry[1]}: name, id, node, nodeCode, unit, direction, source, baselineYear, targetYear, baseline, target, actual, forecast, role:年, ignore)`,
      );
      continue;
    }
    columns[entry[0]] = entry[1];
  }
  for (const header of choices.ignore ?? []) columns[header.trim()] = 'ignore';
  let yearKind = mapping.yearKind;
  if (choices.yearKind !== undefined) {
    if ((yearKinds as readonly string[]).includes(choices.yearKind)) yearKind = choices.yearKind as YearKind;
    else
      messages.push(
        `--year-kind は fiscal (年度) か calendar (年) です (--year-kind is fiscal or calendar): ${choices.yearKind}`,
      );
  }
  if (messages.length > 0) return { ok: false, messages };
  return { ok: true, mapping: { columns, yearKind } };
}

/** Saves `mapping` under `name` for the next import. */
export async function saveMapping(
  db: Kysely<Database>,
  name: string,
  mapping: ColumnMapping,
  actor: string,
  at = new Date().toISOString(),
): Promise<void> {
  await saveImportMapping(db, { name, mapping: columnMappingSchema.parse(mapping), actor, at });
}

/** The names of the saved mappings, for the admin page's select. */
export const listMappings = (db: Kysely<Database>): Promise<string[]> => listImportMappings(db);
