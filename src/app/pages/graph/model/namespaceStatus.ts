/** What the namespace variable says about the data source: still loading, failed, no namespace with traffic, or some. */
export type NamespaceStatus = { kind: 'loading' } | { kind: 'error'; error: string } | { kind: 'none' } | { kind: 'ready' };

interface VariableStateLike {
  loading?: boolean;
  error?: unknown;
  options?: ReadonlyArray<{ value: unknown }>;
  value?: unknown;
}

/** Pure: a QueryVariable's state (or undefined) → what the graph page shows. */
export function namespaceVariableStatus(state: VariableStateLike | undefined): NamespaceStatus {
  if (!state) {
    return { kind: 'none' };
  }
  if (state.loading) {
    return { kind: 'loading' };
  }
  if (state.error) {
    const e = state.error as { message?: string };
    return { kind: 'error', error: e.message ?? String(state.error) };
  }
  const chosen = Array.isArray(state.value) ? state.value.filter((v) => v !== '') : state.value ? [state.value] : [];
  // Namespaces from the URL or the config page still query, even when label_values found none.
  return (state.options?.length ?? 0) === 0 && chosen.length === 0 ? { kind: 'none' } : { kind: 'ready' };
}
