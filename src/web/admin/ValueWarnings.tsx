/**
 * Plausibility warnings on the staff form of a value (baseline, target, observation): the same rules as the
 * import's (src/domain/plausibility.ts). A save that earns a warning shows it and asks for a second submit with
 * the box ticked; the confirmed warnings go into the change's reason, and so into its history.
 */
import { type PlausibilityWarning, plausibilityWarnings, previousValue } from '../../domain/plausibility.ts';
import type { ReadStore } from '../../store/read-store.ts';

/** The warnings a value's form earns, read against its published indicator and plan. */
export async function valueWarnings(
  store: ReadStore,
  id: string,
  record: Record<string, unknown>,
): Promise<PlausibilityWarning[]> {
  const { indicatorId, role, value, date } = record;
  if (typeof indicatorId !== 'string' || typeof value !== 'number') return [];
  if (role !== 'baseline' && role !== 'target' && role !== 'observation') return [];
  const context = await store.getIndicator(indicatorId);
  if (!context) return [];
  const plan = (await store.listPlans()).find((p) => p.id === context.planId);
  const { indicator } = context;
  const earlier = [
    ...(indicator.baseline ? [indicator.baseline] : []),
    ...indicator.observations.filter((o) => o.id !== id),
  ].map((v) => ({ value: v.value, date: v.date ?? null }));
  const when = typeof date === 'string' ? date : null;
  return plausibilityWarnings({
    value,
    role,
    date: when,
    indicator: { name: indicator.name, unit: indicator.unit ?? null },
    previous: role === 'observation' ? previousValue(earlier, when) : null,
    period: plan ? { start: plan.periodStart ?? null, end: plan.periodEnd ?? null } : null,
  });
}

/** The reason kept in the history: the editor's words, then each warning confirmed. */
export function reasonWithWarnings(reason: string, warnings: readonly PlausibilityWarning[]): string {
  if (warnings.length === 0) return reason;
  const confirmed = warnings.map((w) => `${w.rule} ${w.field}: ${w.messageJa} (${w.messageEn})`).join(' / ');
  return `${reason ? `${reason} / ` : ''}確認済みの注意 (confirmed warnings): ${confirmed}`;
}

/** The warnings above the save button, with the box that confirms them. */
export function ValueWarnings({ warnings }: { warnings: readonly PlausibilityWarning[] }) {
  return (
    <div class="form-warning" role="alert">
      <p>
        保存する前に確認してください。値が正しければ下の欄に印を付けてもう一度保存してください (check before
        saving: if the value is right, tick the box and save again)
      </p>
      <ul>
        {warnings.map((w) => (
          <li>
            {w.field}: {w.messageJa} ({w.messageEn})
          </li>
        ))}
      </ul>
      <p class="field">
        <input type="checkbox" id="f-confirm-warnings" name="confirmWarnings" value="yes" required />{' '}
        <label for="f-confirm-warnings">注意を確認しました (I have checked these warnings)</label>
      </p>
    </div>
  );
}
