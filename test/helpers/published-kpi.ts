/** For the published-shape import tests: an organization with one empty plan, where a new town starts. */
import type { Kysely } from 'kysely';
import { organizationDocumentSchema } from '../../src/domain/model.ts';
import { saveOrganizationDocument } from '../../src/store/save-dataset.ts';
import type { Database } from '../../src/store/schema.ts';

/** An organization with one plan and nothing in it: where a new town starts. */
export async function saveEmptyPlan(db: Kysely<Database>, planId = 'oyabe-plan'): Promise<void> {
  await saveOrganizationDocument(
    db,
    organizationDocumentSchema.parse({
      organization: { id: 'oyabe', name: '小矢部市', kind: 'municipality' },
      documents: [{ id: 'oyabe-plan-doc', title: '小矢部市総合計画', publishedAt: '2001' }],
      plans: [
        {
          id: planId,
          title: '小矢部市総合計画',
          kind: 'comprehensive_plan',
          periodStart: '2001',
          periodEnd: '2005',
          publishedAt: '2001',
          source: { documentId: 'oyabe-plan-doc' },
        },
      ],
    }),
  );
}
