/**
 * The node page's 「他の自治体と比べる（n団体）」 count costs the same however many organizations report the
 * definition (issue 16): it counts up to a limit from a bounded sample of the key's indicators, read through the
 * comparison-key index. On SQLite and PostgreSQL.
 */
import { type KyselyPlugin, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readMunicipalities } from '../../../bench/municipalities.ts';
import { comparedOrganization, waitingChildren } from '../../../test/helpers/compared-organizations.ts';
import { testDatabases } from '../../../test/helpers/databases.ts';
import { comparisonKeyOf } from '../../domain/comparison/index.ts';
import { capabilities, capabilitiesOf, type DatabaseHandle } from '../db.ts';
import { saveOrganizationDocument } from '../save-dataset.ts';
import { comparableOrganizations, comparableSample } from './compare-indicator.ts';

const key = comparisonKeyOf(waitingChildren);
const percent = comparisonKeyOf({ ...waitingChildren, unit: '%' });
const municipalities = readMunicipalities();
const self = 'o0.sample-town';

describe.each(testDatabases)('counting the organizations to compare with on $name', (database) => {
  let handle: DatabaseHandle;
  const read = { queries: 0, rows: 0 };
  const counting: KyselyPlugin = {
    transformQuery: ({ node }) => node,
    transformResult: async ({ result }) => {
      read.queries += 1;
      read.rows += result.rows.length;
      return result;
    },
  };

  // Organizations `from`…`to - 1` reporting 待機児童数; the first of them is the page's own.
  const addOrganizations = async (from: number, to: number, indicators = 1) => {
    for (let index = from; index < to; index += 1) {
      const m = municipalities[index]!;
      const document = comparedOrganization(index, { code: m.code, name: m.name, values: { FY2023: index } });
      const pillar = document.plans[0]!.nodes[0]!;
      const waiting = pillar.indicators.at(-1)!;
      for (let copy = 1; copy < indicators; copy += 1)
        pillar.indicators.push({ ...waiting, id: `${waiting.id}-${copy}` });
      await saveOrganizationDocument(handle.db, document);
    }
  };

  const count = async (limit: number) => {
    read.queries = 0;
    read.rows = 0;
    const counts = await comparableOrganizations(handle.db.withPlugin(counting), [key, percent], self, limit);
    return { counts, ...read };
  };

  beforeEach(async () => {
    handle = await database.open();
  });
  afterEach(() => handle.close());

  it('counts the others exactly below the limit, and says the limit at or above it', async () => {
    await addOrganizations(0, 5);
    expect((await count(5)).counts).toEqual(new Map([[key, 4]]));
    expect((await count(4)).counts).toEqual(new Map([[key, 4]]));
    expect((await count(3)).counts).toEqual(new Map([[key, 3]]));
  });

  it('reads as many rows with 14 other organizations as with 6, in one query', async () => {
    // Three indicators of the definition each: 18 for the 6 others, more than the 16 sampled for a limit of 2.
    await addOrganizations(0, 7, 3);
    const few = await count(2);
    await addOrganizations(7, 15, 3);
    const many = await count(2);
    expect(few.counts.get(key)).toBe(2);
    expect(many.counts.get(key)).toBe(2);
    expect(many.queries).toBe(1);
    expect(many.queries).toBe(few.queries);
    // Up to eight indicators read per organization counted, whatever the number of organizations.
    expect(many.rows).toBe(few.rows);
    expect(many.rows).toBeLessThanOrEqual(2 * 8);
  });

  it('counts exactly when one organization’s many indicators fill the sample', async () => {
    await addOrganizations(0, 1);
    await addOrganizations(1, 2, 20);
    await addOrganizations(2, 3);
    expect((await count(2)).counts).toEqual(new Map([[key, 2]]));
    expect((await count(3)).counts).toEqual(new Map([[key, 2]]));
  });

  it('reads each key’s indicators through the comparison-key index, a limited number of them', async () => {
    await addOrganizations(0, 3);
    const compiled = comparableSample(handle.db, [key, percent], self, 3)!.compile();
    let plan: string;
    if (capabilitiesOf(handle.db) === capabilities.postgres) {
      plan = await handle.db.transaction().execute(async (trx) => {
        // Tables of a few rows are read whole whatever the indexes; this asks whether the index can serve.
        await sql`set local enable_seqscan = off`.execute(trx);
        const { rows } = await trx.executeQuery<{ 'QUERY PLAN': string }>({
          ...compiled,
          sql: `explain ${compiled.sql}`,
        });
        return rows.map((r) => r['QUERY PLAN']).join('\n');
      });
      expect(plan.match(/Limit/g)).toHaveLength(2);
    } else {
      const { rows } = await handle.db.executeQuery<{ detail: string }>({
        ...compiled,
        sql: `explain query plan ${compiled.sql}`,
      });
      plan = rows.map((r) => r.detail).join('\n');
    }
    expect(plan.match(/indicator_comparison_key_idx/g)).toHaveLength(2);
  });
});
