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
}

const KEYS = ['service', 'operation', 'tags', 'minDuration', 'maxDuration', 'limit', 'traceId'] as const;

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
      if (this.state.traceId) {
        this.onOpen(this.state.traceId);
      }
    });
  }

  getUrlState(): SceneObjectUrlValues {
    const s = this.state.search;
    return { ...(this.state.searched ? s : {}), traceId: this.state.traceId };
  }

  updateFromUrl(values: SceneObjectUrlValues) {
    const search = { ...this.state.search };
    for (const key of KEYS) {
      const v = values[key];
      if (key !== 'traceId' && typeof v === 'string') {
        search[key] = v;
      }
    }
    const searched = Object.keys(validateSearch(search)).length === 0;
    const traceId = typeof values.traceId === 'string' ? values.traceId : this.state.traceId;
    this.setState({ search, searched, traceId });
  }

  onSearch = (search: TraceSearch) => {
    this.setState({ search, searched: true });
    this.runSearch();
  };

  onOpen = (traceId: string) => {
    this.setState({ traceId, openError: undefined });
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
    const kind = this.state.kind;
    if (runner instanceof SceneQueryRunner && kind && canSearch(kind)) {
      runner.setState({ queries: [toSearchQuery(kind, this.state.search)] });
      runner.runQueries();
    }
  }

  private panel(): VizPanel | null {
    return sceneGraph.findObject(this.getRoot(), (o) => o instanceof VizPanel) as VizPanel | null;
  }
}

function TraceSearchRenderer({ model }: SceneComponentProps<TraceSearchView>) {
  const { search, searched, traceUid, traceId, openError, kind, sourceError } = model.useState();
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
          message={t('traces.none', 'No traces of "{{service}}" match in this time range.', {
            ...AS_TEXT,
            service: search.service,
          })}
        />
      ) : (
        <ResultsView
          hits={results.hits}
          dropped={results.dropped}
          traceUid={traceUid}
          kind={kind ?? 'jaeger'}
          range={range}
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
        onSearch={model.onSearch}
        onFile={model.onFile}
        onOpenId={model.onOpen}
      />
      {body}
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
