import React, { useId } from 'react';
import { css } from '@emotion/css';
import { type GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Button, Checkbox, Input, MultiCombobox, useStyles2 } from '@grafana/ui';
import { type TraceColumns } from '../model/columns';
import { type SpanFilter } from '../model/find';
import { type SpanKind } from '../model/types';

interface Props {
  columns: TraceColumns;
  filter: SpanFilter;
  onChange: (f: SpanFilter) => void;
  /** The find box's text, for "matches only". */
  matchesText: string;
  error: string | undefined;
}

const KINDS: SpanKind[] = ['server', 'client', 'producer', 'consumer', 'internal', 'unspecified'];

const num = (v: string) => (v.trim() === '' || !Number.isFinite(Number(v)) ? undefined : Number(v));

/** Structured filters; spans that fail are pruned into "N spans hidden" rows, never dropped. */
export function FilterBar({ columns, filter, onChange, matchesText, error }: Props) {
  const styles = useStyles2(getStyles);
  const id = useId();
  const set = (patch: Partial<SpanFilter>) => onChange({ ...filter, ...patch });
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
          value={filter.services ? [...filter.services] : []}
          onChange={(v) => set({ services: v.map((o) => o.value) })}
        />
      </div>
      <div className={styles.field}>
        {/* Combobox is named by a label element, not aria-label. */}
        <span id={`${id}-operation`} className={styles.hidden}>
          {t('trace.filters.operation', 'Operation')}
        </span>
        <MultiCombobox
          aria-labelledby={`${id}-operation`}
          placeholder={t('trace.filters.operation', 'Operation')}
          width={28}
          options={opts(columns.operations)}
          value={filter.operations ? [...filter.operations] : []}
          onChange={(v) => set({ operations: v.map((o) => o.value) })}
        />
      </div>
      <Input
        width={12}
        placeholder={t('trace.filters.min', 'min ms')}
        aria-label={t('trace.filters.minLabel', 'Minimum duration in ms')}
        onChange={(e) => set({ minDurationMs: num(e.currentTarget.value) })}
      />
      <Input
        width={12}
        placeholder={t('trace.filters.max', 'max ms')}
        aria-label={t('trace.filters.maxLabel', 'Maximum duration in ms')}
        onChange={(e) => set({ maxDurationMs: num(e.currentTarget.value) })}
      />
      <Input
        width={16}
        placeholder={t('trace.filters.key', 'attribute')}
        aria-label={t('trace.filters.keyLabel', 'Attribute key')}
        onChange={(e) => set({ attributeKey: e.currentTarget.value.trim() || undefined })}
      />
      <Input
        width={14}
        placeholder={t('trace.filters.value', 'value')}
        aria-label={t('trace.filters.valueLabel', 'Attribute value')}
        onChange={(e) => set({ attributeValue: e.currentTarget.value || undefined })}
      />
      <div className={styles.field}>
        {/* Combobox is named by a label element, not aria-label. */}
        <span id={`${id}-kind`} className={styles.hidden}>
          {t('trace.filters.kind', 'Kind')}
        </span>
        <MultiCombobox
          aria-labelledby={`${id}-kind`}
          placeholder={t('trace.filters.kind', 'Kind')}
          width={20}
          options={KINDS.map((k) => ({ value: k, label: k }))}
          value={filter.kinds ? [...filter.kinds] : []}
          onChange={(v) => set({ kinds: v.map((o) => o.value as SpanKind) })}
        />
      </div>
      <Checkbox
        label={t('trace.filters.errors', 'Errors only')}
        value={Boolean(filter.errorsOnly)}
        onChange={(e) => set({ errorsOnly: e.currentTarget.checked })}
      />
      <Checkbox
        label={t('trace.filters.matchesOnly', 'Find matches only')}
        value={Boolean(filter.text)}
        disabled={!matchesText.trim() && !filter.text}
        onChange={(e) => set({ text: e.currentTarget.checked ? matchesText : undefined })}
      />
      <Button size="sm" variant="secondary" fill="text" onClick={() => onChange({})}>
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
