import '../../testing/jsdomShims';
import { SceneQueryRunner, VizPanel, sceneGraph } from '@grafana/scenes';
import { resolveSettings } from '../../../shared/settings';
import { TraceCompare } from './TraceCompare';
import { TraceSearchView } from './TraceSearchView';
import { TRACE_PANEL_ID, getTracesScene } from './tracesScene';

function parts() {
  const scene = getTracesScene(resolveSettings({ traceUid: 'tempo-1' }));
  const view = sceneGraph.findObject(scene, (o) => o instanceof TraceSearchView) as TraceSearchView;
  const panel = sceneGraph.findObject(scene, (o) => o instanceof VizPanel) as VizPanel;
  return { scene, view, panel, runner: view.state.$data as SceneQueryRunner };
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
  expect(view.getUrlState()).toMatchObject({ service: 'reviews.bookinfo', operation: 'GET', limit: '5', traceId: 'abc' });
});

test('opening a trace points the panel at the trace data source; a file replaces it with the file', () => {
  const { view, panel } = parts();
  view.onOpen('4bf92f3577b34da6');
  expect((panel.state.$data as SceneQueryRunner).state.queries).toEqual([{ refId: 'trace', query: '4bf92f3577b34da6' }]);
  view.onFile('t.json', '{"data":[]}');
  expect(panel.state.title).toBe('t.json');
  expect(view.state.traceId).toBeUndefined();
});

test('a comparison is kept in the URL as two ids and queries both traces as A and B', () => {
  const { scene } = parts();
  const compare = sceneGraph.findObject(scene, (o) => o instanceof TraceCompare) as TraceCompare;
  compare.updateFromUrl({ compare: 'only-one' });
  expect(compare.state.ids).toBeUndefined();
  compare.updateFromUrl({ compare: 'aaa,bbb' });
  expect(compare.getUrlState()).toEqual({ compare: 'aaa,bbb' });
  expect((compare.state.$data as SceneQueryRunner).state.queries).toEqual([
    { refId: 'A', query: 'aaa' },
    { refId: 'B', query: 'bbb' },
  ]);
});
