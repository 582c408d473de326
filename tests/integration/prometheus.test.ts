import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { pollUntil } from '../lib/poll';
import { freePort, scrapeConfig, startPrometheus, type RunningPrometheus } from '../lib/prometheus';

// A tiny fixture endpoint with growing counters, so rate() is non-zero.
let server: Server;
let prom: RunningPrometheus;
const started = Date.now();

before(async () => {
  const port = await freePort();
  server = createServer((req, res) => {
    if (req.url !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    const n = Math.round((Date.now() - started) / 100);
    res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4' });
    res.end(
      [
        '# TYPE istio_requests_total counter',
        `istio_requests_total{reporter="destination",source_workload="productpage-v1",destination_service_name="reviews",response_code="200"} ${n * 10}`,
        `istio_requests_total{reporter="destination",source_workload="reviews-v2",destination_service_name="ratings",response_code="500"} ${n}`,
        '',
      ].join('\n')
    );
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  prom = await startPrometheus(scrapeConfig('fixture', [`127.0.0.1:${port}`]));
});

after(async () => {
  await prom?.stop();
  server?.close();
});

test('a real Prometheus scrapes the fixture and computes Istio request rates', async () => {
  const expr = 'sum by (destination_service_name) (rate(istio_requests_total{reporter="destination"}[5s]))';
  await prom.waitForSeries('istio_requests_total');
  // rate() needs two samples in the window.
  const result = await pollUntil(
    async () => {
      const r = await prom.query(expr);
      return r.length === 2 ? r : undefined;
    },
    'both rates',
    30_000
  );
  const rates = Object.fromEntries(result.map((s) => [s.metric.destination_service_name, Number(s.value[1])]));
  assert.ok(rates.reviews > rates.ratings, `reviews should carry more traffic than ratings: ${JSON.stringify(rates)}`);
  assert.ok(rates.ratings > 0, 'ratings rate is positive');
});
