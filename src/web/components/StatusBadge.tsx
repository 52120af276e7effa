/** A node's status in its plan's vocabulary; colours come from the status stylesheets (no inline style). */
import type { StatusDefinition } from '../../domain/model.ts';
import { findStatus } from '../../domain/status.ts';

export interface StatusBadgeProps {
  vocabulary: readonly StatusDefinition[];
  status: string | null;
}

export function StatusBadge({ vocabulary, status }: StatusBadgeProps) {
  const definition = findStatus(vocabulary, status);
  return <span class={`status status-${definition.code}`}>{definition.label}</span>;
}
