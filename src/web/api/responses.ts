/** The bodies of the read API's answers, one zod schema each; handlers type their bodies with the derived types. */
import { z } from 'zod';
import { statusDefinitionSchema } from '../../domain/model.ts';
import { summarySchema } from './figure-schemas.ts';
import {
  ancestorSchema,
  indicatorViewSchema,
  nodeLinkSchema,
  planDetailSchema,
  planListItemSchema,
  planNodeViewSchema,
} from './views.ts';

export const listPlansResponseSchema = z.object({ plans: z.array(planListItemSchema) });
export type ListPlansResponse = z.infer<typeof listPlansResponseSchema>;

export const getPlanResponseSchema = z.object({
  plan: planDetailSchema,
  nodes: z.array(planNodeViewSchema),
  statusVocabulary: z
    .array(statusDefinitionSchema)
    .meta({ description: "The plan's status vocabulary, or the default one when the plan has none." }),
  summary: summarySchema.meta({ description: 'Rollup of the whole plan, each rate with its rule.' }),
});
export type GetPlanResponse = z.infer<typeof getPlanResponseSchema>;

/** Indicators a page of `GET /plans/{id}/indicators` holds unless `limit` says otherwise, and at most. */
export const indicatorPageLimits = { fallback: 20, max: 100 } as const;

export const listPlanIndicatorsResponseSchema = z.object({
  indicators: z.array(indicatorViewSchema),
  next: z.string().nullable().meta({
    description:
      '次のページの URL（最後のページでは null） (the URL of the next page, with its cursor; null on the last page)',
  }),
});
export type ListPlanIndicatorsResponse = z.infer<typeof listPlanIndicatorsResponseSchema>;

export const getNodeResponseSchema = z.object({
  node: planNodeViewSchema,
  plan: planDetailSchema.pick({ id: true, title: true }),
  ancestors: z.array(ancestorSchema),
  continues: z.array(nodeLinkSchema),
  continuedBy: z.array(nodeLinkSchema),
  summary: summarySchema.meta({ description: "Rollup of the node's subtree (a leaf summarises itself)." }),
});
export type GetNodeResponse = z.infer<typeof getNodeResponseSchema>;

/** Every error of the read API (the one `onError` in error-handler.tsx writes). */
export const errorResponseSchema = z.object({
  error: z.object({
    code: z.enum(['not_found', 'bad_request', 'internal_error', 'database_busy']),
    message: z.string().meta({ description: '日本語 (English)' }),
    parameter: z.string().optional().meta({ description: 'The parameter at fault (bad_request only).' }),
  }),
});
