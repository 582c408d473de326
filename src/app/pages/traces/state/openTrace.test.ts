import '../../../testing/jsdomShims';
import { FieldType, LoadingState, getDefaultTimeRange, toDataFrame, type PanelData } from '@grafana/data';
import { openFailure } from './openTrace';

const data = (state: LoadingState, fieldNames: string[], errors?: PanelData['errors']): PanelData => ({
  state,
  series: [toDataFrame({ fields: fieldNames.map((name) => ({ name, type: FieldType.string, values: ['x'] })) })],
  timeRange: getDefaultTimeRange(),
  errors,
});

describe('why an opened trace shows nothing', () => {
  it('is nothing while loading, with no data yet, or once a span arrived', () => {
    expect(openFailure(undefined)).toBeUndefined();
    expect(openFailure(data(LoadingState.Loading, []))).toBeUndefined();
    expect(openFailure(data(LoadingState.Done, ['traceID', 'spanID']))).toBeUndefined();
  });

  it("is the data source's first error, or 'unknown error' when it gave none", () => {
    expect(openFailure(data(LoadingState.Error, [], [{ message: 'connection refused' }, { message: 'second' }]))).toBe(
      'connection refused'
    );
    expect(openFailure(data(LoadingState.Error, []))).toBe('unknown error');
  });

  it('is "no such trace" when the answer holds no span', () => {
    expect(openFailure(data(LoadingState.Done, ['traceID']))).toBe('no such trace in the data source');
  });
});
