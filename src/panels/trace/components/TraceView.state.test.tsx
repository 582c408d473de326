import React from 'react';
import { act, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createDataFrame, FieldType, LoadingState, type PanelProps } from '@grafana/data';
import { locationService } from '@grafana/runtime';
import { normaliseText } from '../model/normalise';
import { fixtureText } from '../model/testFixtures';
import { createLocalClient } from '../state/engineClient';
import { defaultTracePanelOptions, type TracePanelOptions } from '../types';
import { TracePanel } from './TracePanel';

configure({ asyncUtilTimeout: 10_000 });

beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1000 });
  const ctx = { measureText: (s: string) => ({ width: s.length * 7 }), createImageData: (w: number, h: number) => ({ data: new Uint8ClampedArray(w * h * 4) }), putImageData: () => {}, fillStyle: '', font: '' };
  HTMLCanvasElement.prototype.getContext = (() => ctx) as unknown as typeof HTMLCanvasElement.prototype.getContext;
});
afterEach(() => locationService.replace('/'));

/** Panel props for trace JSON in a string field; each call builds a new frame and series array (as a refresh does). */
function props(text: string, extra: Partial<PanelProps<TracePanelOptions>['data']> = {}) {
  const frame = createDataFrame({ fields: [{ name: 'trace', type: FieldType.string, values: [text] }] });
  return {
    data: { series: [frame], state: LoadingState.Done, ...extra },
    options: defaultTracePanelOptions,
    width: 1000,
    height: 700,
    makeClient: createLocalClient,
  } as unknown as PanelProps<TracePanelOptions> & { makeClient: typeof createLocalClient };
}

const findBox = () => screen.getByRole('textbox', { name: 'Find in trace' });
const current = () => screen.getAllByTestId('meshlens-span-row').filter((r) => r.getAttribute('aria-current') === 'true');

describe('find', () => {
  it('the first Enter goes to match 1, the next to match 2', async () => {
    render(<TracePanel {...props(fixtureText('kiali-kiali_responseTrace.json'))} />);
    await screen.findAllByTestId('meshlens-span-row');
    await userEvent.type(findBox(), 'ratings');
    expect(await screen.findByText('2 matches')).toBeInTheDocument();
    expect(current()).toHaveLength(0);
    await userEvent.type(findBox(), '{Enter}');
    expect(screen.getByText('1 of 2 matches')).toBeInTheDocument();
    const rows = screen.getAllByTestId('meshlens-span-row');
    const matched = rows.filter((r) => /ratings/.test(r.getAttribute('aria-label') ?? ''));
    expect(current()).toEqual([matched[0]]);
    await userEvent.type(findBox(), '{Enter}');
    expect(screen.getByText('2 of 2 matches')).toBeInTheDocument();
    expect(current()).toEqual([matched[1]]);
  });

  it('after a jump, collapsing another row does not scroll back to the match', async () => {
    const text = fixtureText('openzipkin-zipkin_smartthings-mobile-web-install.json');
    const parsed = normaliseText(text);
    const spans = parsed.ok ? parsed.traces[0].spans : [];
    const target = spans.findIndex((s) => s.operation === 'process.archiver');
    // A row near the top with children, outside the target's ancestry: collapsing it keeps the target visible.
    const other = spans.findIndex((s, i) => i > 0 && i < 15 && s.childCount > 0 && !(i <= target && target < s.subtreeEnd));
    expect([target > 100, other > 0]).toEqual([true, true]);
    render(<TracePanel {...props(text)} />);
    await screen.findAllByTestId('meshlens-span-row');
    await userEvent.type(findBox(), 'process.archiver');
    expect(await screen.findByText('1 match')).toBeInTheDocument();
    await userEvent.type(findBox(), '{Enter}');
    const tree = screen.getByRole('tree', { name: 'Spans' });
    await waitFor(() => expect(tree.scrollTop).toBeGreaterThan(1000));
    // The user scrolls back to the top and collapses a row there.
    act(() => {
      tree.scrollTop = 0;
      fireEvent.scroll(tree);
    });
    const row = screen.getAllByTestId('meshlens-span-row')[other];
    await userEvent.click(within(row).getByRole('button', { name: /^Collapse / }));
    expect(row).toHaveAttribute('aria-expanded', 'false');
    expect(tree.scrollTop).toBe(0);
  });

  it('"find matches only" follows the find text as it changes', async () => {
    render(<TracePanel {...props(fixtureText('kiali-kiali_responseTrace.json'))} />);
    await screen.findAllByTestId('meshlens-span-row');
    await userEvent.type(findBox(), 'ratings');
    await screen.findByText('2 matches');
    await userEvent.click(screen.getByRole('button', { name: 'Span filters' }));
    await userEvent.click(screen.getByLabelText('Find matches only'));
    const visible = () => screen.getAllByTestId('meshlens-span-row').map((r) => r.getAttribute('aria-label'));
    // Pruned to the ratings calls and their ancestors: the details calls are hidden.
    await waitFor(() => expect(visible().some((l) => /^details/.test(l ?? ''))).toBe(false));
    const withRatings = visible();
    expect(withRatings.filter((l) => /^ratings/.test(l ?? ''))).toHaveLength(1);
    await userEvent.clear(findBox());
    await userEvent.type(findBox(), 'details');
    await screen.findByText(/^\d+ matches?$/);
    await waitFor(() => expect(visible().some((l) => /^ratings/.test(l ?? ''))).toBe(false));
    expect(visible().filter((l) => /^details/.test(l ?? ''))).toHaveLength(1);
  });

  it('"Clear filters" empties the inputs', async () => {
    render(<TracePanel {...props(fixtureText('kiali-kiali_responseTrace.json'))} />);
    await screen.findAllByTestId('meshlens-span-row');
    await userEvent.click(screen.getByRole('button', { name: 'Span filters' }));
    const min = screen.getByRole('textbox', { name: 'Minimum duration in ms' });
    const key = screen.getByRole('textbox', { name: 'Attribute key' });
    await userEvent.type(min, '3');
    await userEvent.type(key, 'http.method');
    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(min).toHaveValue('');
    expect(key).toHaveValue('');
  });

  it('Enter on a button or link inside the panel is left to it', async () => {
    render(<TracePanel {...props(fixtureText('kiali-kiali_responseTrace.json'))} />);
    await screen.findAllByTestId('meshlens-span-row');
    await userEvent.type(findBox(), 'ratings');
    await screen.findByText('2 matches');
    // fireEvent returns false when a handler called preventDefault (the keyboard shortcut swallowed the key).
    expect(fireEvent.keyDown(screen.getByRole('button', { name: 'Collapse all' }), { key: 'Enter' })).toBe(true);
    expect(screen.getByText('2 matches')).toBeInTheDocument();
    // On the view itself Enter still goes to the next match.
    expect(fireEvent.keyDown(screen.getByLabelText('Trace view'), { key: 'Enter' })).toBe(false);
    expect(await screen.findByText('1 of 2 matches')).toBeInTheDocument();
  });
});

