import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { artifactsDir, openHarness, type Harness } from '../harness/browser';
import { startJaegerFixture, type JaegerFixture } from '../harness/jaegerFixture';
import { startTempoFixture, type TempoFixture } from '../harness/tempoFixture';
import { startZipkinFixture } from '../harness/zipkinFixture';

const ROOT = resolve(__dirname, '../..');
// artifacts/browser, or artifacts/browser-host13 on the Grafana 13 host (HARNESS_HOST=13).
const ARTIFACTS = artifactsDir();
const TRACES = '/a/meshlens-istio-app/traces';

let harness: Harness;
let jaeger: JaegerFixture;
let withJaeger: Harness;
let tempo: TempoFixture;
let withTempo: Harness;
const TEMPO = { prometheusUid: 'meshlens-prometheus', traceUid: 'meshlens-tempo' };
const FIXTURES = [
  join(ROOT, 'tests/fixtures/traces/jaegertracing-jaeger-ui_genaiTestTrace.json'),
  join(ROOT, 'tests/fixtures/traces/jaegertracing-jaeger_ui_01.json'),
];

before(async () => {
  harness = await openHarness();
  jaeger = await startJaegerFixture(FIXTURES);
  withJaeger = await openHarness(undefined, { jaegerUrl: jaeger.url });
  tempo = await startTempoFixture(FIXTURES);
  withTempo = await openHarness(undefined, { tempoUrl: tempo.url });
});

after(async () => {
  await harness?.close();
  await withJaeger?.close();
  await jaeger?.close();
  await withTempo?.close();
  await tempo?.close();
});

/** The result row's cells once its counts arrived (the list shows "…" until the trace is loaded by id). */
async function enrichedRow(page: import('playwright-core').Page): Promise<string> {
  const row = page.getByTestId('meshlens-trace-hit').first();
  await page.waitForFunction(() => {
    const r = document.querySelector('[data-testid="meshlens-trace-hit"]');
    return r && !r.textContent?.includes('…');
  });
  return row.innerText();
}

