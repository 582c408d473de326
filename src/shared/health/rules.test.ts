import { defaultHealthThresholds, resolveThresholds, thresholdProblem } from './thresholds';
import { errorClassOf, gradeRatio, kialiResponseCode } from './rules';
import { addRequestSeries, emptyRequestCounts, requestHealth } from './requests';
import { pageHealth, successRatioSteps, errorRateSteps } from './display';

// Kiali's documented defaults (config.go AddHealthDefault) and its applyThresholds rule.
describe("Kiali's threshold rule", () => {
  it.each([
    // ratio %, degraded, failure, status
    [0, 0, 10, undefined],
    [0.001, 0, 10, 'degraded'],
    [9.99, 0, 10, 'degraded'],
    [10, 0, 10, 'failure'],
    [9.99, 10, 20, undefined],
    [10, 10, 20, 'degraded'],
    [19.99, 10, 20, 'degraded'],
    [20, 10, 20, 'failure'],
    // failure 0 is "not set": never failure
    [100, 0, 0, 'degraded'],
  ])('%d %% with degraded %d / failure %d is %s', (ratio, degraded, failure, status) => {
    expect(gradeRatio(ratio, { degraded, failure })).toBe(status);
  });
});

describe("Kiali's response codes and error classes", () => {
  it.each([
    ['http', '200', undefined, '200', undefined],
    ['http', '503', undefined, '503', '5xx'],
    ['http', '404', undefined, '404', '4xx'],
    ['http', '0', undefined, '-', 'noResponse'],
    ['http', undefined, undefined, '', undefined],
    // gRPC answers HTTP 200 with the gRPC status in grpc_response_status
    ['grpc', '200', '0', '0', undefined],
    ['grpc', '200', '14', '14', 'grpc'],
    ['grpc', '200', '16', '16', 'grpc'],
    ['grpc', '200', undefined, '200', undefined],
    // a failed HTTP transport keeps its HTTP code, counted as a gRPC error
    ['grpc', '503', '14', '503', 'grpc'],
    ['grpc', '0', '2', '-', 'noResponse'],
  ] as const)('%s %s (grpc %s) is recorded as %s: %s', (protocol, code, grpc, recorded, cls) => {
    expect(kialiResponseCode(protocol, code, grpc)).toBe(recorded);
    expect(errorClassOf(protocol, recorded)).toBe(cls);
  });
});

describe('request health from series', () => {
  const health = (inbound: Array<[Record<string, string>, number]>, outbound: Array<[Record<string, string>, number]> = []) => {
    const counts = emptyRequestCounts();
    inbound.forEach(([l, v]) => addRequestSeries(counts.inbound, l, v));
    outbound.forEach(([l, v]) => addRequestSeries(counts.outbound, l, v));
    return requestHealth(counts, defaultHealthThresholds);
  };

  it.each([
    [[[{ response_code: '200' }, 100]], 'healthy', []],
    [[[{ response_code: '200' }, 99.9], [{ response_code: '500' }, 0.1]], 'degraded', ['5xx 0.1 % of inbound HTTP > 0 % degraded']],
    [[[{ response_code: '200' }, 87.7], [{ response_code: '503' }, 12.3]], 'failure', ['5xx 12.3 % of inbound HTTP ≥ 10 % failure']],
    [[[{ response_code: '200' }, 90.1], [{ response_code: '404' }, 9.9]], 'healthy', []],
    [[[{ response_code: '200' }, 85], [{ response_code: '404' }, 15]], 'degraded', ['4xx 15.0 % of inbound HTTP ≥ 10 % degraded']],
    [[[{ response_code: '200' }, 80], [{ response_code: '403' }, 20]], 'failure', ['4xx 20.0 % of inbound HTTP ≥ 20 % failure']],
    [[[{ response_code: '200' }, 99], [{ response_code: '0' }, 1]], 'degraded', ['no response 1.0 % of inbound HTTP > 0 % degraded']],
    [
      [[{ request_protocol: 'grpc', response_code: '200', grpc_response_status: '0' }, 95], [{ request_protocol: 'grpc', response_code: '200', grpc_response_status: '14' }, 5]],
      'degraded',
      ['gRPC errors 5.0 % of inbound gRPC > 0 % degraded'],
    ],
    [[[{ request_protocol: 'tcp', response_code: '0' }, 50]], 'idle', []],
    [[], 'idle', []],
  ] as const)('inbound %j is %s', (inbound, status, reasons) => {
    expect(health(inbound.map(([l, v]) => [{ ...l }, v]))).toEqual({ status, reasons });
  });

  it('grades each protocol apart and takes the worst of inbound and outbound', () => {
    // HTTP in: 5 % 5xx (degraded); gRPC out: 20 % status 14 (failure); one class per line.
    expect(
      health(
        [[{ response_code: '200' }, 95], [{ response_code: '500' }, 5]],
        [[{ request_protocol: 'grpc', response_code: '200', grpc_response_status: '0' }, 8], [{ request_protocol: 'grpc', response_code: '200', grpc_response_status: '14' }, 2]]
      )
    ).toEqual({ status: 'failure', reasons: ['5xx 5.0 % of inbound HTTP > 0 % degraded', 'gRPC errors 20.0 % of outbound gRPC ≥ 10 % failure'] });
  });

  it('ignores NaN, zero and negative rates', () => {
    const counts = emptyRequestCounts();
    expect(addRequestSeries(counts.inbound, { response_code: '500' }, NaN)).toBe(false);
    expect(addRequestSeries(counts.inbound, { response_code: '500' }, 0)).toBe(false);
    expect(addRequestSeries(counts.inbound, { response_code: '500' }, -1)).toBe(false);
    expect(requestHealth(counts, defaultHealthThresholds).status).toBe('idle');
  });
});

