/** Which plan an organization is working to now: its latest published manifesto, else its latest plan. */
import { comparePartialDates, parsePartialDate } from '../../domain/partial-date.ts';
import type { PlanHeader } from '../../store/read-store.ts';

const published = (plan: PlanHeader) => parsePartialDate(plan.publishedAt);

/**
 * The current plan among an organization's plans, or undefined when it has none.
 * @example currentPlan([mirai2016, ashiato2024, mirai2024]) // mirai2024 (the 2024-02 manifesto)
 */
export function currentPlan(plans: readonly PlanHeader[]): PlanHeader | undefined {
  const manifestos = plans.filter((p) => p.kind === 'manifesto');
  const pool = manifestos.length > 0 ? manifestos : plans;
  return [...pool].sort((a, b) => {
    const pa = published(a);
    const pb = published(b);
    return pa && pb ? comparePartialDates(pb, pa) : 0;
  })[0];
}
