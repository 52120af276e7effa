/** The JSON Schema of the dataset files, generated from the zod model so the two never drift apart. */
import { z } from 'zod';
import { organizationDocumentSchema, planSchema } from '../domain/model.ts';

export function datasetJsonSchemas() {
  return {
    // The history head is what an export writes, never part of a hand-kept dataset folder.
    organizationDocument: z.toJSONSchema(organizationDocumentSchema.omit({ historyHead: true }), {
      io: 'input',
      unrepresentable: 'any',
    }),
    plan: z.toJSONSchema(planSchema, { io: 'input', unrepresentable: 'any' }),
  };
}
