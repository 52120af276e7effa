/**
 * The 1,741 municipalities of data/municipalities/municipalities.csv (see the README beside it), read for the
 * national benchmark: `readMunicipalities()[0] // { code: '011002', prefecture: '北海道', name: '札幌市', kana: 'さっぽろし' }`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface Municipality {
  /** 全国地方公共団体コード with its check digit. */
  code: string;
  prefecture: string;
  name: string;
  /** The reading in hiragana; '' where the list has none. */
  kana: string;
}

export const municipalitiesCsv = fileURLToPath(
  new URL('../data/municipalities/municipalities.csv', import.meta.url),
);

const header = 'code,prefecture,name,kana';

/** Every row of the list, in its order (by code); throws naming the line of a row that is not four fields. */
export function readMunicipalities(path = municipalitiesCsv): Municipality[] {
  const [first, ...lines] = readFileSync(path, 'utf8').trimEnd().split('\n');
  if (first !== header)
    throw new Error(`${path}: 1 行目が ${header} ではありません (the header is not ${header})`);
  return lines.map((line, n) => {
    const fields = line.split(',');
    if (fields.length !== 4)
      throw new Error(
        `${path}: ${n + 2} 行目の列が 4 つではありません (line ${n + 2} does not have 4 fields)`,
      );
    const [code, prefecture, name, kana] = fields as [string, string, string, string];
    return { code, prefecture, name, kana };
  });
}
