import { namespaceVariableStatus } from './namespaceStatus';

describe('namespaceVariableStatus', () => {
  it('no namespace with Istio traffic (istiod only): none, so the page says so instead of an empty picker', () => {
    expect(namespaceVariableStatus({ loading: false, options: [], value: [] })).toEqual({ kind: 'none' });
    expect(namespaceVariableStatus({ loading: false, options: [], value: '' })).toEqual({ kind: 'none' });
    expect(namespaceVariableStatus(undefined)).toEqual({ kind: 'none' });
  });

  it('loading, failed, or namespaces to draw (found, or chosen in the URL / config)', () => {
    expect(namespaceVariableStatus({ loading: true, options: [] })).toEqual({ kind: 'loading' });
    expect(namespaceVariableStatus({ loading: false, error: new Error('HTTP 502'), options: [] })).toEqual({ kind: 'error', error: 'HTTP 502' });
    expect(namespaceVariableStatus({ loading: false, options: [{ value: 'bookinfo' }], value: ['bookinfo'] })).toEqual({ kind: 'ready' });
    expect(namespaceVariableStatus({ loading: false, options: [], value: ['shop'] })).toEqual({ kind: 'ready' });
  });
});
