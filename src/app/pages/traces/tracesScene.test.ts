import '../../testing/jsdomShims';
import { SceneQueryRunner, VizPanel, sceneGraph } from '@grafana/scenes';
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

test('the URL restores a search only when it is valid, and the open trace', () => {
  const { view } = parts();
  view.updateFromUrl({ operation: 'GET' });
  expect(view.state.searched).toBe(false);
  view.updateFromUrl({ service: 'reviews.bookinfo', limit: '5', traceId: 'abc' });
  expect(view.state).toMatchObject({ searched: true, traceId: 'abc' });
  expect(view.getUrlState()).toMatchObject({
    service: 'reviews.bookinfo',
    operation: 'GET',
    limit: '5',
    traceId: 'abc',
  });
});

test('on activation the data source type decides the query model: Tempo searches with TraceQL and opens ids with it', () => {
  const { view, panel, runner } = parts();
  view.activate();
  expect(view.state.kind).toBe('tempo');
  view.onSearch({ service: 'api-edge', operation: '', tags: '', minDuration: '', maxDuration: '', limit: '5' });
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
  zipkin.view.onSearch({ service: 'api-edge', operation: '', tags: '', minDuration: '', maxDuration: '', limit: '5' });
  expect(zipkin.view.state.kind).toBe('zipkin');
  expect(zipkin.runner.state.queries).toEqual([]);
  zipkin.view.onOpen('abc');
  expect((zipkin.panel.state.$data as SceneQueryRunner).state.queries).toEqual([
    { refId: 'trace', queryType: 'traceID', query: 'abc' },
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
  expect(compare.state.ids).toBeUndefined();
  compare.updateFromUrl({ compare: 'aaa,bbb' });
  expect(compare.getUrlState()).toEqual({ compare: 'aaa,bbb' });
  compare.activate();
  const [a, b] = compare.state.panels!;
  expect([a.state.pluginId, b.state.pluginId]).toEqual([TRACE_PANEL_ID, TRACE_PANEL_ID]);
  expect((a.state.$data as SceneQueryRunner).state.queries).toEqual([{ refId: 'A', query: 'aaa' }]);
  expect((b.state.$data as SceneQueryRunner).state.queries).toEqual([{ refId: 'B', query: 'bbb' }]);
  expect(a.parent).toBe(compare);
  compare.compare('ccc', 'ddd');
  expect((compare.state.panels![1].state.$data as SceneQueryRunner).state.queries).toEqual([
    { refId: 'B', query: 'ddd' },
  ]);
});
