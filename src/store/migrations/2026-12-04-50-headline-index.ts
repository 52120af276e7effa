/**
 * A partial index of the headline indicators (highlight = 1), for the home page's "which plans have headlines"
 * (queries.ts plansWithHeadlines). Without it that query reads every indicator: on the national benchmark's 200
 * organizations (60,000 indicators) a sequential scan of 21 ms that grows with every organization imported;
 * headlines are a handful per plan, so the index stays tiny (issue 16, `npx tsx bench/national.ts`).
 */
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on the app's current Database type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('indicator_headline_idx')
    .on('indicator')
    .column('node_id')
    .where(sql.ref('highlight'), '=', 1)
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see above
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('indicator_headline_idx').execute();
}
