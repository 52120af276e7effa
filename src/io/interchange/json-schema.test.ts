import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { interchangeJsonSchema, interchangeSchemaPath } from './json-schema.ts';

const file = new URL(`../../../${interchangeSchemaPath}`, import.meta.url);

describe(`the checked-in ${interchangeSchemaPath}`, () => {
  // Regenerate with: UPDATE_SCHEMA=1 npx vitest run src/io/interchange/json-schema.test.ts
  it('equals the schema generated from the zod model', async () => {
    const generated = interchangeJsonSchema();
    if (process.env.UPDATE_SCHEMA) await writeFile(file, `${JSON.stringify(generated, null, 2)}\n`);
    // Compared as data: the formatter may lay the file out differently.
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(generated);
  });

  it('describes every part of a whole organization', () => {
    const schema = interchangeJsonSchema() as { required?: string[]; properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toEqual([
      'formatVersion',
      'organization',
      'documents',
      'plans',
      'historyHead',
    ]);
    expect(schema.required).toEqual(['organization']);
  });
});
