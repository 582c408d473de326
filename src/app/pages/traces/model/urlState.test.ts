import { EMPTY_SEARCH } from './search';
import { checkTraceId } from './traceIds';
import { fromUrlValues, toUrlValues, type SearchUrlState } from './urlState';

const start: SearchUrlState = { search: EMPTY_SEARCH, searched: false, sort: 'time' };

describe('Traces page state in the URL', () => {
  it('reads a search with criteria as one to run, and writes back only what is set', () => {
    const s = fromUrlValues({ service: 'productpage.bookinfo', peer: 'details.bookinfo', sort: 'duration' }, start);
    expect([s.searched, s.sort, s.search.service, s.search.peer, s.traceId, s.traceIdError]).toEqual([
      true,
      'duration',
      'productpage.bookinfo',
      'details.bookinfo',
      undefined,
      undefined,
    ]);
    expect(toUrlValues(s)).toEqual({
      service: 'productpage.bookinfo',
      operation: undefined,
      tags: undefined,
      minDuration: undefined,
      maxDuration: undefined,
      limit: '20',
      peer: 'details.bookinfo',
      traceId: undefined,
      sort: 'duration',
    });
  });

  it('a limit alone runs no search; an unknown sort is "time"; no search fields before a search', () => {
    const s = fromUrlValues({ limit: '50', sort: 'bogus' }, start);
    expect([s.searched, s.sort, s.search.limit]).toEqual([false, 'time', '50']);
    expect(toUrlValues(s)).toEqual({ traceId: undefined, sort: undefined });
  });

  it('keeps a traceId that is no trace id as written, with the reason (never queried)', () => {
    const bad = fromUrlValues({ traceId: '{ span.http.status = 500 }' }, start);
    expect(bad.traceId).toBe('{ span.http.status = 500 }');
    expect(bad.traceIdError).toBe((checkTraceId('{ span.http.status = 500 }') as { error: string }).error);
    const good = fromUrlValues({ traceId: ' ABCDEF0123456789 ' }, start);
    expect([good.traceId, good.traceIdError]).toEqual(['abcdef0123456789', undefined]);
  });
});
