import React from 'react';
import { act, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createDataFrame, FieldType, LoadingState, type PanelProps } from '@grafana/data';
import { locationService } from '@grafana/runtime';
import { parseFocus } from '../../../shared/links/appUrls';
import { fixtureText } from '../model/testFixtures';
import { createLocalClient } from '../state/engineClient';
import { defaultTracePanelOptions, type TracePanelOptions } from '../types';
import { deepLink } from './SpanDetailPanel';
import { TracePanel } from './TracePanel';

// The machine is shared: wait longer than the default second for asynchronous engine answers.
configure({ asyncUtilTimeout: 5000 });

// jsdom has no layout: give elements a size so the virtual list renders rows.
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1000 });
  // jsdom has no canvas: a stand-in 2D context for Grafana's text measuring and the minimap.
  const ctx = {
    measureText: (text: string) => ({ width: text.length * 7 }),
    createImageData: (w: number, h: number) => ({ data: new Uint8ClampedArray(w * h * 4) }),
    putImageData: () => {},
    fillStyle: '',
    font: '',
  };
  HTMLCanvasElement.prototype.getContext = (() => ctx) as unknown as typeof HTMLCanvasElement.prototype.getContext;
});

// The panel keeps its view state in the URL: every test starts from a clean one.
afterEach(() => locationService.replace('/'));

function props(text: string, options: Partial<TracePanelOptions> = {}) {
  const frame = createDataFrame({ fields: [{ name: 'trace', type: FieldType.string, values: [text] }] });
  return {
    data: { series: [frame], state: LoadingState.Done },
    options: { ...defaultTracePanelOptions, ...options },
    width: 1000,
    height: 700,
    makeClient: createLocalClient,
  } as unknown as PanelProps<TracePanelOptions> & { makeClient: typeof createLocalClient };
}

async function renderTrace(text: string, options: Partial<TracePanelOptions> = {}) {
  render(<TracePanel {...props(text, options)} />);
  await screen.findAllByTestId('meshlens-span-row');
}

