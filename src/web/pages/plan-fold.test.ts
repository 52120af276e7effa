/**
 * A plan page whose cost does not grow with what lies below its pillars (issue 16), on both databases: a pillar
 * holding 30 indicators below it is folded (each child with its status and counts; values on the child's page), and
 * the page reads as many rows and runs as many queries for 20 values per indicator as for 2.
 */
import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
import { syntheticOrganization } from '../../../test/helpers/synthetic-organization.ts';
import type { OrganizationDocument } from '../../domain/model.ts';
import type { DatabaseHandle } from '../../store/db.ts';
import { createReadStore } from '../../store/queries.ts';
import { saveOrganizationDocument } from '../../store/save-dataset.ts';
import { createApp } from '../app.tsx';

const indicatorsBelow = 30;

/** サンプル町 `index` with 30 indicators of `values` yearly values each under its first pillar's policy B. */
function organizationWith(index: number, values: number): OrganizationDocument {
  const doc = syntheticOrganization(index, indicatorsBelow, values);
  const pillar = doc.plans.find((p) => p.id === `o${index}.sample-first`)?.nodes[0];
  const policy = pillar?.children.find((n) => n.id === `o${index}.first-policy-b`);
  if (!pillar || !policy) throw new Error('sample plan has no policy B');
  // syntheticOrganization puts them on the pillar itself; here they sit one level below it.
  const added = pillar.indicators.filter((i) => i.id.startsWith(`o${index}.synthetic.`));
  pillar.indicators = pillar.indicators.filter((i) => !added.includes(i));
  policy.indicators = [...policy.indicators, ...added];
  return doc;
}

describe.each(testDatabases)(
  'the plan page over a pillar with 30 indicators below it ($name)',
  (database) => {
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

    beforeAll(async () => {
      handle = await database.open();
      await saveOrganizationDocument(handle.db, organizationWith(1, 2));
      await saveOrganizationDocument(handle.db, organizationWith(2, 20));
    }, 60_000);
    afterAll(() => handle?.close());

    const render = async (path: string) => {
      const app = createApp({ store: createReadStore(handle.db.withPlugin(counting)) });
      read.queries = 0;
      read.rows = 0;
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      return { html: await res.text(), ...read };
    };

    it('lists the pillar’s children with status and counts, not the values of the 30 indicators', async () => {
      const { html } = await render('/plans/o1.sample-first');
      // Policy A holds the sample's 3 besides.
      expect(html).toContain(`この柱の下の指標は${indicatorsBelow + 3}件です`);
      expect(html).toContain(`href="/nodes/o1.first-policy-b"`);
      expect(html).toContain(`指標${indicatorsBelow}件`);
      expect(html).not.toContain('合成指標3');
      // The values are on the policy's page.
      const policy = await render('/nodes/o1.first-policy-b');
      expect(policy.html).toContain('合成指標3');
    });

    it('reads the same rows with the same queries for 20 values per indicator as for 2', async () => {
      const few = await render('/plans/o1.sample-first');
      const many = await render('/plans/o2.sample-first');
      expect(many.queries).toBe(few.queries);
      expect(many.rows).toBe(few.rows);
      // Not every value: 30 indicators × 20 values would be 600 rows of values alone.
      expect(many.rows).toBeLessThan(indicatorsBelow * 20);
    });
  },
);
