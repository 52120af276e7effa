/** Prints the newsletter importer's precision and recall per seed and per kind (issue 6). Run: npx tsx bench/newsletter-accuracy.ts */
import { scoreSeeds } from '../src/io/newsletter/index.ts';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
const rows = await scoreSeeds();
console.log(
  'seed                 kind          precision  recall   (matched/parsed/expected, + found as another kind)',
);
for (const { documentId, score } of rows) {
  for (const kind of ['policies', 'achievements', 'figures'] as const) {
    const r = score[kind];
    console.log(
      `${documentId.padEnd(20)} ${kind.padEnd(13)} ${pct(r.precision)}  ${pct(r.recall)}   (${r.matched}/${r.parsed}/${r.expected}${r.foundElsewhere > 0 ? `, +${r.foundElsewhere}` : ''})`,
    );
  }
}