describe('page health', () => {
  it('is unknown, never healthy, without data or when the query failed', () => {
    expect(pageHealth(undefined, defaultHealthThresholds)).toEqual({ status: 'unknown', reasons: ['no data'] });
    expect(pageHealth(emptyRequestCounts(), defaultHealthThresholds, 'Prometheus: timeout')).toEqual({ status: 'unknown', reasons: ['Prometheus: timeout'] });
    expect(pageHealth(emptyRequestCounts(), defaultHealthThresholds)).toEqual({ status: 'idle', reasons: ['no HTTP or gRPC requests in this time range'] });
  });
});

describe('thresholds from settings', () => {
  it('defaults to Kiali', () => {
    expect(resolveThresholds(undefined)).toEqual({ thresholds: defaultHealthThresholds, ignored: [] });
  });

  it('takes valid stored classes, reads the old 5xx-only keys, and says what it ignored', () => {
    expect(resolveThresholds({ '4xx': { degraded: 5, failure: 15 }, grpc: { degraded: 'x', failure: 10 } })).toEqual({
      thresholds: [
        { code: '5xx', degraded: 0, failure: 10 },
        { code: '4xx', degraded: 5, failure: 15 },
        { code: 'grpc', degraded: 0, failure: 10 },
        { code: 'noResponse', degraded: 0, failure: 10 },
      ],
      ignored: ["gRPC errors: A percentage from 0 to 100 (0: any error degrades). Using Kiali's default 0 % / 10 %."],
    });
    expect(resolveThresholds({ errorDegradedPct: 1, errorFailurePct: 5 }).thresholds[0]).toEqual({ code: '5xx', degraded: 1, failure: 5 });
  });

  it('explains bad limits', () => {
    expect(thresholdProblem(0, 10)).toBeUndefined();
    expect(thresholdProblem(12, 10)).toEqual({ failure: 'Must be at least the degraded threshold (12 %).' });
    expect(thresholdProblem(-1, 0)).toEqual({ degraded: 'A percentage from 0 to 100 (0: any error degrades).', failure: 'A percentage above 0, at most 100.' });
  });
});

describe('dashboard colour steps from the same thresholds', () => {
  it('Kiali defaults: red at ≤ 90 % success, orange below 100 %, green at 100 %', () => {
    expect(successRatioSteps(defaultHealthThresholds)).toEqual({ base: 'red', steps: [[0.9, 'orange'], [1, 'green']] });
    expect(errorRateSteps(defaultHealthThresholds)).toEqual({ base: 'green', steps: [[0.001, 'orange']] });
  });

  it('edited 5xx thresholds move the steps', () => {
    const t = defaultHealthThresholds.map((x) => (x.code === '5xx' ? { ...x, degraded: 1, failure: 5 } : x));
    expect(successRatioSteps(t)).toEqual({ base: 'red', steps: [[0.95, 'orange'], [0.99, 'green']] });
    expect(errorRateSteps(t)).toEqual({ base: 'green', steps: [] });
  });
});
