import { parseFlags, UsageError } from './flags';

describe('parseFlags', () => {
  test('the docker-compose command line', () => {
    const f = parseFlags(['--topology', 'bookinfo', '--port', '15090', '--otlp', 'http://jaeger:4318/']);
    expect(f).toMatchObject({ topology: 'bookinfo', port: 15090, otlp: 'http://jaeger:4318', seed: 1 });
  });

  test('listens on loopback unless told otherwise; the control API limits have defaults and flags', () => {
    const f = parseFlags([]);
    expect(f.host).toBe('127.0.0.1');
    expect(f.limits).toEqual({ maxAddedWorkloads: 20, maxErrorCodes: 20, maxSeries: 1_000_000 });
    const g = parseFlags(['--host', '0.0.0.0', '--max-added-workloads', '0', '--max-error-codes=3', '--max-series', '50000']);
    expect(g.host).toBe('0.0.0.0');
    expect(g.limits).toEqual({ maxAddedWorkloads: 0, maxErrorCodes: 3, maxSeries: 50_000 });
  });

  test('kube-state-metrics stand-ins are on unless turned off', () => {
    const on = [parseFlags([]), parseFlags(['--kube-state', 'off']), parseFlags(['--kube-state=on'])];
    expect(on.map((f) => f.kubeState)).toEqual([true, false, true]);
  });

  test('repeatable scenario flags', () => {
    const f = parseFlags([
      '--fault=reviews-v3:ratings:0.1:503',
      '--latency',
      'productpage-v1:details:20:80',
      '--shift',
      'reviews:reviews-v1=0,reviews-v3=100',
      '--stop',
      'ratings-v1',
      '--add',
      'reviews-v4:reviews:2',
    ]);
    expect(f.adds).toEqual([{ name: 'reviews-v4', service: 'reviews', weight: 2 }]);
    expect(f.faults).toEqual([{ from: 'reviews-v3', to: 'ratings', errorRate: 0.1, errorCode: '503' }]);
    expect(f.latencies).toEqual([{ from: 'productpage-v1', to: 'details', p50Ms: 20, p95Ms: 80 }]);
    expect(f.shifts).toEqual([{ service: 'reviews', weights: { 'reviews-v1': 0, 'reviews-v3': 100 } }]);
    expect(f.stops).toEqual(['ratings-v1']);
  });

  test.each([
    [['--port', 'x'], '--port must be a number'],
    [['--port', '70000'], '--port must be a number from 0 to 65535'],
    [['--scale', '1.5'], '--scale must be a whole number'],
    [['--colour', 'red'], 'unknown flag --colour'],
    [['--seed'], '--seed needs a value'],
    [['bookinfo'], 'unexpected argument "bookinfo"'],
    [['--otlp', 'jaeger:4318'], '--otlp must be an http(s) URL'],
    [['--fault', 'a:b'], '--fault wants from:to:rate[:code]'],
    [['--fault', 'a:b:2'], '--fault must be a number from 0 to 1'],
    [['--fault', 'a:b:0.1:999'], 'is not an HTTP status code'],
    [['--latency', 'a:b:80:20'], 'p95 (20) is below p50 (80)'],
    [['--shift', 'reviews'], '--shift wants service:workload=weight'],
    [['--add', 'reviews-v4'], '--add wants name:service[:weight]'],
    [['--shift', 'reviews:reviews-v1=1e999'], '--shift must be a number from 0 to 1000000, got "1e999"'],
    [['--max-series', '0'], '--max-series must be a number from 1 to 100000000'],
    [['--max-added-workloads', '2.5'], '--max-added-workloads must be a whole number'],
    [['--kube-state', 'no'], '--kube-state wants on or off, got "no"'],
  ])('%j is refused with a clear message', (argv, message) => {
    expect(() => parseFlags(argv)).toThrow(UsageError);
    expect(() => parseFlags(argv)).toThrow(message);
  });
});
