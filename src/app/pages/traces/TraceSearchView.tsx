import React from 'react';
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
import { canSearch, type TraceSourceKind } from '../../../shared/traces/traceSource';
import { parsePeer, type MeshPeer } from '../../../shared/traces/istioNaming';
import { AS_TEXT } from '../../../shared/i18n/asText';
import { type SortKey } from './model/results';
import { checkTraceId } from './model/traceIds';
import { EMPTY_SEARCH, fileFrame, toSearchQuery, validateSearch, type TraceSearch } from './model/search';
import { fromUrlValues, toUrlValues, URL_KEYS } from './model/urlState';
import { openFailure, traceByIdRunner } from './state/openTrace';
import { jaegerPeerOperations, type PeerNote } from './state/peerSearch';
import { resolveTraceSource } from './state/resolveTraceSource';
import { TraceCompare } from './TraceCompare';
import { SearchForm } from './components/SearchForm';
import { SearchOutcome } from './components/SearchOutcome';
import { OpenTraceNotes, PeerSearchedNote } from './components/SearchNotes';

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
  peerNote?: PeerNote;
  sort: SortKey;
}

/** Search against the trace data source, results as scatter and list; opens a trace (or a file) in the scene's trace panel. */
export class TraceSearchView extends SceneObjectBase<TraceSearchViewState> {
  static Component = TraceSearchRenderer;
  protected override _urlSync = new SceneObjectUrlSyncConfig(this, { keys: [...URL_KEYS] });

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
    return toUrlValues(this.state);
  }

  updateFromUrl(values: SceneObjectUrlValues) {
    this.setState(fromUrlValues(values, this.state));
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
    const runner = traceByIdRunner(this.state.traceUid, this.state.kind, traceId);
    // The panel shows a failed query only as a corner icon; the page says in words what went wrong.
    this._subs.add(
      runner.subscribeToState((s) => {
        const failed = openFailure(s.data);
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

  /** Jaeger searches one operation per request: the first of the caller's operations that call the peer. */
  private async runJaegerPeerSearch(runner: SceneQueryRunner, peer: MeshPeer) {
    const search = this.state.search;
    const { value } = sceneGraph.getTimeRange(this).state;
    const note = await jaegerPeerOperations(this.state.traceUid, search.service, peer, {
      fromMs: value.from.valueOf(),
      toMs: value.to.valueOf(),
    });
    if (search !== this.state.search) {
      return;
    }
    this.setState({ peerNote: note });
    if (note.searched) {
      runner.setState({ queries: [toSearchQuery('jaeger', search, note.searched)] });
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
      <PeerSearchedNote search={search} note={peerNote} />
      <SearchOutcome
        search={search}
        searched={searched}
        traceUid={traceUid}
        kind={kind}
        sourceError={sourceError}
        searchError={searchError}
        peerNote={peerNote}
        data={data}
        range={range}
        sort={sort}
        onSort={model.onSort}
        onOpen={model.onOpen}
        onCompare={model.onCompare}
      />
      <OpenTraceNotes traceId={traceId} traceIdError={traceIdError} openError={openError} />
    </div>
  );
}

export { EMPTY_SEARCH };
