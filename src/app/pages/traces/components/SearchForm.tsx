import React, { useState } from 'react';
import { css } from '@emotion/css';
import { type GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Button, Field, Input, useStyles2 } from '@grafana/ui';
import { type TraceSourceKind } from '../../../../shared/traces/traceSource';
import { checkTraceId } from '../model/traceIds';
import { validateSearch, type TraceSearch } from '../model/search';
import { usePickerOptions, type NameList } from '../state/usePickerOptions';

interface Props {
  initial: TraceSearch;
  initialTraceId?: string;
  /** The trace data source: its kind decides what is required, and it fills the service and operation lists. */
  uid: string;
  kind?: TraceSourceKind;
  range: { fromMs: number; toMs: number };
  onSearch(search: TraceSearch): void;
  onFile(name: string, text: string): void;
  onOpenId(traceId: string): void;
}

/** Jaeger's search form (service, operation, tags, min/max duration, limit) and "open trace file". */
export function SearchForm({ initial, initialTraceId, uid, kind, range, onSearch, onFile, onOpenId }: Props) {
  const styles = useStyles2(getStyles);
  const [form, setForm] = useState(initial);
  const [touched, setTouched] = useState(false);
  const errors = validateSearch(form, kind);
  const lists = usePickerOptions(uid, kind === 'zipkin' ? undefined : kind, form.service, range);
  // Operations are asked for once the service is one the data source listed, not on every keystroke.
  const operations = lists.services.values.includes(form.service.trim()) ? lists.operations : undefined;
  const field = (key: keyof TraceSearch, label: string, placeholder: string, width = 24, names?: NameList) => (
    <Field
      label={label}
      invalid={touched && Boolean(errors[key])}
      error={touched ? errors[key] : undefined}
      description={names ? listNote(names) : undefined}
    >
      <Input
        aria-label={label}
        width={width}
        value={form[key]}
        placeholder={placeholder}
        list={names ? `meshlens-traces-${key}-list` : undefined}
        onChange={(e) => setForm({ ...form, [key]: e.currentTarget.value })}
      />
    </Field>
  );
  return (
    <>
      <form
        className={styles.form}
        aria-label={t('traces.form', 'Trace search')}
        onSubmit={(e) => {
          e.preventDefault();
          setTouched(true);
          if (Object.keys(errors).length === 0) {
            onSearch(form);
          }
        }}
      >
        {field(
          'service',
          t('traces.service', 'Service'),
          kind === 'tempo' ? t('traces.any', 'all') : 'reviews.bookinfo',
          28,
          lists.services
        )}
        {field('operation', t('traces.operation', 'Operation'), t('traces.any', 'all'), 28, operations)}
        {(form.peer || initial.peer) && field('peer', t('traces.peer', 'Calls to'), 'details.bookinfo', 20)}
        <NameOptions id="meshlens-traces-service-list" values={lists.services.values} />
        <NameOptions id="meshlens-traces-operation-list" values={operations?.values ?? []} />
        {field('tags', t('traces.tags', 'Attributes'), 'http.status_code=500 error=true', 32)}
        {field('minDuration', t('traces.min', 'Min duration'), '100ms', 12)}
        {field('maxDuration', t('traces.max', 'Max duration'), '2s', 12)}
        {field('limit', t('traces.limit', 'Limit'), '20', 8)}
        <div className={styles.actions}>
          <Button type="submit" icon="search">
            {t('traces.search', 'Find traces')}
          </Button>
          <label className={styles.file}>
            {t('traces.file', 'Open trace file')}
            <input
              type="file"
              accept=".json,application/json"
              aria-label={t('traces.file.label', 'Open a Jaeger, Zipkin or OTLP JSON trace file')}
              onChange={async (e) => {
                const file = e.currentTarget.files?.[0];
                if (file) {
                  onFile(file.name, await file.text());
                }
              }}
            />
          </label>
        </div>
      </form>
      <TraceIdForm initial={initialTraceId ?? ''} onOpenId={onOpenId} />
    </>
  );
}

/** How many names the data source listed, that it is still asking, or why it could not. */
function listNote(names: NameList): string {
  if (names.loading) {
    return t('traces.list.loading', 'Loading the list…');
  }
  if (names.error) {
    return names.error;
  }
  return t('traces.list.count', '{{count}} listed by the data source', {
    count: names.values.length,
    defaultValue_one: '{{count}} listed by the data source',
  });
}

/** The names offered under an input (the browser's own suggestion list; any other text may still be typed). */
function NameOptions({ id, values }: { id: string; values: readonly string[] }) {
  return (
    <datalist id={id} data-testid={id}>
      {values.map((v) => (
        <option key={v} value={v} />
      ))}
    </datalist>
  );
}

/** Opens one trace by id: the only lookup Grafana's Zipkin data source has, and a shortcut for the others. */
function TraceIdForm({ initial, onOpenId }: { initial: string; onOpenId(id: string): void }) {
  const styles = useStyles2(getStyles);
  const [id, setId] = useState(initial);
  const [touched, setTouched] = useState(false);
  const label = t('traces.traceId', 'Trace ID');
  const check = checkTraceId(id);
  const error = check.ok ? undefined : check.error;
  return (
    <form
      className={styles.form}
      aria-label={t('traces.traceId.form', 'Open a trace by id')}
      onSubmit={(e) => {
        e.preventDefault();
        setTouched(true);
        if (check.ok) {
          onOpenId(check.id);
        }
      }}
    >
      <Field label={label} invalid={touched && Boolean(error)} error={touched ? error : undefined}>
        <Input
          aria-label={label}
          width={40}
          value={id}
          placeholder="4bf92f3577b34da6a3ce929d0e0e4736"
          onChange={(e) => setId(e.currentTarget.value)}
        />
      </Field>
      <div className={styles.actions}>
        <Button type="submit" variant="secondary" icon="external-link-alt">
          {t('traces.traceId.open', 'Open trace')}
        </Button>
      </div>
    </form>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  form: css({ display: 'flex', flexWrap: 'wrap', gap: theme.spacing(0, 1.5), alignItems: 'flex-end' }),
  actions: css({ display: 'flex', gap: theme.spacing(1.5), alignItems: 'center', marginBottom: theme.spacing(2) }),
  file: css({
    display: 'flex',
    flexDirection: 'column',
    fontSize: theme.typography.bodySmall.fontSize,
    color: theme.colors.text.secondary,
  }),
});
