/** Reads the write API's JSON bodies: `{ data, version?, reason? }`. */
import { z } from 'zod';

export const writeBodySchema = z.object({
  data: z
    .record(z.string(), z.unknown())
    .optional()
    .meta({ description: 'The flat record (PATCH: the fields to change).' }),
  version: z
    .number()
    .int()
    .min(0)
    .nullable()
    .optional()
    .meta({ description: 'The version the change starts from (PATCH: required).' }),
  reason: z.string().max(2000).optional(),
});
export type WriteBody = z.infer<typeof writeBodySchema>;

export const publishBodySchema = z.object({
  /** Omitted: every draft of the plan. */
  draftIds: z.array(z.string()).optional(),
  reason: z.string().max(2000).optional(),
});

export type BodyResult<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * The parsed body, or a bilingual message naming the first wrong field.
 * @example await readBody(req, writeBodySchema) // { ok: true, value: { data: {…}, version: 3 } }
 */
export async function readBody<T>(request: Request, schema: z.ZodType<T>): Promise<BodyResult<T>> {
  let json: unknown;
  try {
    json = await request.json();
  } catch {
    return { ok: false, message: '本文が JSON として読めません (body is not valid JSON)' };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') || 'body';
  return { ok: false, message: `「${field}」が正しくありません (invalid ${field}: ${issue?.message ?? ''})` };
}
