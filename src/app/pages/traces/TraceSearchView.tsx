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
import { PanelMessage } from '../../../shared/ui/PanelMessage';
import { ResultsView } from './components/ResultsView';
import { TraceCompare } from './TraceCompare';
import { SearchForm } from './components/SearchForm';
import { EMPTY_SEARCH, fileFrame, parseSearchResults, toJaegerSearchQuery, validateSearch, type TraceSearch } from './model/search';

export interface TraceSearchViewState extends SceneObjectState {
  search: TraceSearch;
  searched: boolean;
  traceId?: string;
  traceUid: string;
  /** Why the opened trace could not be loaded (unknown id, data source down). */
  openError?: string;
}

const KEYS = ['service', 'operation', 'tags', 'minDuration', 'maxDuration', 'limit', 'traceId'] as const;

/** Search against the trace data source, results as scatter and list; opens a trace (or a file) in the scene's trace panel. */
export class TraceSearchView extends SceneObjectBase<TraceSearchViewState> {
  static Component = TraceSearchRenderer;
  protected override _urlSync = new SceneObjectUrlSyncConfig(this, { keys: [...KEYS] });

  constructor(state: TraceSearchViewState) {
    super(state);
    this.addActivationHandler(() => {
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
    const runner = new SceneQueryRunner({ datasource: { uid: this.state.traceUid }, queries: [{ refId: 'trace', query: traceId }] });
    // The panel shows a failed query only as a corner icon; the page says in words what went wrong.
    this._subs.add(
      runner.subscribeToState((s) => {
        const failed = s.data?.state === LoadingState.Error ? (s.data.errors?.[0]?.message ?? 'unknown error') : undefined;
        if (failed !== this.state.openError && runner === this.panel()?.state.$data) {
          this.setState({ openError: failed });
        }
      })
    );
    this.panel()?.setState({ title: t('traces.panel.trace', 'Trace {{id}}', { id: traceId }), $data: runner });
  };

  onFile = (name: string, text: string) => {
    this.setState({ traceId: undefined, openError: undefined });
    this.panel()?.setState({
      title: name,
      $data: new SceneDataNode({ data: { state: LoadingState.Done, series: [fileFrame(name, text)], timeRange: getDefaultTimeRange() } }),
    });
  };

  onCompare = (a: string, b: string) => {
    (sceneGraph.findObject(this.getRoot(), (o) => o instanceof TraceCompare) as TraceCompare | null)?.compare(a, b);
  };

  private runSearch() {
    const runner = sceneGraph.getData(this);
    if (runner instanceof SceneQueryRunner) {
      runner.setState({ queries: [toJaegerSearchQuery(this.state.search)] });
      runner.runQueries();
    }
  }

  private panel(): VizPanel | null {
    return sceneGraph.findObject(this.getRoot(), (o) => o instanceof VizPanel) as VizPanel | null;
  }
}

function TraceSearchRenderer({ model }: SceneComponentProps<TraceSearchView>) {
  const { search, searched, traceUid, traceId, openError } = model.useState();
  const { data } = sceneGraph.getData(model).useState();
  const results = useMemo(() => (data ? parseSearchResults(data.series) : undefined), [data]);
  let body: React.ReactNode = null;
  if (searched && data?.state === LoadingState.Loading) {
    body = <LoadingPlaceholder text={t('traces.loading', 'Searching traces…')} />;
  } else if (searched && data?.state === LoadingState.Error) {
    const reason = data.errors?.[0]?.message ?? '';
    body = <PanelMessage kind="error" message={t('traces.error', 'The trace data source "{{uid}}" could not answer: {{reason}}', { uid: traceUid, reason })} />;
  } else if (searched && results && data?.state === LoadingState.Done) {
    body =
      results.hits.length === 0 ? (
        <PanelMessage kind="info" message={t('traces.none', 'No traces of "{{service}}" match in this time range.', { service: search.service })} />
      ) : (
        <ResultsView hits={results.hits} dropped={results.dropped} onOpen={model.onOpen} onCompare={model.onCompare} />
      );
  }
  return (
    <div data-testid="meshlens-traces" data-meshlens-ready="true">
      <SearchForm initial={search} onSearch={model.onSearch} onFile={model.onFile} />
      {body}
      {openError && traceId && (
        <PanelMessage kind="error" message={t('traces.openFailed', 'Trace "{{id}}" could not be opened: {{reason}}', { id: traceId, reason: openError })} />
      )}
    </div>
  );
}

export { EMPTY_SEARCH };
