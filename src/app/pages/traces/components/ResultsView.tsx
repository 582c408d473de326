import React, { useState } from 'react';
import { css } from '@emotion/css';
import { dateTimeFormat, type GrafanaTheme2, type TimeRange } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Button, Checkbox, Pagination, RadioButtonGroup, useStyles2 } from '@grafana/ui';
import { formatDurationMs } from '../../../../shared/format';
import { type TraceSourceKind } from '../../../../shared/traces/traceSource';
import { resultsJson, sortHits, type SortKey } from '../model/results';
import { type TraceHit, type TraceSearch } from '../model/search';
import { useTraceSummaries } from '../state/useTraceSummaries';
import { type SummaryResult } from '../state/traceSummaries';
import { ResultsScatter } from './ResultsScatter';
import { AS_TEXT } from '../../../../shared/i18n/asText';

/** Rows per page. */
export const PAGE_SIZE = 20;
/** Traces loaded for their counts (span, error, service): the page on screen first, then the rest up to this many. */
export const SUMMARY_CAP = 100;

interface Props {
  hits: readonly TraceHit[];
  dropped: number;
  traceUid: string;
  kind: TraceSourceKind;
  range: TimeRange;
  search: TraceSearch;
  sort: SortKey;
  onSort(sort: SortKey): void;
  onOpen(id: string): void;
  onCompare(a: string, b: string): void;
}

