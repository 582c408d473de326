import { filtersFromParam, filtersToParam, NO_FILTERS, stepIndex, toSpanFilter, viewFromParam } from './viewState';

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
