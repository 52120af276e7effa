/** Saved column mappings: `--save-mapping name` stores one, `--mapping name` reads it back. */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { withImportTables } from './tables.ts';

export interface StoredMapping {
  name: string;
  /** The mapping as the io side wrote it; it validates it on reading. */
  mapping: unknown;
  updatedAt: string;
  updatedBy: string;
}

/** The mapping saved under `name`, or undefined. */
export async function getImportMapping(
  db: Kysely<Database>,
  name: string,
): Promise<StoredMapping | undefined> {
  const row = await withImportTables(db)
    .selectFrom('import_mapping')
    .selectAll()
    .where('name', '=', name)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  return {
    name: row.name,
    mapping: JSON.parse(row.mapping) as unknown,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

/** Every saved mapping's name, for the admin page's list. */
export async function listImportMappings(db: Kysely<Database>): Promise<string[]> {
  const rows = await withImportTables(db)
    .selectFrom('import_mapping')
    .select('name')
    .orderBy('name')
    .execute();
  return rows.map((r) => r.name);
}

/** Saves (or replaces) the mapping under `name`. */
export async function saveImportMapping(
  db: Kysely<Database>,
  input: { name: string; mapping: unknown; actor: string; at: string },
): Promise<void> {
  const json = JSON.stringify(input.mapping);
  const t = withImportTables(db);
  await t.transaction().execute(async (trx) => {
    const found = await trx
      .selectFrom('import_mapping')
      .select('version')
      .where('name', '=', input.name)
      .executeTakeFirst();
    if (found === undefined)
      await trx
        .insertInto('import_mapping')
        .values({
          name: input.name,
          mapping: json,
          version: 1,
          created_at: input.at,
          updated_at: input.at,
          updated_by: input.actor,
        })
        .execute();
    else
      await trx
        .updateTable('import_mapping')
        .set({ mapping: json, version: found.version + 1, updated_at: input.at, updated_by: input.actor })
        .where('name', '=', input.name)
        .execute();
  });
}
