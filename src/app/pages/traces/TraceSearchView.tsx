import React, { useMemo } from 'react';
import { LoadingState, getDefaultTimeRange } from '@grafana/data';
import { t } from '@grafana/i18n';
import {
  SceneDataNode,
  SceneObjectBase,
  SceneObjectUrlSyncConfig,
  SceneQueryRunner,
  VizPanel,
  sceneGraph,
  type SceneComponentProps,
  type SceneObjectState,
  type SceneObjectUrlValues,
} from '@grafana/scenes';
import { LoadingPlaceholder } from '@grafana/ui';
import { canSearch, traceIdQuery, type TraceSourceKind } from '../../../shared/traces/traceSource';
import { PanelMessage } from '../../../shared/ui/PanelMessage';
import { ResultsView } from './components/ResultsView';
import { operationsToPeer, parsePeer } from '../../../shared/traces/istioNaming';
import { operationsLookup } from './model/pickers';
import { SORT_KEYS, type SortKey } from './model/results';
import { checkTraceId } from './model/traceIds';
import { lookupNames } from './state/metadata';
import { TraceCompare } from './TraceCompare';
import { SearchForm } from './components/SearchForm';
import {
  EMPTY_SEARCH,
  fileFrame,
  parseSearchResults,
  toSearchQuery,
  validateSearch,
  type TraceSearch,
} from './model/search';
import { resolveTraceSource } from './state/resolveTraceSource';
import { AS_TEXT } from '../../../shared/i18n/asText';

export interface TraceSearchViewState extends SceneObjectState {
  search: TraceSearch;
  searched: boolean;
  traceId?: string;
  traceUid: string;
  /** Why the opened trace could not be loaded (unknown id, data source down). */
  openError?: string;
  /** The trace data source's kind, known once the scene is active. */
  kind?: TraceSourceKind;
  /** Why the configured trace data source cannot be used at all (missing, not a trace source). */
  sourceError?: string;
  /** `?traceId=` that is no trace id: shown, never queried. */
  traceIdError?: string;
  /** Why the search (from the URL or the form) was not sent: its fields' problems for this data source. */
  searchError?: string;
  /** For a peer (edge) search on Jaeger: which of the caller's operations are calls to the peer, and which was searched. */
  peerNote?: { searched?: string; others: string[]; listed: number; error?: string };
  sort: SortKey;
}

const SEARCH_KEYS = ['service', 'operation', 'tags', 'minDuration', 'maxDuration', 'limit', 'peer'] as const;
const KEYS = [...SEARCH_KEYS, 'traceId', 'sort'] as const;
/** Fields that make a search from the URL run on load (the limit alone does not). */
const CRITERIA = ['service', 'operation', 'tags', 'minDuration', 'maxDuration', 'peer'] as const;

/** Search against the trace data source, results as scatter and list; opens a trace (or a file) in the scene's trace panel. */
export class TraceSearchView extends SceneObjectBase<TraceSearchViewState> {
  static Component = TraceSearchRenderer;
  protected override _urlSync = new SceneObjectUrlSyncConfig(this, { keys: [...KEYS] });

  constructor(state: TraceSearchViewState) {
    super(state);
    this.addActivationHandler(() => {
      const source = resolveTraceSource(this.state.traceUid);
      this.setState({ kind: source.kind, sourceError: source.error });
      if (this.state.searched) {
        this.runSearch();
      }
      if (this.state.traceId && !this.state.traceIdError) {
        this.onOpen(this.state.traceId);
      }
    });
  }