describe('TracePanel', () => {
  it('shows the Bookinfo OTLP trace: header, rows, and a ready marker', async () => {
    await renderTrace(fixtureText('kiali-kiali_responseTrace.json'));
    expect(screen.getAllByTestId('meshlens-span-row')).toHaveLength(8);
    const header = screen.getByRole('banner', { name: 'Trace summary' });
    expect(within(header).getByText(/Spans/).textContent).toMatch(/Spans 8/);
    expect(screen.getByTestId('meshlens-trace-panel')).toHaveAttribute('data-meshlens-ready', 'true');
  });

  it('collapses and expands all from the toolbar', async () => {
    await renderTrace(fixtureText('kiali-kiali_responseTrace.json'));
    await userEvent.click(screen.getByRole('button', { name: 'Collapse all' }));
    expect(screen.getAllByTestId('meshlens-span-row')).toHaveLength(1);
    expect(screen.getByText('+7')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Expand all' }));
    expect(screen.getAllByTestId('meshlens-span-row')).toHaveLength(8);
  });

  it('finds spans, counts matches, and filters to matches with an "N spans hidden" row', async () => {
    await renderTrace(fixtureText('kiali-kiali_responseTrace.json'));
    await userEvent.type(screen.getByRole('textbox', { name: 'Find in trace' }), 'ratings');
    expect(await screen.findByText('2 matches')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Span filters' }));
    await userEvent.click(screen.getByLabelText('Find matches only'));
    expect(await screen.findByTestId('meshlens-hidden-row')).toHaveTextContent(/spans? hidden/);
    const rows = screen.getAllByTestId('meshlens-span-row').length;
    const hidden = screen
      .getAllByTestId('meshlens-hidden-row')
      .map((r) => Number(/(\d+) spans? hidden/.exec(r.textContent ?? '')?.[1]));
    expect(rows + hidden.reduce((a, b) => a + b, 0)).toBe(8);
  });

  it('opens the span detail side panel with attributes as text', async () => {
    await renderTrace(fixtureText('jaegertracing-jaeger_ui_01.json'));
    fireEvent.click(screen.getAllByTestId('meshlens-span-row')[0]);
    const detail = await screen.findByRole('complementary', { name: 'Span detail' });
    expect(await within(detail).findByText('Attributes')).toBeInTheDocument();
    expect(within(detail).getByRole('button', { name: 'Copy deep link to this span' })).toBeInTheDocument();
  });

  it('shows the skew toggle with its count and the keyboard help', async () => {
    await renderTrace(fixtureText('openzipkin-zipkin_skew.json'));
    expect(screen.getByText('Adjust clock skew (1)').closest('button')).toBeEnabled();
    act(() => {
      fireEvent.keyDown(screen.getByLabelText('Trace view'), { key: '?' });
    });
    expect(await screen.findByRole('table', { name: 'Keyboard shortcuts' })).toBeInTheDocument();
  });

  it('the clock-skew toggle redraws the header, the rows and the statistics from the adjusted model (skew.json)', async () => {
    await renderTrace(fixtureText('openzipkin-zipkin_skew.json'));
    const header = screen.getByRole('banner', { name: 'Trace summary' });
    // Recorded, the early server half stretches the trace to 161.7 ms and is the first bar; adjusted, it sits in its caller.
    expect(header).toHaveTextContent('Duration 161.7ms');
    const barLeft = (row: number) => {
      const el = Array.from(screen.getAllByTestId('meshlens-span-row')[row].querySelectorAll<HTMLElement>('div')).find(
        (d) => d.style.left.endsWith('%')
      );
      return parseFloat(el!.style.left);
    };
    expect(barLeft(2)).toBe(0);
    const toggle = screen.getByRole('button', { name: /Adjust clock skew/ });
    await userEvent.click(toggle);
    await waitFor(() => expect(header).toHaveTextContent('Duration 99.4ms'), { timeout: 15_000 });
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    // (3.615 ms after the root starts) / 99.411 ms.
    expect(barLeft(2)).toBeCloseTo(3.64, 2);
    await userEvent.click(screen.getByRole('radio', { name: 'Statistics' }));
    const servicea = () =>
      within(screen.getByRole('table', { name: 'Trace statistics' })).getByRole('row', { name: /servicea/ });
    // Self time of servicea: root 4.87 ms + client half 0.96 ms once the server half is inside it.
    await waitFor(() => expect(servicea()).toHaveTextContent('5.83ms'), { timeout: 15_000 });
    await userEvent.click(toggle);
    await waitFor(() => expect(servicea()).toHaveTextContent('71.3ms'), { timeout: 15_000 });
    expect(header).toHaveTextContent('Duration 161.7ms');
  });

  it('links the span detail to the mesh graph focused on the span service (Bookinfo ratings)', async () => {
    await renderTrace(fixtureText('kiali-kiali_responseTrace.json'));
    fireEvent.click(screen.getByRole('treeitem', { name: /^ratings\.bookinfo / }));
    const link = await screen.findByRole('link', { name: /Mesh graph/ });
    const [path, search] = link.getAttribute('href')!.split('?');
    const params = new URLSearchParams(search);
    expect(path).toBe('/a/meshlens-istio-app/graph');
    expect(params.getAll('var-namespace')).toEqual(['bookinfo']);
    expect(parseFocus(params.get('focus'))).toEqual({ kind: 'service', namespace: 'bookinfo', name: 'ratings' });
  });

  it('renders the statistics view', async () => {
    render(<TracePanel {...props(fixtureText('openzipkin-zipkin_yelp.json'), { defaultView: 'statistics' })} />);
    const table = await screen.findByRole('table', { name: 'Trace statistics' });
    expect(within(table).getAllByRole('row').length).toBeGreaterThan(2);
  });

  it('explains malformed JSON in the panel instead of crashing', async () => {
    render(<TracePanel {...props('{"data": [')} />);
    expect(await screen.findByTestId('meshlens-panel-message')).toHaveTextContent(/not valid JSON/);
  });
});

describe('TracePanel deep link', () => {
  afterEach(() => locationService.replace('/'));

  it('opens the span named in ?meshlensSpan= when the trace loads', async () => {
    locationService.replace('/?meshlensSpan=43210ae0c10d1234');
    await renderTrace(fixtureText('openzipkin-zipkin_skew.json'));
    const detail = await screen.findByRole('complementary', { name: 'Span detail' });
    expect(within(detail).getByText('serviceb: async')).toBeInTheDocument();
  });

  it('builds the link from Grafana\'s location, keeping the other parameters and the hash, replacing an older span', () => {
    locationService.replace('/d/mesh?var-ns=book%20info&meshlensSpan=old#panel-2');
    expect(deepLink('a/b')).toBe('http://localhost/d/mesh?var-ns=book%20info&meshlensSpan=a%2Fb#panel-2');
  });

  it('on a dashboard, names the span under the panel\'s own parameter (meshlensSpan-<panelId>)', () => {
    locationService.replace('/d/mesh?meshlensSpan-3=other');
    expect(deepLink('a/b', 2)).toBe('http://localhost/d/mesh?meshlensSpan-3=other&meshlensSpan-2=a%2Fb');
  });
});

describe('TracePanel data links', () => {
  it('offers the trace frame fields’ data links in the span detail', async () => {
    const frame = createDataFrame({
      meta: { preferredVisualisationType: 'trace' },
      fields: [
        { name: 'traceID', type: FieldType.string, values: ['t1', 't1'] },
        {
          name: 'spanID',
          type: FieldType.string,
          values: ['a', 'b'],
          config: { links: [{ title: 'Logs for this span', url: '/explore?span=${__value.raw}' }] },
        },
        { name: 'parentSpanID', type: FieldType.string, values: [undefined, 'a'] },
        { name: 'serviceName', type: FieldType.string, values: ['front', 'back'] },
        { name: 'operationName', type: FieldType.string, values: ['GET /', 'query'] },
        { name: 'startTime', type: FieldType.number, values: [1000, 1001] },
        { name: 'duration', type: FieldType.number, values: [10, 2] },
      ],
    });
    // Grafana attaches getLinks when it applies field config; here it is the environment we stand in for.
    frame.fields[1].getLinks = ({ valueRowIndex }: { valueRowIndex?: number }) => [
      {
        href: `/explore?span=${frame.fields[1].values[valueRowIndex ?? 0]}`,
        title: 'Logs for this span',
        target: '_self',
        origin: frame.fields[1],
      },
    ];
    const p = { ...props(''), data: { series: [frame], state: LoadingState.Done } } as unknown as ReturnType<
      typeof props
    >;
    render(<TracePanel {...p} />);
    const rows = await screen.findAllByTestId('meshlens-span-row');
    fireEvent.click(rows[1]);
    const link = await screen.findByRole('link', { name: /Logs for this span/ });
    expect(link).toHaveAttribute('href', '/explore?span=b');
  });
});

describe('TracePanel with Grafana trace frames', () => {
  const frame = () =>
    createDataFrame({
      meta: { preferredVisualisationType: 'trace' },
      fields: [
        { name: 'traceID', type: FieldType.string, values: ['t1', 't1', 't2'] },
        { name: 'spanID', type: FieldType.string, values: ['a', 'b', 'c'] },
        { name: 'parentSpanID', type: FieldType.string, values: [undefined, 'a', undefined] },
        { name: 'serviceName', type: FieldType.string, values: ['front', 'back', 'solo'] },
        { name: 'operationName', type: FieldType.string, values: ['GET /', 'query', 'x'] },
        { name: 'startTime', type: FieldType.number, values: [1000, 1001, 5] },
        { name: 'duration', type: FieldType.number, values: [10, 2, 1] },
        {
          name: 'tags',
          type: FieldType.other,
          values: [[{ key: 'http.method', value: 'GET' }], [{ key: 'http.method', value: 'POST' }], []],
        },
      ],
    });
  const frameProps = (options: Partial<TracePanelOptions>) =>
    ({ ...props('', options), data: { series: [frame()], state: LoadingState.Done } }) as unknown as ReturnType<
      typeof props
    >;

  it('offers a trace picker when the data holds several traces', async () => {
    render(<TracePanel {...frameProps({})} />);
    await screen.findAllByTestId('meshlens-span-row');
    expect(screen.getByRole('combobox', { name: 'Trace' })).toBeInTheDocument();
    expect(screen.getAllByTestId('meshlens-span-row')).toHaveLength(2);
  });

  it('labels bars with a chosen attribute', async () => {
    render(<TracePanel {...frameProps({ barLabel: 'attribute', barLabelAttribute: 'http.method' })} />);
    expect(await screen.findByText('POST')).toBeInTheDocument();
    expect(screen.getByText('GET')).toBeInTheDocument();
  });
});
