import { describe, expect, it } from 'vitest';
import { organizationSchema } from './model.ts';
import { isValidMunicipalityCode, municipalityCheckDigit } from './municipality-code.ts';

describe('municipality codes', () => {
  it('computes the check digit of real codes', () => {
    expect(municipalityCheckDigit('20208')).toBe(8); // 小諸市
    expect(municipalityCheckDigit('13101')).toBe(6); // 千代田区 131016
    expect(municipalityCheckDigit('01100')).toBe(2); // 札幌市
  });
  it('rejects a wrong check digit', () => {
    expect(isValidMunicipalityCode('202088')).toBe(true);
    expect(isValidMunicipalityCode('202081')).toBe(false);
    expect(isValidMunicipalityCode('20208')).toBe(false);
  });
});

describe('organizationSchema municipalityCode', () => {
  const organization = (municipalityCode: unknown) => ({
    id: 'komoro',
    name: '小諸市',
    kind: 'municipality',
    municipalityCode,
  });
  const messagesFor = (municipalityCode: unknown) => {
    const result = organizationSchema.safeParse(organization(municipalityCode));
    return result.success ? [] : result.error.issues.map((issue) => [issue.path.join('.'), issue.message]);
  };

  it('accepts 小諸市 (202088), 千代田区 (131016), 長野県 (200000) and no code', () => {
    for (const code of ['202088', '131016', '200000', null])
      expect(messagesFor(code), String(code)).toEqual([]);
    expect(organizationSchema.parse(organization(undefined)).municipalityCode).toBeNull();
  });

  it('refuses a wrong check digit, naming the code and the one it should be', () => {
    expect(messagesFor('202081')).toEqual([
      [
        'municipalityCode',
        '全国地方公共団体コード 202081 の検査数字が合いません。202088 ではありませんか (the check digit of municipality code 202081 is wrong; did you mean 202088?)',
      ],
    ]);
  });

  it('refuses a code that is not six digits with one message', () => {
    for (const code of ['20208', '2020888', '20208a']) {
      expect(messagesFor(code), code).toEqual([
        [
          'municipalityCode',
          '全国地方公共団体コードは 6 桁の数字です (a municipality code is 6 digits with its check digit, e.g. 202088)',
        ],
      ]);
    }
  });
});