  getUrlState(): SceneObjectUrlValues {
    const s = this.state.search;
    const search = this.state.searched
      ? Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v || undefined]))
      : {};
    return { ...search, traceId: this.state.traceId, sort: this.state.sort === 'time' ? undefined : this.state.sort };
  }

  updateFromUrl(values: SceneObjectUrlValues) {
    const search = { ...this.state.search };
    for (const key of SEARCH_KEYS) {
      const v = values[key];
      if (typeof v === 'string') {
        search[key] = v;
      }
    }
    const searched = CRITERIA.some((k) => search[k].trim() !== '');
    const sort = SORT_KEYS.find((k) => k === values.sort) ?? 'time';
    const rawId = typeof values.traceId === 'string' ? values.traceId : undefined;
    const check = rawId === undefined ? undefined : checkTraceId(rawId);
    this.setState({
      search,
      searched,
      sort,
      traceId: check?.ok ? check.id : (rawId ?? this.state.traceId),
      traceIdError: check && !check.ok ? check.error : undefined,
    });
  }

  onSearch = (search: TraceSearch) => {
    this.setState({ search, searched: true });
    this.runSearch();
  };

  onSort = (sort: SortKey) => this.setState({ sort });

  onOpen = (traceId: string) => {
    const check = checkTraceId(traceId);
    if (!check.ok) {
      // Never queried: Tempo would run the text as TraceQL.
      this.setState({ traceId, traceIdError: check.error, openError: undefined });
      return;
    }
    traceId = check.id;
    this.setState({ traceId, openError: undefined, traceIdError: undefined });
    if (!this.state.kind) {
      return;
    }
    const runner = new SceneQueryRunner({
      datasource: { uid: this.state.traceUid },
      queries: [traceIdQuery(this.state.kind, traceId)],
    });
    // The panel shows a failed query only as a corner icon; the page says in words what went wrong.
    this._subs.add(
      runner.subscribeToState((s) => {
        const failed =
          s.data?.state === LoadingState.Error
            ? (s.data.errors?.[0]?.message ?? 'unknown error')
            : s.data?.state === LoadingState.Done &&
                !s.data.series.some((f) => f.fields.some((x) => x.name === 'spanID'))
              ? 'no such trace in the data source'
              : undefined;
        if (failed !== this.state.openError && runner === this.panel()?.state.$data) {
          this.setState({ openError: failed });
        }
      })
    );
    this.panel()?.setState({
      title: t('traces.panel.trace', 'Trace {{id}}', { ...AS_TEXT, id: traceId }),
      $data: runner,
    });
  };

  onFile = (name: string, text: string) => {
    this.setState({ traceId: undefined, openError: undefined });
    this.panel()?.setState({
      title: name,
      $data: new SceneDataNode({
        data: { state: LoadingState.Done, series: [fileFrame(name, text)], timeRange: getDefaultTimeRange() },
      }),
    });
  };

  onCompare = (a: string, b: string) => {
    (sceneGraph.findObject(this.getRoot(), (o) => o instanceof TraceCompare) as TraceCompare | null)?.compare(a, b);
  };

  private runSearch() {
    const runner = sceneGraph.getData(this);
    const { kind, search } = this.state;
    if (!(runner instanceof SceneQueryRunner) || !kind || !canSearch(kind)) {
      return;
    }
    const problems = Object.values(validateSearch(search, kind));
    this.setState({ searchError: problems.length ? problems.join(' ') : undefined, peerNote: undefined });
    if (problems.length) {
      return;
    }
    const peer = parsePeer(search.peer);
    if (kind === 'jaeger' && peer) {
      this.runJaegerPeerSearch(runner, peer);
      return;
    }
    runner.setState({ queries: [toSearchQuery(kind, search)] });
    runner.runQueries();
  }

  /**
   * Jaeger matches operations exactly and answers one query per request: the caller's operations are listed, those
   * named as Istio calls to the peer are found, and the first is searched (the others are named on the page).
   */
  private async runJaegerPeerSearch(runner: SceneQueryRunner, peer: NonNullable<ReturnType<typeof parsePeer>>) {
    const search = this.state.search;
    const { value } = sceneGraph.getTimeRange(this).state;
    const lookup = operationsLookup('jaeger', search.service, {
      fromMs: value.from.valueOf(),
      toMs: value.to.valueOf(),
    })!;
    const listed = await lookupNames(this.state.traceUid, lookup);
    if (search !== this.state.search) {
      return;
    }
    if ('error' in listed) {
      this.setState({ peerNote: { others: [], listed: 0, error: listed.error } });
      return;
    }
    const [first, ...others] = operationsToPeer(peer, listed.values);
    this.setState({ peerNote: { searched: first, others, listed: listed.values.length } });
    if (first) {
      runner.setState({ queries: [toSearchQuery('jaeger', search, first)] });
      runner.runQueries();
    }
  }

  private panel(): VizPanel | null {
    return sceneGraph.findObject(this.getRoot(), (o) => o instanceof VizPanel) as VizPanel | null;
  }
}

