import { describe, expect, it } from 'vitest';
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