describe('view state', () => {
  it('survives a refresh with the same trace: find, filters, collapse, selection and view stay', async () => {
    const text = fixtureText('kiali-kiali_responseTrace.json');
    const { rerender } = render(<TracePanel {...props(text)} />);
    await screen.findAllByTestId('meshlens-span-row');
    await userEvent.type(findBox(), 'ratings');
    await screen.findByText('2 matches');
    await userEvent.type(findBox(), '{Enter}');
    await screen.findByText('1 of 2 matches');
    await userEvent.click(screen.getByRole('button', { name: 'Span filters' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Attribute key' }), 'http.method');
    fireEvent.click((await screen.findAllByTestId('meshlens-span-row'))[0]);
    await screen.findByRole('complementary', { name: 'Span detail' });
    const collapseRow = screen.getAllByRole('button', { name: /^Collapse / }).at(-1)!;
    await userEvent.click(collapseRow);
    const before = screen.getAllByTestId('meshlens-span-row').map((r) => [r.getAttribute('aria-label'), r.getAttribute('aria-expanded')]);

    rerender(<TracePanel {...props(text)} />);
    await act(() => new Promise((r) => setTimeout(r, 300)));
    expect(findBox()).toHaveValue('ratings');
    expect(screen.getByText('1 of 2 matches')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Attribute key' })).toHaveValue('http.method');
    expect(screen.getByRole('complementary', { name: 'Span detail' })).toBeInTheDocument();
    expect(screen.getAllByTestId('meshlens-span-row').map((r) => [r.getAttribute('aria-label'), r.getAttribute('aria-expanded')])).toEqual(before);
  });

  it('lives in the URL: view, find, filters and span are written there and read back on open', async () => {
    render(<TracePanel {...props(fixtureText('openzipkin-zipkin_skew.json'))} />);
    await screen.findAllByTestId('meshlens-span-row');
    await userEvent.type(findBox(), 'async');
    // The span is picked before the filter: this trace has no error span, so "Errors only" hides every row (the click
    // used to race the filter and lost under load).
    fireEvent.click(screen.getAllByTestId('meshlens-span-row')[0]);
    await userEvent.click(screen.getByRole('button', { name: 'Span filters' }));
    await userEvent.click(screen.getByLabelText('Errors only'));
    await waitFor(() => expect(screen.queryAllByTestId('meshlens-span-row')).toHaveLength(0));
    await waitFor(() => expect(locationService.getSearch().get('meshlensFind')).toBe('async'));
    await userEvent.click(screen.getByRole('radio', { name: 'Statistics' }));
    const search = locationService.getSearch();
    expect([search.get('meshlensView'), search.get('meshlensFilters'), search.get('meshlensSpan')]).toEqual(['statistics', '{"errorsOnly":true}', 'bf396325699c84bf']);
  });

  it('opens with the state a URL gives', async () => {
    locationService.replace('/d/x?meshlensView=timeline&meshlensFind=serviceb&meshlensFilters=%7B%22minMs%22%3A%2250%22%7D&meshlensSpan=43210ae0c10d1234');
    render(<TracePanel {...props(fixtureText('openzipkin-zipkin_skew.json'))} />);
    await screen.findAllByTestId('meshlens-span-row');
    expect(findBox()).toHaveValue('serviceb');
    expect(await screen.findByText('2 matches')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Minimum duration in ms' })).toHaveValue('50');
    expect(within(screen.getByRole('complementary', { name: 'Span detail' })).getByText('serviceb: async')).toBeInTheDocument();
  });
});

describe('two panels on one dashboard', () => {
  it('keep their own URL parameters (meshlensView-<panelId>); a shared un-suffixed one opens both', async () => {
    locationService.replace('/d/x?meshlensFind=serviceb');
    const text = fixtureText('openzipkin-zipkin_skew.json');
    const { container } = render(
      <>
        <div data-testid="panel-1">
          <TracePanel {...props(text)} id={1} />
        </div>
        <div data-testid="panel-2">
          <TracePanel {...props(text)} id={2} />
        </div>
      </>
    );
    const one = within(screen.getByTestId('panel-1'));
    const two = within(screen.getByTestId('panel-2'));
    await one.findAllByTestId('meshlens-span-row');
    await two.findAllByTestId('meshlens-span-row');
    expect([one.getByRole('textbox', { name: 'Find in trace' }), two.getByRole('textbox', { name: 'Find in trace' })].map((b) => (b as HTMLInputElement).value)).toEqual(['serviceb', 'serviceb']);
    await userEvent.click(one.getByRole('radio', { name: 'Statistics' }));
    await userEvent.clear(two.getByRole('textbox', { name: 'Find in trace' }));
    await userEvent.type(two.getByRole('textbox', { name: 'Find in trace' }), 'async');
    await waitFor(() => expect(locationService.getSearch().get('meshlensFind-2')).toBe('async'));
    const search = locationService.getSearch();
    expect([...search.keys()].sort()).toEqual(['meshlensFind-1', 'meshlensFind-2', 'meshlensView-1']);
    expect([search.get('meshlensView-1'), search.get('meshlensFind-1'), search.get('meshlensFind-2')]).toEqual(['statistics', 'serviceb', 'async']);
    expect(container.querySelectorAll('[data-testid="meshlens-trace-panel"]')).toHaveLength(2);
  });
});

describe('query errors and notes', () => {
  it('shows the data source error, not "no trace"', async () => {
    render(<TracePanel {...props('', { series: [], state: LoadingState.Error, errors: [{ message: 'Tempo: 502 Bad Gateway', refId: 'A' }] })} />);
    expect(await screen.findByTestId('meshlens-panel-message')).toHaveTextContent('The query failed: Tempo: 502 Bad Gateway');
  });

  it('notes a frame without a trace and shows the trace of the other', async () => {
    const p = props(fixtureText('openzipkin-zipkin_skew.json'));
    const other = createDataFrame({ name: 'logs', fields: [{ name: 'line', type: FieldType.string, values: ['{"msg":"hi"}'] }] });
    render(<TracePanel {...p} data={{ ...p.data, series: [other, ...p.data.series] }} />);
    await screen.findAllByTestId('meshlens-span-row');
    expect(screen.getByRole('list', { name: 'Notes about the data' })).toHaveTextContent(/^1 frame without a trace ignored \(frame 1 \(logs\): Unrecognised trace JSON/);
  });
});