function TraceSearchRenderer({ model }: SceneComponentProps<TraceSearchView>) {
  const {
    search,
    searched,
    traceUid,
    traceId,
    openError,
    kind,
    sourceError,
    traceIdError,
    searchError,
    peerNote,
    sort,
  } = model.useState();
  const { data } = sceneGraph.getData(model).useState();
  const { value: range } = sceneGraph.getTimeRange(model).useState();
  const results = useMemo(() => (data ? parseSearchResults(data.series) : undefined), [data]);
  let body: React.ReactNode = null;
  if (sourceError) {
    body = <PanelMessage kind="error" message={sourceError} />;
  } else if (kind === 'zipkin') {
    const text = t(
      'traces.zipkin',
      'Grafana\'s Zipkin data source "{{uid}}" cannot search traces; it opens a trace by id. Enter a trace id above.',
      { ...AS_TEXT, uid: traceUid }
    );
    body = <PanelMessage kind={searched ? 'error' : 'info'} message={text} />;
  } else if (searched && searchError) {
    body = (
      <PanelMessage
        kind="error"
        message={t('traces.invalidSearch', 'The search was not sent: {{reason}}', { ...AS_TEXT, reason: searchError })}
      />
    );
  } else if (searched && peerNote && !peerNote.searched) {
    body = (
      <PanelMessage
        kind={peerNote.error ? 'error' : 'info'}
        message={
          peerNote.error ??
          t(
            'traces.peer.none',
            'None of the {{count}} operations of "{{service}}" is a call to {{peer}} (Istio names them <host>:<port>/*), so there is nothing to search.',
            { ...AS_TEXT, count: peerNote.listed, service: search.service, peer: search.peer }
          )
        }
      />
    );
  } else if (searched && data?.state === LoadingState.Loading) {
    body = <LoadingPlaceholder text={t('traces.loading', 'Searching traces…')} />;
  } else if (searched && data?.state === LoadingState.Error) {
    const reason = data.errors?.[0]?.message ?? '';
    body = (
      <PanelMessage
        kind="error"
        message={t('traces.error', 'The trace data source "{{uid}}" could not answer: {{reason}}', {
          ...AS_TEXT,
          uid: traceUid,
          reason,
        })}
      />
    );
  } else if (searched && results && data?.state === LoadingState.Done) {
    body =
      results.hits.length === 0 ? (
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
      ) : (
        <ResultsView
          hits={results.hits}
          dropped={results.dropped}
          traceUid={traceUid}
          kind={kind ?? 'jaeger'}
          range={range}
          search={search}
          sort={sort}
          onSort={model.onSort}
          onOpen={model.onOpen}
          onCompare={model.onCompare}
        />
      );
  }
  return (
    <div data-testid="meshlens-traces" data-meshlens-ready="true">
      <SearchForm
        initial={search}
        initialTraceId={traceId}
        uid={traceUid}
        kind={kind}
        range={{ fromMs: range.from.valueOf(), toMs: range.to.valueOf() }}
        onSearch={model.onSearch}
        onFile={model.onFile}
        onOpenId={model.onOpen}
      />
      {peerNote?.searched && (
        <PanelMessage
          kind="info"
          message={t(
            'traces.peer.searched',
            'Calls to {{peer}}: searching operation "{{operation}}" of "{{service}}"{{others}}.',
            {
              ...AS_TEXT,
              peer: search.peer,
              operation: peerNote.searched,
              service: search.service,
              others: peerNote.others.length
                ? t('traces.peer.others', ' ({{count}} more operations also call it: {{names}})', {
                    ...AS_TEXT,
                    count: peerNote.others.length,
                    names: peerNote.others.join(', '),
                  })
                : '',
            }
          )}
        />
      )}
      {body}
      {traceIdError && (
        <PanelMessage
          kind="error"
          message={t('traces.traceIdInvalid', 'Nothing was queried: {{reason}}', { ...AS_TEXT, reason: traceIdError })}
        />
      )}
      {openError && traceId && (
        <PanelMessage
          kind="error"
          message={t('traces.openFailed', 'Trace "{{id}}" could not be opened: {{reason}}', {
            ...AS_TEXT,
            id: traceId,
            reason: openError,
          })}
        />
      )}
    </div>
  );
}

export { EMPTY_SEARCH };
