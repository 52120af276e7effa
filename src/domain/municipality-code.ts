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

export function isValidMunicipalityCode(code: string): boolean {
  return /^\d{6}$/.test(code) && municipalityCheckDigit(code.slice(0, 5)) === Number(code[5]);
}