/** Duration over time (Jaeger's search scatter) and the result list with span, error and service counts. */
export function ResultsView(p: Props) {
  const { dropped, traceUid, kind, range, onOpen, onCompare, sort } = p;
  const styles = useStyles2(getStyles);
  const [picked, setPicked] = useState<string[]>([]);
  const [page, setPage] = useState(1);
  const pages = Math.max(1, Math.ceil(p.hits.length / PAGE_SIZE));
  const pageIds = (list: readonly TraceHit[]) =>
    list.slice((Math.min(page, pages) - 1) * PAGE_SIZE, Math.min(page, pages) * PAGE_SIZE).map((h) => h.traceId);
  // Counts for the rows on screen first, then for the rest (colours the scatter, sorts by spans or errors).
  const wanted = [...new Set([...pageIds(p.hits), ...p.hits.map((h) => h.traceId)])];
  const { known, pending } = useTraceSummaries(
    traceUid,
    kind,
    wanted.slice(0, Math.max(SUMMARY_CAP, PAGE_SIZE)),
    range
  );
  const sorted = sortHits(p.hits, sort, known);
  const hits = sorted.hits;
  const visible = hits.slice((Math.min(page, pages) - 1) * PAGE_SIZE, Math.min(page, pages) * PAGE_SIZE);
  const sortOptions = [
    { value: 'time' as const, label: t('traces.sort.time', 'Newest') },
    { value: 'duration' as const, label: t('traces.sort.duration', 'Longest') },
    { value: 'spans' as const, label: t('traces.sort.spans', 'Most spans') },
    { value: 'errors' as const, label: t('traces.sort.errors', 'Most errors') },
  ];
  const download = () => {
    const json = resultsJson({ ...p.search }, hits, known, { uid: traceUid, kind });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    a.download = `meshlens-traces-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 0);
  };
  const failed = visible.filter((h) => {
    const r = known.get(h.traceId);
    return r !== undefined && 'failed' in r;
  }).length;
  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id].slice(-2)));
  return (
    <div className={styles.root} data-testid="meshlens-trace-results">
      <ResultsScatter hits={hits} known={known} onOpen={onOpen} />
      <div className={styles.footer}>
        <span>{t('traces.sort.label', 'Sort')}</span>
        <RadioButtonGroup
          size="sm"
          options={sortOptions}
          value={sort}
          onChange={(v) => {
            setPage(1);
            p.onSort(v);
          }}
          aria-label={t('traces.sort.aria', 'Sort results')}
        />
        {(sort === 'spans' || sort === 'errors') && sorted.unknown > 0 && (
          <span data-testid="meshlens-trace-sort-unknown">
            {t('traces.sort.unknown', '{{count}} traces without counts yet are listed last', {
              count: sorted.unknown,
              defaultValue_one: '{{count}} trace without counts yet is listed last',
            })}
          </span>
        )}
        <Button size="sm" variant="secondary" icon="download-alt" onClick={download}>
          {t('traces.download', 'Download results (JSON)')}
        </Button>
      </div>
      <table className={styles.table}>
        <thead>
          <tr>
            <th>{t('traces.col.pick', 'Compare')}</th>
            <th>{t('traces.col.name', 'Trace')}</th>
            <th>{t('traces.col.start', 'Started')}</th>
            <th>{t('traces.col.duration', 'Duration')}</th>
            <th>{t('traces.col.spans', 'Spans')}</th>
            <th>{t('traces.col.errors', 'Errors')}</th>
            <th>{t('traces.col.services', 'Services')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {visible.map((h) => (
            <tr key={h.traceId} data-testid="meshlens-trace-hit">
              <td>
                <Checkbox
                  value={picked.includes(h.traceId)}
                  onChange={() => toggle(h.traceId)}
                  aria-label={t('traces.pick', 'Pick {{id}} to compare', { ...AS_TEXT, id: h.traceId })}
                />
              </td>
              <td>{h.name || h.traceId}</td>
              <td>{dateTimeFormat(h.startMs)}</td>
              <td>{formatDurationMs(h.durationMs)}</td>
              <SummaryCells hit={h} result={known.get(h.traceId)} errorClass={styles.error} />
              <td>
                <Button
                  size="sm"
                  variant="secondary"
                  onClick={() => onOpen(h.traceId)}
                  aria-label={t('traces.open', 'Open trace {{id}}', { ...AS_TEXT, id: h.traceId })}
                >
                  {t('traces.openShort', 'Open')}
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {pages > 1 && <Pagination currentPage={Math.min(page, pages)} numberOfPages={pages} onNavigate={setPage} />}
      <div className={styles.footer}>
        <Button
          size="sm"
          icon="exchange-alt"
          disabled={picked.length !== 2}
          onClick={() => onCompare(picked[0], picked[1])}
        >
          {t('traces.compareButton', 'Compare the two picked traces')}
        </Button>
        <span data-testid="meshlens-trace-counts">
          {t('traces.count', '{{count}} traces', { count: hits.length, defaultValue_one: '{{count}} trace' })}
          {pending > 0 &&
            ` · ${t('traces.pending', '{{count}} traces not yet enriched with span, error and service counts', { count: pending, defaultValue_one: '{{count}} trace not yet enriched with span, error and service counts' })}`}
          {failed > 0 &&
            ` · ${t('traces.summaryFailed', '{{count}} traces could not be loaded for their counts', { count: failed, defaultValue_one: '{{count}} trace could not be loaded for its counts' })}`}
          {p.hits.length > SUMMARY_CAP &&
            ` · ${t('traces.capped', 'counts are loaded for the first {{cap}} results; {{count}} more have none', { cap: SUMMARY_CAP, count: p.hits.length - SUMMARY_CAP })}`}
          {dropped > 0 &&
            ` · ${t('traces.dropped', '{{count}} results without an id or times not shown', { count: dropped, defaultValue_one: '{{count}} result without an id or times not shown' })}`}
        </span>
      </div>
    </div>
  );
}

/**
 * Spans, errors, services: "…" until the trace is loaded; Tempo's root service and matching spans meanwhile.
 * Tempo lists only some matching spans per spanset (its `spss`, 3 by default), so the text says "listed".
 */
function SummaryCells({
  hit,
  result,
  errorClass,
}: {
  hit: TraceHit;
  result: SummaryResult | undefined;
  errorClass: string;
}) {
  const matched =
    hit.matchedSpans !== undefined
      ? ` (${t('traces.matched', '{{count}} matching spans listed', { count: hit.matchedSpans, defaultValue_one: '{{count}} matching span listed' })})`
      : '';
  if (result && 'failed' in result) {
    const why = t('traces.summaryFailedOne', 'Counts unavailable: {{reason}}', { ...AS_TEXT, reason: result.failed });
    return (
      <td colSpan={3} title={why}>
        {why}
      </td>
    );
  }
  return (
    <>
      <td>{(result ? String(result.spans) : '…') + matched}</td>
      <td className={result && result.errors > 0 ? errorClass : undefined}>{result ? String(result.errors) : '…'}</td>
      <td>{result ? result.services.join(', ') : hit.rootService ? `${hit.rootService}, …` : '…'}</td>
    </>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  root: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1) }),
  table: css({
    borderCollapse: 'collapse',
    'th, td': {
      textAlign: 'left',
      padding: theme.spacing(0.5, 1),
      borderBottom: `1px solid ${theme.colors.border.weak}`,
    },
  }),
  error: css({ color: theme.colors.error.text, fontWeight: theme.typography.fontWeightMedium }),
  footer: css({ display: 'flex', gap: theme.spacing(2), alignItems: 'center', color: theme.colors.text.secondary }),
});
