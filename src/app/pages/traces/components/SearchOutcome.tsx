import React, { useMemo } from 'react';
import { LoadingState, type PanelData, type TimeRange } from '@grafana/data';
import { t } from '@grafana/i18n';
import { LoadingPlaceholder } from '@grafana/ui';
import { AS_TEXT } from '../../../../shared/i18n/asText';
import { type TraceSourceKind } from '../../../../shared/traces/traceSource';
import { PanelMessage } from '../../../../shared/ui/PanelMessage';
import { type SortKey } from '../model/results';
import { parseSearchResults, type TraceSearch } from '../model/search';
import { type PeerNote } from '../state/peerSearch';
import { ResultsView } from './ResultsView';

interface Props {
  search: TraceSearch;
  searched: boolean;
  traceUid: string;
  kind?: TraceSourceKind;
  sourceError?: string;
  searchError?: string;
  peerNote?: PeerNote;
  data?: PanelData;
  range: TimeRange;
  sort: SortKey;
  onSort(sort: SortKey): void;
  onOpen(id: string): void;
  onCompare(a: string, b: string): void;
}

/**
 * What the search came to, in the order that decides it: the data source unusable, Zipkin (no search), the search
 * not sent, a peer search with nothing to search, loading, the data source's error, no traces, or the results.
 */
export function SearchOutcome(p: Props) {
  const { search, searched, traceUid, kind, data } = p;
  const results = useMemo(() => (data ? parseSearchResults(data.series) : undefined), [data]);
  if (p.sourceError) {
    return <PanelMessage kind="error" message={p.sourceError} />;
  }
  if (kind === 'zipkin') {
    const text = t(
      'traces.zipkin',
      'Grafana\'s Zipkin data source "{{uid}}" cannot search traces; it opens a trace by id. Enter a trace id above.',
      { ...AS_TEXT, uid: traceUid }
    );
    return <PanelMessage kind={searched ? 'error' : 'info'} message={text} />;
  }
  if (!searched) {
    return null;
  }
  if (p.searchError) {
    return (
      <PanelMessage
        kind="error"
        message={t('traces.invalidSearch', 'The search was not sent: {{reason}}', {
          ...AS_TEXT,
          reason: p.searchError,
        })}
      />
    );
  }
  if (p.peerNote && !p.peerNote.searched) {
    return (
      <PanelMessage
        kind={p.peerNote.error ? 'error' : 'info'}
        message={
          p.peerNote.error ??
          t(
            'traces.peer.none',
            'None of the {{count}} operations of "{{service}}" is a call to {{peer}} (Istio names them <host>:<port>/*), so there is nothing to search.',
            { ...AS_TEXT, count: p.peerNote.listed, service: search.service, peer: search.peer }
          )
        }
      />
    );
  }
  if (data?.state === LoadingState.Loading) {
    return <LoadingPlaceholder text={t('traces.loading', 'Searching traces…')} />;
  }
  if (data?.state === LoadingState.Error) {
    const reason = data.errors?.[0]?.message ?? '';
    return (
      <PanelMessage
        kind="error"
        message={t('traces.error', 'The trace data source "{{uid}}" could not answer: {{reason}}', {
          ...AS_TEXT,
          uid: traceUid,
          reason,
        })}
      />
    );
  }
  if (!results || data?.state !== LoadingState.Done) {
    return null;
  }
  if (results.hits.length === 0) {
    return (
      <PanelMessage
        kind="info"
        message={
          search.service.trim()
            ? t('traces.none', 'No traces of "{{service}}" match in this time range.', {
                ...AS_TEXT,
                service: search.service,
              })
            : t('traces.noneAny', 'No traces match in this time range.')
        }
      />
    );
  }
  return (
    <ResultsView
      hits={results.hits}
      dropped={results.dropped}
      traceUid={traceUid}
      kind={kind ?? 'jaeger'}
      range={p.range}
      search={search}
      sort={p.sort}
      onSort={p.onSort}
      onOpen={p.onOpen}
      onCompare={p.onCompare}
    />
  );
}
