import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { datasetJsonSchemas } from './dataset-schema.ts';

const schemaFile = new URL('../../data/demo/schema.json', import.meta.url);
const planSchemaFile = new URL('../../data/demo/plan.schema.json', import.meta.url);

describe('the published JSON Schema of the dataset files', () => {
  // Regenerate with: UPDATE_SCHEMA=1 npx vitest run src/io/dataset-schema.test.ts
  it('matches the zod model', async () => {
    const { organizationDocument, plan } = datasetJsonSchemas();
    const expected = [JSON.stringify(organizationDocument, null, 2), JSON.stringify(plan, null, 2)];
    if (process.env.UPDATE_SCHEMA) {
      await writeFile(schemaFile, `${expected[0]}\n`);
      await writeFile(planSchemaFile, `${expected[1]}\n`);
    }
    // Compared as data: the formatter may lay the file out differently.
    expect(JSON.parse(await readFile(schemaFile, 'utf8'))).toEqual(organizationDocument);
    expect(JSON.parse(await readFile(planSchemaFile, 'utf8'))).toEqual(plan);
  });
});
