import { addToBuckets, cumulativeShares, ENVOY_BUCKETS, logNormal, sample, wave } from './distribution';
import { seededRandom } from './random';

describe('distribution', () => {
  test('the log-normal puts 50 % below p50 and 95 % below p95', () => {
    const shares = cumulativeShares(logNormal(20, 80), [20, 80]);
    expect(shares[0]).toBeCloseTo(0.5, 4);
    expect(shares[1]).toBeCloseTo(0.95, 4);
  });

  test('sampling agrees with the shares', () => {
    const d = logNormal(10, 50);
    const random = seededRandom(1);
    const xs = Array.from({ length: 20000 }, () => sample(d, random)).sort((a, b) => a - b);
    expect(xs[10000]).toBeGreaterThan(9.5);
    expect(xs[10000]).toBeLessThan(10.5);
    expect(xs[19000]).toBeGreaterThan(46);
    expect(xs[19000]).toBeLessThan(54);
  });

  test('batches land in cumulative, integer, monotone buckets and +Inf gets the exact count', () => {
    const shares = cumulativeShares(logNormal(8, 30), ENVOY_BUCKETS);
    const buckets = new Float64Array(ENVOY_BUCKETS.length + 1);
    const random = seededRandom(2);
    for (let i = 0; i < 500; i++) {
      addToBuckets(buckets, shares, 7, random());
    }
    expect(buckets[ENVOY_BUCKETS.length]).toBe(3500);
    for (let i = 1; i < buckets.length; i++) {
      expect(buckets[i]).toBeGreaterThanOrEqual(buckets[i - 1]);
      expect(Number.isInteger(buckets[i])).toBe(true);
    }
    // le=10 holds about P(X <= 10) of the calls.
    expect(buckets[3] / 3500).toBeCloseTo(shares[3], 2);
  });

  test('refuses p95 below p50', () => {
    expect(() => logNormal(50, 10)).toThrow('0 < p50 <= p95');
  });

  test('the traffic wave stays positive and moves by about a third over a day', () => {
    const values = Array.from({ length: 3600 }, (_, t) => wave(t, 3600, 0));
    expect(Math.min(...values)).toBeGreaterThan(0.5);
    expect(Math.max(...values)).toBeGreaterThan(1.3);
    expect(Math.min(...values)).toBeLessThan(0.7);
  });
});
