/** The domain's tree walks and latest value, where the JSON API's views (src/web/api/views.ts) import them from. */
export { indicatorsOf, latestObservation } from '../domain/plan-tree.ts';
