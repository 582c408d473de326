import { filtersFromParam, filtersToParam, NO_FILTERS, panelParamName, panelParamUpdate, readPanelParam, stepIndex, toSpanFilter, viewFromParam } from './viewState';

describe('filter state in the URL', () => {
  it('keeps only what is set, and reads it back', () => {
    const draft = { ...NO_FILTERS, services: ['reviews'], minMs: '2.5', kinds: ['server' as const], matchesOnly: true };
    const param = filtersToParam(draft);
    expect(param).toBe('{"services":["reviews"],"minMs":"2.5","kinds":["server"],"matchesOnly":true}');
    expect(filtersFromParam(param)).toEqual(draft);
    expect(filtersToParam(NO_FILTERS)).toBeUndefined();
  });

  it('ignores what it cannot read, never throws', () => {
    expect(filtersFromParam('{oops')).toBe(NO_FILTERS);
    expect(filtersFromParam('[1]')).toBe(NO_FILTERS);
    expect(filtersFromParam('{"services":"x","kinds":["server","martian"],"errorsOnly":"yes","minMs":5}')).toEqual({ ...NO_FILTERS, kinds: ['server'] });
    expect(viewFromParam('statistics')).toBe('statistics');
    expect(viewFromParam('<script>')).toBeUndefined();
  });

  it('"matches only" follows the find text it is given, not the text of when it was ticked', () => {
    const draft = { ...NO_FILTERS, matchesOnly: true };
    expect(toSpanFilter(draft, 'ratings').text).toBe('ratings');
    expect(toSpanFilter(draft, 'reviews').text).toBe('reviews');
    expect(toSpanFilter(draft, '  ').text).toBeUndefined();
    expect(toSpanFilter({ ...NO_FILTERS, minMs: 'abc', maxMs: '7', attributeValue: 'v' }, 'x')).toEqual({
      text: undefined,
      services: undefined,
      operations: undefined,
      minDurationMs: undefined,
      maxDurationMs: 7,
      attributeKey: undefined,
      attributeValue: undefined,
      errorsOnly: undefined,
      kinds: undefined,
    });
  });
});

describe('find cursor', () => {
  it('goes to match 1 on the first next, and to the last on the first previous', () => {
    expect(stepIndex(-1, 5, 1)).toBe(0);
    expect(stepIndex(-1, 5, -1)).toBe(4);
    expect(stepIndex(4, 5, 1)).toBe(0);
    expect(stepIndex(0, 5, -1)).toBe(4);
    expect(stepIndex(-1, 0, 1)).toBe(-1);
  });
});

describe('URL parameters per panel', () => {
  const url = (search: string) => (name: string) => new URLSearchParams(search).get(name) ?? undefined;

  it('names a panel\'s parameter after its id, and the shared name outside a dashboard', () => {
    expect(panelParamName('meshlensView', 7)).toBe('meshlensView-7');
    expect(panelParamName('meshlensView', 0)).toBe('meshlensView-0');
    expect(panelParamName('meshlensView', undefined)).toBe('meshlensView');
  });

  it('two panels read their own values; the shared un-suffixed one is read by a panel without its own', () => {
    const get = url('meshlensView-1=statistics&meshlensView-2=flamegraph&meshlensFind=ratings&meshlensFind-2=details');
    expect([readPanelParam(get, 'meshlensView', 1), readPanelParam(get, 'meshlensView', 2)]).toEqual(['statistics', 'flamegraph']);
    expect([readPanelParam(get, 'meshlensFind', 1), readPanelParam(get, 'meshlensFind', 2)]).toEqual(['ratings', 'details']);
    expect(readPanelParam(get, 'meshlensSpan', 1)).toBeUndefined();
    // An own empty value is the panel's (cleared), not a reason to read the shared one.
    expect(readPanelParam(url('meshlensFind-1=&meshlensFind=x'), 'meshlensFind', 1)).toBe('');
  });

  it('writes the panel\'s own name and drops the shared one once the panel writes', () => {
    expect(panelParamUpdate(url('meshlensView=statistics'), 'meshlensView', 3, 'statistics')).toEqual({ 'meshlensView-3': 'statistics', meshlensView: null });
    expect(panelParamUpdate(url('meshlensView-3=statistics'), 'meshlensView', 3, undefined)).toEqual({ 'meshlensView-3': null });
    expect(panelParamUpdate(url('meshlensView-3=statistics&meshlensView-4=callgraph'), 'meshlensView', 3, 'statistics')).toBeUndefined();
    expect(panelParamUpdate(url(''), 'meshlensView', 3, undefined)).toBeUndefined();
    // Without a panel id the shared name is the panel's own.
    expect(panelParamUpdate(url('meshlensView=statistics'), 'meshlensView', undefined, 'callgraph')).toEqual({ meshlensView: 'callgraph' });
  });
});
