import '../../testing/jsdomShims';
import { SceneDataNode, SceneQueryRunner, VizPanel, sceneGraph } from '@grafana/scenes';
import { setDataSourceSrv, type DataSourceSrv } from '@grafana/runtime';
import { resolveSettings } from '../../../shared/settings';
import { TraceCompare } from './TraceCompare';
import { TraceSearchView } from './TraceSearchView';
import { TRACE_PANEL_ID, getTracesScene } from './tracesScene';

/** The data sources Grafana would list: uid → plugin type. */
function installSources(types: Record<string, string>) {
  setDataSourceSrv({
    // Queries the test starts stay pending: these tests look at what is asked, not at answers.
    get: () => new Promise(() => {}),
    getInstanceSettings: (ref: { uid?: string } | string) => {
      const uid = typeof ref === 'string' ? ref : ref?.uid;
      return uid && types[uid] ? { uid, name: uid.toUpperCase(), type: types[uid] } : undefined;
    },
  } as unknown as DataSourceSrv);
}

function parts(traceUid = 'tempo-1') {
  installSources({ 'tempo-1': 'tempo', 'jaeger-1': 'jaeger', 'zipkin-1': 'zipkin', prom: 'prometheus' });
  const scene = getTracesScene(resolveSettings({ traceUid }));
  const view = sceneGraph.findObject(scene, (o) => o instanceof TraceSearchView) as TraceSearchView;
  // Before any comparison the scene holds one VizPanel: the trace panel.
  const panel = sceneGraph.findObject(scene, (o) => o instanceof VizPanel) as VizPanel;
  const compare = sceneGraph.findObject(scene, (o) => o instanceof TraceCompare) as TraceCompare;
  return { scene, view, panel, compare, runner: view.state.$data as SceneQueryRunner };
}

test('search runs on demand against the configured trace data source, above the trace panel', () => {
  const { runner, panel } = parts();
  expect(runner.state.datasource).toEqual({ uid: 'tempo-1' });
  expect(runner.state.runQueriesMode).toBe('manual');
  expect(panel.state.pluginId).toBe(TRACE_PANEL_ID);
});

test('the URL restores a search when it names a criterion (validated when run), the sort and the open trace', () => {
  const { view } = parts();
  view.updateFromUrl({ limit: '5' });
  expect(view.state.searched).toBe(false);
  view.updateFromUrl({ operation: 'GET' });
  expect(view.state.searched).toBe(true);
  view.updateFromUrl({ service: 'reviews.bookinfo', limit: '5', traceId: 'ABCDEF0123456789', sort: 'errors' });
  expect(view.state).toMatchObject({
    searched: true,
    traceId: 'abcdef0123456789',
    traceIdError: undefined,
    sort: 'errors',
  });
  expect(view.getUrlState()).toMatchObject({
    service: 'reviews.bookinfo',
    operation: 'GET',
    limit: '5',
    traceId: 'abcdef0123456789',
    sort: 'errors',
  });
});

test('a ?traceId= that is no trace id is named and never queried (Tempo would run it as TraceQL)', () => {
  const { view, panel } = parts();
  view.updateFromUrl({ traceId: '{ .http.status_code = 500 }' });
  view.activate();
  expect(view.state.traceIdError).toBe(
    '"{ .http.status_code = 500 }" is not a trace id (it holds characters other than 0-9 and a-f): a trace id is 16 or 32 hexadecimal digits.'
  );
  expect(panel.state.$data).toBeInstanceOf(SceneDataNode);
  view.onOpen('abc');
  expect(view.state.traceIdError).toBe(
    '"abc" is not a trace id (it has 3 digits): a trace id is 16 or 32 hexadecimal digits.'
  );
  expect(panel.state.$data).toBeInstanceOf(SceneDataNode);
});

test('on activation the data source type decides the query model: Tempo searches with TraceQL and opens ids with it', () => {
  const { view, panel, runner } = parts();
  view.activate();
  expect(view.state.kind).toBe('tempo');
  view.onSearch({
    service: 'api-edge',
    operation: '',
    tags: '',
    minDuration: '',
    maxDuration: '',
    limit: '5',
    peer: '',
  });
  expect(runner.state.queries).toEqual([
    {
      refId: 'search',
      queryType: 'traceql',
      query: '{ resource.service.name = "api-edge" }',
      limit: 5,
      tableType: 'traces',
    },
  ]);
  view.onOpen('4bf92f3577b34da6');
  expect((panel.state.$data as SceneQueryRunner).state.queries).toEqual([
    { refId: 'trace', queryType: 'traceql', query: '4bf92f3577b34da6' },
  ]);
  view.onFile('t.json', '{"data":[]}');
  expect(panel.state.title).toBe('t.json');
  expect(view.state.traceId).toBeUndefined();
});

test('Zipkin never searches; a missing or non-trace data source is explained', () => {
  const zipkin = parts('zipkin-1');
  zipkin.view.activate();
  zipkin.view.onSearch({
    service: 'api-edge',
    operation: '',
    tags: '',
    minDuration: '',
    maxDuration: '',
    limit: '5',
    peer: '',
  });
  expect(zipkin.view.state.kind).toBe('zipkin');
  expect(zipkin.runner.state.queries).toEqual([]);
  zipkin.view.onOpen('00000000000000AB');
  expect((zipkin.panel.state.$data as SceneQueryRunner).state.queries).toEqual([
    { refId: 'trace', queryType: 'traceID', query: '00000000000000ab' },
  ]);

  const missing = parts('gone');
  missing.view.activate();
  expect(missing.view.state.sourceError).toBe(
    `The trace data source "gone" does not exist in this Grafana; choose one on the app's configuration page.`
  );
  const prom = parts('prom');
  prom.view.activate();
  expect(prom.view.state.sourceError).toBe(
    'The trace data source "PROM" is of type prometheus; MeshLens reads traces from Jaeger, Tempo or Zipkin.'
  );
});

test('a comparison is kept in the URL as two ids and shows two trace panels, each querying its trace', () => {
  const { compare } = parts('jaeger-1');
  compare.updateFromUrl({ compare: 'only-one' });
  expect(compare.state).toMatchObject({
    ids: undefined,
    idError: 'A comparison needs two trace ids separated by a comma; got 1.',
  });
  compare.updateFromUrl({ compare: 'aaa,bbb' });
  expect(compare.state.ids).toBeUndefined();
  expect(compare.state.idError).toBe(
    'A: "aaa" is not a trace id (it has 3 digits): a trace id is 16 or 32 hexadecimal digits. B: "bbb" is not a trace id (it has 3 digits): a trace id is 16 or 32 hexadecimal digits.'
  );
  const [aaa, bbb, ccc, ddd] = ['aaa', 'bbb', 'ccc', 'ddd'].map((x) => x.padStart(16, '0'));
  compare.updateFromUrl({ compare: `${aaa},${bbb}` });
  expect(compare.getUrlState()).toEqual({ compare: `${aaa},${bbb}` });
  compare.activate();
  const [a, b] = compare.state.panels!;
  expect([a.state.pluginId, b.state.pluginId]).toEqual([TRACE_PANEL_ID, TRACE_PANEL_ID]);
  expect((a.state.$data as SceneQueryRunner).state.queries).toEqual([{ refId: 'A', query: aaa }]);
  expect((b.state.$data as SceneQueryRunner).state.queries).toEqual([{ refId: 'B', query: bbb }]);
  expect(a.parent).toBe(compare);
  compare.compare(ccc, ddd);
  expect((compare.state.panels![1].state.$data as SceneQueryRunner).state.queries).toEqual([
    { refId: 'B', query: ddd },
  ]);
});
