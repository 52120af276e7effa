/** Newsletter text import: a progress newsletter → a draft plan for review, and its accuracy on the seeds. */
export { type NewsletterOptions, type NewsletterParse, parseNewsletter } from './parse-newsletter.ts';
export { type NewsletterScore, normalizeForMatch, type PrecisionRecall, scoreAgainstDemo } from './score.ts';
export { type SeedScore, scoreSeeds, seedPairs } from './seed-accuracy.ts';