describe('traces page in Chromium from dist/', () => {
  test('search validates its input, then explains a trace data source that cannot answer', async () => {
    const { page, metrics } = await harness.render({ kind: 'app', path: TRACES, width: 1300, height: 900 });
    try {
      // No Jaeger behind this harness: the service list's lookup is the one failed request (the page says so below).
      assert.deepEqual(metrics.pageErrors, ['http 502: /api/datasources/proxy/uid/meshlens-jaeger/api/services']);
      assert.equal(metrics.ok, true);
      await page.getByLabel('Min duration').fill('10 seconds');
      await page.getByRole('button', { name: 'Find traces' }).click();
      const text = await page.getByTestId('meshlens-traces').innerText();
      assert.match(text, /Jaeger's search needs a service: pick one from the list\./);
      assert.match(text, /A duration like 120ms, 1\.5s or 300us\./);
      await page.getByLabel('Service').fill('reviews.bookinfo');
      await page.getByLabel('Min duration').fill('10ms');
      await page.getByRole('button', { name: 'Find traces' }).click();
      const message = page.getByTestId('meshlens-traces').getByTestId('meshlens-panel-message');
      await message.waitFor();
      // No Jaeger behind the harness here: the page must say which data source failed and why.
      assert.match(
        await message.innerText(),
        /The trace data source "meshlens-jaeger" could not answer: No Jaeger is configured behind the harness data source proxy/
      );
      const url = new URL(page.url());
      assert.equal(url.searchParams.get('service'), 'reviews.bookinfo');
      assert.equal(url.searchParams.get('minDuration'), '10ms');
      mkdirSync(ARTIFACTS, { recursive: true });
      writeFileSync(join(ARTIFACTS, 'app-traces-search.png'), await page.screenshot());
    } finally {
      await page.close();
    }
  });

  test('search lists and plots the matching traces; opening one shows it in the trace panel', async () => {
    const { page, metrics } = await withJaeger.render({
      kind: 'app',
      path: `${TRACES}?service=api-edge&limit=10`,
      width: 1300,
      height: 1000,
    });
    try {
      assert.deepEqual(metrics.pageErrors, []);
      await page.getByTestId('meshlens-trace-hit').first().waitFor();
      const hits = await page.getByTestId('meshlens-trace-hit').allInnerTexts();
      assert.equal(hits.length, 1);
      assert.match(hits[0], /api-edge: POST \/api\/graphql/);
      assert.equal(await page.locator('circle[role="button"]').count(), 1);
      // Jaeger's search table has no counts: the page loads the listed trace by id for spans, errors and services.
      const row = await enrichedRow(page);
      assert.match(row, /\t57\t1\tcoding-agent, /, row);
      assert.match(row, /graphql-gateway/);
      assert.doesNotMatch(await page.getByTestId('meshlens-trace-counts').innerText(), /not yet enriched/);
      await page.getByRole('button', { name: 'Open trace 4a1b2c3d4e5f60718293a4b5c6d7e8f9' }).click();
      await page.getByText('Trace 4a1b2c3d4e5f60718293a4b5c6d7e8f9').waitFor();
      await page.locator('[data-testid="meshlens-span-row"]').first().waitFor();
      assert.equal(new URL(page.url()).searchParams.get('traceId'), '4a1b2c3d4e5f60718293a4b5c6d7e8f9');
      mkdirSync(ARTIFACTS, { recursive: true });
      writeFileSync(join(ARTIFACTS, 'app-traces-results.png'), await page.screenshot());
    } finally {
      await page.close();
    }
  });

  test('two traces compared side by side by structure and duration (from the URL)', async () => {
    const { page, metrics } = await withJaeger.render({
      kind: 'app',
      path: `${TRACES}?compare=4a1b2c3d4e5f60718293a4b5c6d7e8f9,0000000000000001`,
      width: 1300,
      height: 1000,
      waitFor: '[data-testid="meshlens-compare-row"]',
    });
    try {
      assert.deepEqual(metrics.pageErrors, []);
      const compare = page.getByTestId('meshlens-trace-compare');
      assert.match(
        await compare.getByTestId('meshlens-compare-summary').innerText(),
        /A: 4a1b2c3d4e5f60718293a4b5c6d7e8f9 \(57 spans, 44s\) vs B: 0000000000000001 \(5 spans/
      );
      // Side by side: each trace in its own trace panel, left A, right B.
      const sideA = page.getByTestId('meshlens-compare-side-a');
      const sideB = page.getByTestId('meshlens-compare-side-b');
      await sideA.locator('[data-testid="meshlens-span-row"]').first().waitFor({ timeout: 20_000 });
      await sideB.locator('[data-testid="meshlens-span-row"]').first().waitFor({ timeout: 20_000 });
      assert.match(await sideA.innerText(), /A: trace 4a1b2c3d4e5f60718293a4b5c6d7e8f9/);
      assert.match(await sideB.innerText(), /service-y/);
      const [boxA, boxB] = [await sideA.boundingBox(), await sideB.boundingBox()];
      assert.ok(
        boxA && boxB && boxA.x + boxA.width <= boxB.x && Math.abs(boxA.y - boxB.y) < 2,
        JSON.stringify([boxA, boxB])
      );
      const rows = await page.getByTestId('meshlens-compare-row').allInnerTexts();
      assert.ok(
        rows.some((r) => /^api-edge\tPOST \/api\/graphql\t1 \/ 0\t44s \/ 0µs\tonly in A$/.test(r)),
        rows.slice(0, 3).join(' | ')
      );
      assert.ok(rows.some((r) => /only in B$/.test(r)));
      mkdirSync(ARTIFACTS, { recursive: true });
      writeFileSync(join(ARTIFACTS, 'app-traces-compare.png'), await page.screenshot({ fullPage: true }));
    } finally {
      await page.close();
    }
  });

  test('a trace id that does not exist is explained', async () => {
    const { page } = await withJaeger.render({ kind: 'app', path: `${TRACES}?traceId=00000000deadbeef` });
    try {
      const message = page.getByText(/could not be opened/);
      await message.waitFor();
      assert.match(await message.innerText(), /Trace "00000000deadbeef" could not be opened: trace not found/);
    } finally {
      await page.close();
    }
  });

  test('"Open trace file" hands an OTLP file from disk to the trace panel', async () => {
    const { page, metrics } = await harness.render({ kind: 'app', path: TRACES, width: 1300, height: 900 });
    try {
      assert.equal(metrics.ok, true);
      await page
        .getByLabel('Open a Jaeger, Zipkin or OTLP JSON trace file')
        .setInputFiles(join(ROOT, 'tests/fixtures/traces/kiali-kiali_responseTrace.json'));
      // The scene's trace panel now shows the file (its title is the file name).
      await page.getByText('kiali-kiali_responseTrace.json').waitFor();
      // The trace panel parses the OTLP file (in its worker) and lists Bookinfo's 8 spans.
      await page.locator('[data-testid="meshlens-span-row"]').first().waitFor({ timeout: 20_000 });
      assert.equal(await page.locator('[data-testid="meshlens-span-row"]').count(), 8);
      assert.match(await page.locator('[data-testid="meshlens-trace-panel"]').innerText(), /istio-ingressgateway/);
      writeFileSync(join(ARTIFACTS, 'app-traces-file.png'), await page.screenshot());
    } finally {
      await page.close();
    }
  });

  test('Tempo: the search is one TraceQL query; results carry root service and matched spans, then full counts', async () => {
    const path = `${TRACES}?service=api-edge&tags=${encodeURIComponent('http.response.status_code=200')}&minDuration=1ms&limit=5`;
    const { page, metrics } = await withTempo.render({ kind: 'app', path, width: 1300, height: 1000, jsonData: TEMPO });
    try {
      assert.deepEqual(metrics.pageErrors, []);
      await page.getByTestId('meshlens-trace-hit').first().waitFor();
      assert.deepEqual(tempo.queries, [
        '{ resource.service.name = "api-edge" && .http.response.status_code = 200 && duration >= 1ms }',
      ]);
      const row = await enrichedRow(page);
      assert.match(row, /api-edge: POST \/api\/graphql/);
      // 1 span of the trace matched (Tempo's spanset); the trace itself has 57 spans, 1 in error.
      assert.match(row, /\t57 \(1 matching span listed\)\t1\tcoding-agent, /, row);
      // One search, then one lookup per listed trace, all through the data source (the harness logs each).
      const exprs = await page.evaluate(
        () => (window as unknown as { __meshlens: { queries: { exprs: string[] } } }).__meshlens.queries.exprs
      );
      // (The service and operation lists are asked for separately: Tempo's tag values.)
      assert.deepEqual(
        exprs.filter((e) => !e.includes('/api/v2/search/tag/')).map((e) => e.replace(/\?.*/, '?…')),
        ['tempo /api/search?…', 'tempo /api/traces/4a1b2c3d4e5f60718293a4b5c6d7e8f9']
      );
      await page.getByRole('button', { name: 'Open trace 4a1b2c3d4e5f60718293a4b5c6d7e8f9' }).click();
      await page.locator('[data-testid="meshlens-span-row"]').first().waitFor({ timeout: 20_000 });
      mkdirSync(ARTIFACTS, { recursive: true });
      writeFileSync(join(ARTIFACTS, 'app-traces-tempo.png'), await page.screenshot());
    } finally {
      await page.close();
    }
  });

  test('Tempo: a value with quotes cannot change the query; an unknown trace id and an unreachable Tempo are explained', async () => {
    const service = 'x" || true || "';
    const { page } = await withTempo.render({
      kind: 'app',
      path: `${TRACES}?service=${encodeURIComponent(service)}`,
      jsonData: TEMPO,
    });
    try {
      await page.getByTestId('meshlens-traces').getByTestId('meshlens-panel-message').waitFor();
      assert.equal(tempo.queries.at(-1), '{ resource.service.name = "x\\" || true || \\"" }');
      assert.match(
        await page.getByTestId('meshlens-traces').innerText(),
        /No traces of "x" \|\| true \|\| "" match in this time range\./
      );
      await page.getByLabel('Trace ID').fill('00000000deadbeef');
      await page.getByRole('button', { name: 'Open trace' }).click();
      const message = page.getByText(/could not be opened/);
      await message.waitFor();
      assert.match(
        await message.innerText(),
        /Trace "00000000deadbeef" could not be opened: failed to get trace with id: 00000000deadbeef 404 Not Found: trace not found/
      );
    } finally {
      await page.close();
    }
    const down = await harness.render({ kind: 'app', path: `${TRACES}?service=api-edge`, jsonData: TEMPO });
    try {
      const message = down.page.getByTestId('meshlens-traces').getByTestId('meshlens-panel-message');
      await message.waitFor();
      assert.match(
        await message.innerText(),
        /The trace data source "meshlens-tempo" could not answer: No Tempo is configured behind the harness data source proxy/
      );
    } finally {
      await down.page.close();
    }
  });

  test('Zipkin: the page says it cannot search and offers trace id lookup, which opens the trace', async () => {
    const zipkin = await startZipkinFixture([join(ROOT, 'tests/fixtures/traces/openzipkin-zipkin_yelp.json')]);
    const withZipkin = await openHarness(undefined, { zipkinUrl: zipkin.url });
    const { page, metrics } = await withZipkin.render({
      kind: 'app',
      path: TRACES,
      width: 1300,
      height: 1000,
      jsonData: { traceUid: 'meshlens-zipkin' },
    });
    try {
      assert.deepEqual(metrics.pageErrors, []);
      const message = page.getByTestId('meshlens-traces').getByTestId('meshlens-panel-message');
      const expected =
        /Grafana's Zipkin data source "meshlens-zipkin" cannot search traces; it opens a trace by id\. Enter a trace id above\./;
      assert.match(await message.innerText(), expected);
      assert.equal(await message.getAttribute('role'), 'status');
      await page.getByLabel('Service').fill('frontend');
      await page.getByRole('button', { name: 'Find traces' }).click();
      // The attempt turns the note into an error; nothing was sent.
      await page.getByTestId('meshlens-traces').getByRole('alert').waitFor();
      assert.match(await message.innerText(), expected);
      const queries = await page.evaluate(
        () => (window as unknown as { __meshlens: { queries: { exprs: string[] } } }).__meshlens.queries.exprs
      );
      assert.deepEqual(queries, []);
      // A bad id is refused before anything is sent; an unknown one is explained; a known one opens.
      await page.getByLabel('Trace ID').fill('not-hex');
      await page.getByRole('button', { name: 'Open trace' }).click();
      await page
        .getByText(
          '"not-hex" is not a trace id (it holds characters other than 0-9 and a-f): a trace id is 16 or 32 hexadecimal digits.'
        )
        .waitFor();
      await page.getByLabel('Trace ID').fill('00000000deadbeef');
      await page.getByRole('button', { name: 'Open trace' }).click();
      await page.getByText(/could not be opened/).waitFor();
      assert.match(
        await page.getByText(/could not be opened/).innerText(),
        /Trace "00000000deadbeef" could not be opened: 404 Not Found: Trace not found/
      );
      await page.getByLabel('Trace ID').fill('a03ee8fff1dcd9b9');
      await page.getByRole('button', { name: 'Open trace' }).click();
      await page.locator('[data-testid="meshlens-span-row"]').first().waitFor({ timeout: 20_000 });
      assert.match(await page.locator('[data-testid="meshlens-trace-panel"]').innerText(), /mobile_api/);
      assert.equal(await page.getByText(/could not be opened/).count(), 0);
      writeFileSync(join(ARTIFACTS, 'app-traces-zipkin.png'), await page.screenshot());
    } finally {
      await page.close();
      await withZipkin.close();
      await zipkin.close();
    }
  });

  test('a trace data source that does not exist is named on the page', async () => {
    const { page } = await harness.render({ kind: 'app', path: TRACES, jsonData: { traceUid: 'no-such-tempo' } });
    try {
      const message = page.getByTestId('meshlens-traces').getByTestId('meshlens-panel-message');
      assert.match(await message.innerText(), /The trace data source "no-such-tempo" does not exist in this Grafana/);
    } finally {
      await page.close();
    }
  });
});
