import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseOrganizationDocument } from './parse-document.ts';

describe('docs/interchange-format.md', () => {
  it('shows an example that is a valid interchange document', async () => {
    const text = await readFile(new URL('../../../docs/interchange-format.md', import.meta.url), 'utf8');
    const example = /```json\n([\s\S]*?)```/.exec(text)?.[1];
    expect(example).toBeDefined();
    const parsed = parseOrganizationDocument(example ?? '');
    expect(parsed.ok ? [] : parsed.issues).toEqual([]);
    expect(parsed.ok && parsed.doc.plans[0]?.nodes[0]?.children[0]?.indicators[0]?.baseline?.value).toBe(
      6790000,
    );
  });
});
