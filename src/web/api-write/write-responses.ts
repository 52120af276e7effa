/** The bodies of the write API's answers, one zod schema each: the handlers are typed by them, the document made from them. */
import { z } from 'zod';
import { editingEntities } from '../../domain/editing/records.ts';

const draftActions = ['create', 'update', 'delete'] as const;

/** `{ draft }`: the saved draft (DraftChange of src/store/editing/contract.ts). */
export const draftResponseSchema = z.object({
  draft: z.object({
    id: z.string(),
    entity: z.enum(editingEntities),
    entityId: z.string(),
    action: z.enum(draftActions),
    data: z.record(z.string(), z.unknown()).meta({
      description: 'The complete flat record after the change; for a delete, the record as it was.',
    }),
    baseVersion: z.number().int().nullable(),
    planId: z.string(),
    authorId: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  }),
});
export type DraftResponse = z.infer<typeof draftResponseSchema>;

/** `{ published }`: the records written to the public tables, each with its new version (0 for a delete). */
export const publishResponseSchema = z.object({
  published: z.array(
    z.object({
      entity: z.enum(editingEntities),
      id: z.string(),
      action: z.enum(draftActions),
      version: z.number().int(),
    }),
  ),
});
export type PublishResponse = z.infer<typeof publishResponseSchema>;

/** Every error of the write API: a bilingual message, per-field issues, or both versions of a conflict. */
export const writeErrorResponseSchema = z.object({
  error: z.object({
    code: z.enum(['unauthenticated', 'forbidden', 'invalid', 'not_found', 'conflict']),
    message: z.string().meta({ description: '日本語 (English)' }),
    issues: z.array(z.object({ field: z.string().optional(), message: z.string() })).optional(),
    current: z
      .record(z.string(), z.unknown())
      .optional()
      .meta({ description: 'conflict: the stored version' }),
    submitted: z.record(z.string(), z.unknown()).optional().meta({ description: 'conflict: what was sent' }),
  }),
});
