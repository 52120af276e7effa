/**
 * indicator.comparison_key (issue 16 item 4): the key of the indicator's definition (name, unit and kind as
 * normalised), indexed with the node, so `/compare/{key}` finds every organization's indicators of one definition through the
 * index. Rows already stored get their key here, a batch at a time; the store sets it on every write after.
 *
 * The key's rule is copied here, not imported (a migration imports no app code): it is what
 * `comparisonKeyOf` in src/domain/comparison/comparison-key.ts computes, and a test holds the two equal.
 */
import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';

const batchSize = 500;

const normalize = (text: string) => text.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();

export function comparisonKeyAtMigration(name: string, unit: string, kind: string): string {
  const canonical = [kind, normalize(unit), normalize(name)].join('\u0000');
  return `d-${createHash('sha256').update(canonical).digest('hex').slice(0, 24)}`;
}

interface Row {
  id: string;
  name: string;
  unit: string;
  kind: string;
}

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on the app's current Database type
async function fillBatch(db: Kysely<any>): Promise<number> {
  const rows = (await db
    .selectFrom('indicator')
    .select(['id', 'name', 'unit', 'kind'])
    .where('comparison_key', 'is', null)
    .orderBy('id')
    .limit(batchSize)
    .execute()) as Row[];
  if (rows.length === 0) return 0;
  // One statement a batch: `case id when … then … end` reads the same on SQLite and PostgreSQL.
  const cases = sql.join(
    rows.map((r) => sql`when ${r.id} then ${comparisonKeyAtMigration(r.name, r.unit, r.kind)}`),
    sql` `,
  );
  await db
    .updateTable('indicator')
    .set({ comparison_key: sql`case id ${cases} end` })
    .where(
      'id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  return rows.length;
}

// biome-ignore lint/suspicious/noExplicitAny: see above
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('indicator').addColumn('comparison_key', 'text').execute();
  while ((await fillBatch(db)) === batchSize) {
    // Until a batch comes back short.
  }
  // With node_id and id (SQLite's index holds the rowid, not the text key) and node's plan_id below, a node page's
  // count of other organizations per key reads indexes only: 30 keys shared by 1,741 organizations took about
  // 460 ms of CPU on SQLite with the key alone or with (key, node_id), about 165 ms with these.
  await db.schema
    .createIndex('indicator_comparison_key_idx')
    .on('indicator')
    .columns(['comparison_key', 'node_id', 'id'])
    .execute();
  await db.schema.createIndex('node_plan_cover_idx').on('node').columns(['id', 'plan_id']).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('node_plan_cover_idx').execute();
  await db.schema.dropIndex('indicator_comparison_key_idx').execute();
  await db.schema.alterTable('indicator').dropColumn('comparison_key').execute();
}
