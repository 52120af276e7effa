import { describe, expect, it } from 'vitest';
import { sampleDataset } from '../../../test/helpers/sample-dataset.ts';
import { serializeOrganizationDocument } from './export-document.ts';
import { formatJsonPath } from './json-path.ts';
import { parseOrganizationDocument } from './parse-document.ts';

const sampleJson = () => JSON.parse(serializeOrganizationDocument(sampleDataset()));

describe('parseOrganizationDocument', () => {
  describe('with a valid document', () => {
    it('gives the document back', () => {
      const result = parseOrganizationDocument(serializeOrganizationDocument(sampleDataset()));
      expect(result).toStrictEqual({ ok: true, doc: sampleDataset() });
    });

    it('accepts a byte order mark before the JSON', () => {
      const result = parseOrganizationDocument(`\uFEFF${serializeOrganizationDocument(sampleDataset())}`);
      expect(result.ok).toBe(true);
    });
  });

  describe('with bad input', () => {
    it('says the text is not JSON', () => {
      const result = parseOrganizationDocument('{"organization": ');
      expect(result).toMatchObject({
        ok: false,
        issues: [{ path: '$', message: expect.stringMatching(/^JSON として読めません/) }],
      });
    });

    it('names the JSON path of a field that fails the schema', () => {
      const json = sampleJson();
      json.plans[1].nodes[0].children[0].indicators[0].target.value = '45%';
      json.organization.municipalityCode = '20208';
      const result = parseOrganizationDocument(JSON.stringify(json));
      expect(result.ok).toBe(false);
      const paths = result.ok ? [] : result.issues.map((i) => i.path);
      expect(paths).toEqual(
        expect.arrayContaining([
          '$.organization.municipalityCode',
          '$.plans[1].nodes[0].children[0].indicators[0].target.value',
        ]),
      );
    });

    it('refuses a title over 500 characters and a description over 20,000, naming each', () => {
      const json = sampleJson();
      json.plans[0].title = '題'.repeat(501);
      json.plans[0].nodes[0].description = '説'.repeat(20_001);
      const result = parseOrganizationDocument(JSON.stringify(json));
      const issues = result.ok ? [] : result.issues.filter((i) => i.message.includes('文字以内'));
      expect(issues.map((i) => i.path).sort()).toEqual([
        '$.plans[0].nodes[0].description',
        '$.plans[0].title',
      ]);
      expect(issues.find((i) => i.path === '$.plans[0].title')?.message).toMatch(
        /^「title」は 500 文字以内にしてください \(title is longer than 500 characters\)/,
      );
    });

    it('refuses javascript:, data: and vbscript: URLs, naming each field', () => {
      const json = sampleJson();
      json.organization.url = 'vbscript:msgbox(1)';
      json.documents[0].url = 'javascript:alert(1)';
      json.plans[0].source = { ...json.plans[0].source, url: 'data:text/html,<script>alert(1)</script>' };
      const result = parseOrganizationDocument(JSON.stringify(json));
      const issues = result.ok
        ? []
        : result.issues.filter((i) => i.message.includes('http: か https:') && i.message.includes('url」'));
      expect(issues.map((i) => i.path).sort()).toEqual([
        '$.documents[0].url',
        '$.organization.url',
        '$.plans[0].source.url',
      ]);
    });

    it('finds an id used twice and a source naming a missing document', () => {
      const json = sampleJson();
      json.plans[1].id = json.plans[0].id;
      const policy = json.plans[1].nodes[0].children[0];
      policy.achievements.push({ ...policy.achievements[0] });
      json.plans[0].source.documentId = 'no-such-document';
      const result = parseOrganizationDocument(JSON.stringify(json));
      expect(result.ok).toBe(false);
      const issues = result.ok ? [] : result.issues;
      expect(issues.map((i) => i.path)).toEqual(
        expect.arrayContaining(['$.plans[0].source.documentId', '$.plans[1].id']),
      );
      expect(issues.find((i) => i.path === '$.plans[1].id')?.message).toContain('first at $.plans[0]');
      expect(issues.map((i) => i.path)).toContain('$.plans[1].nodes[0].children[0].achievements[2].id');
    });
  });
});

describe('formatJsonPath', () => {
  it('writes indexes in brackets and odd keys quoted', () => {
    expect(formatJsonPath([])).toBe('$');
    expect(formatJsonPath(['plans', 0, 'nodes', 12, 'title'])).toBe('$.plans[0].nodes[12].title');
    expect(formatJsonPath(['a-b'])).toBe('$["a-b"]');
  });
});
