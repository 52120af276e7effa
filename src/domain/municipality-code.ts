import { z } from 'zod';

/**
 * 全国地方公共団体コード: five digits and a check digit (modulus 11, weights 6-5-4-3-2).
 *
 * @example municipalityCheckDigit('20208') // 8, so 小諸市 is "202088"
 */
export function municipalityCheckDigit(fiveDigits: string): number {
  const weights = [6, 5, 4, 3, 2];
  const sum = weights.reduce((total, weight, i) => total + weight * Number(fiveDigits[i]), 0);
  const remainder = sum % 11;
  return remainder === 0 ? 1 : (11 - remainder) % 10;
}

/** True for six digits whose last is the check digit of the first five, e.g. `isValidMunicipalityCode('202088')`. */
export function isValidMunicipalityCode(code: string): boolean {
  return /^\d{6}$/.test(code) && municipalityCheckDigit(code.slice(0, 5)) === Number(code[5]);
}

function checkDigitMessage(code: string): string {
  const corrected = `${code.slice(0, 5)}${municipalityCheckDigit(code.slice(0, 5))}`;
  return `全国地方公共団体コード ${code} の検査数字が合いません。${corrected} ではありませんか (the check digit of municipality code ${code} is wrong; did you mean ${corrected}?)`;
}

/** zod type for a 全国地方公共団体コード at every boundary: six digits, the last one the check digit. */
export const municipalityCodeString = z
  .string()
  .regex(/^\d{6}$/, {
    message:
      '全国地方公共団体コードは 6 桁の数字です (a municipality code is 6 digits with its check digit, e.g. 202088)',
  })
  .refine(isValidMunicipalityCode, {
    error: (issue) => checkDigitMessage(String(issue.input)),
    // The format message above is enough for a code that is not six digits.
    when: (payload) => /^\d{6}$/.test(String(payload.value)),
  });
