import { type KyselyPlugin, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../test/helpers/databases.ts';
import { sampleDataset } from '../../test/helpers/sample-dataset.ts';
import type { OrganizationDocument, PlanNode } from '../domain/model.ts';
import { findWithAncestors } from '../domain/plan-tree.ts';
import type { DatabaseHandle } from './db.ts';
import { migrateDownAll, migrateToLatest } from './migrate.ts';
import { createReadStore } from './queries.ts';
import { saveOrganizationDocument } from './save-dataset.ts';
import { isEmpty } from './seed.ts';

describe.each(testDatabases)('store on $name', (database) => {
  let handle: DatabaseHandle;

  beforeEach(async () => {
    handle = await database.open();
    const migrated = await migrateToLatest(handle.db);
    expect(migrated.error).toBeUndefined();
  });
  afterEach(async () => {
    await handle?.close();
  });

  describe('migrations', () => {
    it('create every table, then drop them all on the way down', async () => {
      // PostgreSQL lists every schema's tables; other tests' schemas live beside this one.
      const ownSchema =
        handle.dialect === 'postgres'
          ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(handle.db)).rows[0]
              ?.schema
          : undefined;
      const names = async () =>
        (await handle.db.introspection.getTables())
          .filter((t) => ownSchema === undefined || t.schema === ownSchema)
          .map((t) => t.name)
          // FTS5 keeps its index in shadow tables of its own naming.
          .filter((name) => !name.startsWith('search_fts_'))
          .sort();
      const sqliteOnly = handle.dialect === 'sqlite' ? ['search_fts'] : [];
      expect(await names()).toEqual(
        [
          'achievement',
          'api_token',
          'data_change',
          'data_generation',
          'document_file',
          'draft_change',
          'evaluation',
          'import_file',
          'import_mapping',
          'indicator',
          'indicator_value',
          'login_failure',
          'node',
          'node_link',
          'organization',
          'pending_upload',
          'plan',
          'plan_statement',
          'program_sheet',
          'reported_figure',
          'revision',
          'revision_head',
          'search_entry',
          'session',
          'source',
          'source_document',
          'user_account',
          ...sqliteOnly,
        ].sort(),
      );
      const down = await migrateDownAll(handle.db);
      expect(down).toMatchObject({ ok: true });
      expect(down.results).toHaveLength(21);
      expect(await names()).toEqual([]);
    });

    it('run again as a no-op', async () => {
      expect(await migrateToLatest(handle.db)).toEqual({ ok: true, results: [] });
    });
  });

  describe('saveOrganizationDocument and read back', () => {
    it('returns every plan deep-equal to what was saved', async () => {
      const doc = sampleDataset();
      await saveOrganizationDocument(handle.db, doc);
      const store = createReadStore(handle.db);
      for (const plan of doc.plans) {
        const { organization, ...read } = (await store.getPlan(plan.id)) ?? {};
        expect(read).toStrictEqual(plan);
        expect(organization).toEqual({
          id: 'sample-town',
          name: 'サンプル町',
          nameEn: 'Sample Town',
          municipalityCode: null,
        });
      }
    });

    it('returns the organization and its documents as saved', async () => {
      const doc = sampleDataset();
      await saveOrganizationDocument(handle.db, doc);
      const store = createReadStore(handle.db);
      expect(await store.listOrganizations()).toStrictEqual([doc.organization]);
      expect(await store.listDocuments()).toStrictEqual(doc.documents);
      expect(await store.listDocuments('sample-town')).toStrictEqual(doc.documents);
      expect(await store.listDocuments('elsewhere')).toEqual([]);
      expect(await store.getDocument('sample-web')).toStrictEqual(doc.documents[1]);
    });

    it('gives numbers back as numbers, never strings', async () => {
      await saveOrganizationDocument(handle.db, sampleDataset());
      const plan = await createReadStore(handle.db).getPlan('sample-first');
      const policy = plan?.nodes[0]?.children[0];
      const [rate, rank] = policy?.indicators ?? [];
      expect(rate?.baseline?.value).toBe(19.8);
      expect(rank?.observations.map((o) => [o.value, o.rankOf, o.outOf])).toEqual([
        [25, 812, null],
        [61, null, 68.5],
      ]);
      expect(policy?.evaluations[0]).toMatchObject({ fiscalYear: 2019, score: 87.5, maxScore: 100 });
      expect(policy?.achievements[0]?.source).toEqual({
        documentId: 'sample-report',
        line: 6,
        quote: '実績その1',
      });
    });

    it('stores the fiscal year of each value for queries by 年度', async () => {
      await saveOrganizationDocument(handle.db, sampleDataset());
      const rows = await handle.db
        .selectFrom('indicator_value')
        .select(['date', 'fiscal_year'])
        .where('indicator_id', '=', 'first-indicator-rate')
        .orderBy('date')
        .execute();
      expect(rows.map((r) => [r.date, Number(r.fiscal_year)])).toEqual([
        ['<2020-01', 2019],
        ['FY2015', 2015],
        ['FY2018', 2018],
        ['FY2020', 2020],
      ]);
    });

    it('saves nothing when a row fails in the middle', async () => {
      const doc: OrganizationDocument = sampleDataset();
      const policy = doc.plans[1]?.nodes[0]?.children[0];
      const duplicate = policy?.achievements[0];
      if (!policy || !duplicate) throw new Error('sample dataset changed');
      policy.achievements.push({ ...duplicate });
      await expect(saveOrganizationDocument(handle.db, doc)).rejects.toThrow();
      expect(await isEmpty(handle.db)).toBe(true);
      const { count } = await handle.db
        .selectFrom('source')
        .select(sql<string | number>`count(*)`.as('count'))
        .executeTakeFirstOrThrow();
      expect(Number(count)).toBe(0);
    });

    it('saves a large dataset in batches', async () => {
      const doc = sampleDataset();
      const pillar = doc.plans[1]?.nodes[1];
      if (!pillar) throw new Error('sample dataset changed');
      pillar.children = Array.from({ length: 1500 }, (_, i) => ({
        ...structuredClone(doc.plans[1]?.nodes[0]?.children[1]),
        id: `bulk-${i}`,
        title: `施策${i}`,
        kind: 'policy' as const,
        status: null,
        statusDate: null,
        continues: [],
        achievements: [],
        indicators: [],
        evaluations: [],
        programSheets: [],
        children: [],
      }));
      await saveOrganizationDocument(handle.db, doc);
      const plan = await createReadStore(handle.db).getPlan('sample-first');
      expect(plan?.nodes[1]?.children.map((n) => n.id)).toEqual(pillar.children.map((n) => n.id));
    });
  });

  describe('getPlan', () => {
    it('reads a tree with the same number of queries however many nodes it has', async () => {
      let queries = 0;
      const counter: KyselyPlugin = {
        transformQuery: ({ node }) => {
          queries += 1;
          return node;
        },
        transformResult: async ({ result }) => result,
      };
      const doc = sampleDataset();
      const small = doc.plans[0];
      const large = doc.plans[1];
      if (!small || !large) throw new Error('sample dataset changed');
      await saveOrganizationDocument(handle.db, doc);
      const store = createReadStore(handle.db.withPlugin(counter));
      await store.getPlan(small.id);
      const forSmall = queries;
      queries = 0;
      await store.getPlan(large.id);
      expect(queries).toBe(forSmall);
      expect(forSmall).toBeLessThanOrEqual(10);
    });
  });

  describe('listPlans', () => {
    it('orders plans by organization, then publication date', async () => {
      const other = sampleDataset();
      other.organization = { ...other.organization, id: 'another-town', name: '別の町' };
      other.documents = other.documents.map((d) => ({ ...d, id: `other-${d.id}` }));
      other.plans = [];
      await saveOrganizationDocument(handle.db, other);
      await saveOrganizationDocument(handle.db, sampleDataset());
      const plans = await createReadStore(handle.db).listPlans();
      expect(plans.map((p) => p.id)).toEqual(['sample-first', 'sample-later']);
      expect(plans[0]).not.toHaveProperty('nodes');
      expect(plans[0]?.organization.name).toBe('サンプル町');
    });
  });

  describe('getNode', () => {
    beforeEach(async () => {
      await saveOrganizationDocument(handle.db, sampleDataset());
    });

    it('gives the node with its plan and ancestors from the pillar down', async () => {
      const context = await createReadStore(handle.db).getNode('first-program');
      expect(context?.plan.id).toBe('sample-first');
      expect(context?.plan).not.toHaveProperty('nodes');
      expect(context?.node).toMatchObject({ id: 'first-program', status: 'done' });
      expect(context?.ancestors).toEqual([
        { id: 'first-pillar-1', kind: 'pillar', code: '1', title: '第一の柱' },
        { id: 'first-policy-a', kind: 'policy', code: '●', title: '施策A' },
      ]);
    });

    it('links a node to the nodes it continues and those that continue it', async () => {
      const store = createReadStore(handle.db);
      const earlier = await store.getNode('first-policy-a');
      expect(earlier?.continues).toEqual([]);
      expect(earlier?.continuedBy.map((n) => n.id).sort()).toEqual(['later-pillar', 'later-policy']);
      expect(earlier?.continuedBy[0]).toMatchObject({ planId: 'sample-later', planTitle: '後の計画' });
      const later = await store.getNode('later-pillar');
      // A link to a node no dataset holds yet is kept in the tree but has no target to show.
      expect(later?.node.continues).toEqual(['first-policy-a', 'missing-elsewhere']);
      expect(later?.continues).toEqual([
        {
          id: 'first-policy-a',
          title: '施策A',
          kind: 'policy',
          planId: 'sample-first',
          planTitle: '最初の計画',
        },
      ]);
    });
  });

  describe('continuingPlanIds', () => {
    it('gives the plan and the plans with a node continuing one of its nodes, in publication order', async () => {
      await saveOrganizationDocument(handle.db, sampleDataset());
      const store = createReadStore(handle.db);
      expect(await store.continuingPlanIds('sample-first')).toEqual(['sample-first', 'sample-later']);
      // The later plan continues the first; nothing continues the later one.
      expect(await store.continuingPlanIds('sample-later')).toEqual(['sample-later']);
      expect(await store.continuingPlanIds('unknown')).toEqual([]);
    });

    it('of some nodes, gives those plans only when a node continues one of them, else none', async () => {
      await saveOrganizationDocument(handle.db, sampleDataset());
      const store = createReadStore(handle.db);
      const continued = ['first-pillar-1', 'first-policy-a'];
      expect(await store.continuingPlanIds('sample-first', continued)).toEqual([
        'sample-first',
        'sample-later',
      ]);
      expect(await store.continuingPlanIds('sample-first', ['first-policy-b', 'first-pillar-2'])).toEqual([]);
    });
  });

  describe('getObservations', () => {
    it('gives the series getIndicators gives, by indicator id, and nothing for no id', async () => {
      await saveOrganizationDocument(handle.db, sampleDataset());
      const store = createReadStore(handle.db);
      const ids = ['first-indicator-rate', 'first-indicator-rank'];
      const series = await store.getObservations('sample-first', ids);
      const full = await store.getIndicators('sample-first', ids);
      expect(full.length).toBe(2);
      for (const { indicator } of full)
        expect(series.get(indicator.id) ?? []).toEqual(indicator.observations);
      expect([...series.values()].flat().length).toBeGreaterThan(0);
      expect(await store.getObservations('sample-first', [])).toEqual(new Map());
    });
  });

  describe('getNode reads the subtree alone', () => {
    it("gives every node as the whole plan's tree holds it, with the same ancestors", async () => {
      const doc = sampleDataset();
      await saveOrganizationDocument(handle.db, doc);
      const store = createReadStore(handle.db);
      for (const observations of ['all', 'figures', 'none'] as const) {
        for (const { id: planId } of doc.plans) {
          const plan = await store.getPlan(planId, { observations });
          const ids: string[] = [];
          const collect = (nodes: PlanNode[]) => {
            for (const node of nodes) {
              ids.push(node.id);
              collect(node.children);
            }
          };
          collect(plan?.nodes ?? []);
          expect(ids.length).toBeGreaterThan(1);
          for (const id of ids) {
            const whole = findWithAncestors(plan?.nodes ?? [], id);
            const context = await store.getNode(id, { observations });
            expect(context?.node, `${planId} ${id} ${observations}`).toEqual(whole?.node);
            expect(context?.ancestors.map((a) => a.id)).toEqual(whole?.ancestors.map((a) => a.id));
          }
        }
      }
    });

    it('reads fewer rows for a program than its plan holds', async () => {
      let rows = 0;
      const rowCounter: KyselyPlugin = {
        transformQuery: ({ node }) => node,
        transformResult: async ({ result }) => {
          rows += result.rows.length;
          return result;
        },
      };
      await saveOrganizationDocument(handle.db, sampleDataset());
      const store = createReadStore(handle.db.withPlugin(rowCounter));
      await store.getPlan('sample-first');
      const forPlan = rows;
      rows = 0;
      const context = await store.getNode('first-program');
      expect(context?.node.id).toBe('first-program');
      expect(rows).toBeLessThan(forPlan);
    });
  });

  describe('unknown ids', () => {
    it('give undefined', async () => {
      await saveOrganizationDocument(handle.db, sampleDataset());
      const store = createReadStore(handle.db);
      expect(await store.getPlan('nope')).toBeUndefined();
      expect(await store.getNode('nope')).toBeUndefined();
      expect(await store.getDocument('nope')).toBeUndefined();
    });
  });
});
