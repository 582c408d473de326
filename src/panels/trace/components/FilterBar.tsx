import React, { useId } from 'react';
import { css } from '@emotion/css';
import { type GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Button, Checkbox, Input, MultiCombobox, useStyles2 } from '@grafana/ui';
import { type TraceColumns } from '../model/columns';
import { type SpanKind } from '../model/types';
import { type FilterDraft, NO_FILTERS } from '../model/viewState';

interface Props {
  columns: TraceColumns;
  /** Every input shows the draft (controlled), so "Clear filters" and the URL state show in the inputs too. */
  draft: FilterDraft;
  onChange: (f: FilterDraft) => void;
  /** The find box's text: "matches only" follows it while ticked. */
  findText: string;
  error: string | undefined;
}

const KINDS: SpanKind[] = ['server', 'client', 'producer', 'consumer', 'internal', 'unspecified'];

/** Structured filters; spans that fail are pruned into "N spans hidden" rows, never dropped. */
export function FilterBar({ columns, draft, onChange, findText, error }: Props) {
  const styles = useStyles2(getStyles);
  const id = useId();
  const set = (patch: Partial<FilterDraft>) => onChange({ ...draft, ...patch });
  const opts = (list: readonly string[]) => [...list].sort().map((v) => ({ value: v, label: v }));
  return (
    <div className={styles.bar} role="group" aria-label={t('trace.filters.label', 'Span filters')}>
      <div className={styles.field}>
        {/* Combobox is named by a label element, not aria-label. */}
        <span id={`${id}-service`} className={styles.hidden}>
          {t('trace.filters.service', 'Service')}
        </span>
        <MultiCombobox
          aria-labelledby={`${id}-service`}
          placeholder={t('trace.filters.service', 'Service')}
          width={24}
          options={opts(columns.services)}
          value={[...draft.services]}
          onChange={(v) => set({ services: v.map((o) => o.value) })}
        />
      </div>
      <div className={styles.field}>
        <span id={`${id}-operation`} className={styles.hidden}>
          {t('trace.filters.operation', 'Operation')}
        </span>
        <MultiCombobox
          aria-labelledby={`${id}-operation`}
          placeholder={t('trace.filters.operation', 'Operation')}
          width={28}
          options={opts(columns.operations)}
          value={[...draft.operations]}
          onChange={(v) => set({ operations: v.map((o) => o.value) })}
        />
      </div>
      <Input
        width={12}
        value={draft.minMs}
        placeholder={t('trace.filters.min', 'min ms')}
        aria-label={t('trace.filters.minLabel', 'Minimum duration in ms')}
        onChange={(e) => set({ minMs: e.currentTarget.value })}
      />
      <Input
        width={12}
        value={draft.maxMs}
        placeholder={t('trace.filters.max', 'max ms')}
        aria-label={t('trace.filters.maxLabel', 'Maximum duration in ms')}
        onChange={(e) => set({ maxMs: e.currentTarget.value })}
      />
      <Input
        width={16}
        value={draft.attributeKey}
        placeholder={t('trace.filters.key', 'attribute')}
        aria-label={t('trace.filters.keyLabel', 'Attribute key')}
        onChange={(e) => set({ attributeKey: e.currentTarget.value })}
      />
      <Input
        width={14}
        value={draft.attributeValue}
        placeholder={t('trace.filters.value', 'value')}
        aria-label={t('trace.filters.valueLabel', 'Attribute value')}
        onChange={(e) => set({ attributeValue: e.currentTarget.value })}
      />
      <div className={styles.field}>
        <span id={`${id}-kind`} className={styles.hidden}>
          {t('trace.filters.kind', 'Kind')}
        </span>
        <MultiCombobox
          aria-labelledby={`${id}-kind`}
          placeholder={t('trace.filters.kind', 'Kind')}
          width={20}
          options={KINDS.map((k) => ({ value: k, label: k }))}
          value={[...draft.kinds]}
          onChange={(v) => set({ kinds: v.map((o) => o.value as SpanKind) })}
        />
      </div>
      <Checkbox
        label={t('trace.filters.errors', 'Errors only')}
        value={draft.errorsOnly}
        onChange={(e) => set({ errorsOnly: e.currentTarget.checked })}
      />
      <Checkbox
        label={t('trace.filters.matchesOnly', 'Find matches only')}
        value={draft.matchesOnly}
        disabled={!findText.trim() && !draft.matchesOnly}
        onChange={(e) => set({ matchesOnly: e.currentTarget.checked })}
      />
      <Button size="sm" variant="secondary" fill="text" onClick={() => onChange({ ...NO_FILTERS, criticalOnly: draft.criticalOnly })}>
        {t('trace.filters.clear', 'Clear filters')}
      </Button>
      {error && <span className={styles.error}>{error}</span>}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  bar: css({
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    padding: theme.spacing(0.5, 1),
    height: 40,
    flexShrink: 0,
    overflowX: 'auto',
    borderBottom: `1px solid ${theme.colors.border.weak}`,
  }),
  field: css({ flexShrink: 0 }),
  hidden: css({ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clipPath: 'inset(50%)' }),
  error: css({ color: theme.colors.error.text }),
});
