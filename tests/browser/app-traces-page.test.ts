import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openHarness, type Harness } from '../harness/browser';
import { startJaegerFixture, type JaegerFixture } from '../harness/jaegerFixture';
import { startTempoFixture, type TempoFixture } from '../harness/tempoFixture';
import { Mesh } from '../../simulator/engine/mesh';
import { seededRandom } from '../../simulator/model/random';
import { bookinfo } from '../../simulator/topology/bookinfo';
import { buildTrace } from '../../simulator/traces/build';
import { toJaegerResponse } from '../../simulator/traces/jaeger';

const ROOT = resolve(__dirname, '../..');
const ARTIFACTS = join(ROOT, 'artifacts/browser');
const TRACES = '/a/meshlens-istio-app/traces';
const TEMPO = { prometheusUid: 'meshlens-prometheus', traceUid: 'meshlens-tempo' };
const GENAI = '4a1b2c3d4e5f60718293a4b5c6d7e8f9';
const UI01 = '0000000000000001';

let dir: string;
let simIds: string[];
let productpageOperations: string[];
let jaeger: JaegerFixture;
let tempo: TempoFixture;
let withJaeger: Harness;
let withTempo: Harness;

before(async () => {
  // Two real fixtures and three of the simulator's Istio Bookinfo traces (seeded, in 2027: the newest, and short).
  dir = mkdtempSync(join(tmpdir(), 'meshlens-traces-page-'));
  const mesh = new Mesh(bookinfo());
  const ingress = mesh.findWorkload('istio-ingressgateway')!;
  const random = seededRandom(3);
  simIds = [];
  const ops: string[] = [];
  for (let i = 0; i < 3; i++) {
    const t = buildTrace(mesh, ingress, 1_800_000_000_000 + i * 60_000, random);
    simIds.push(t.traceId);
    ops.push(...t.spans.filter((x) => x.service === 'productpage.bookinfo').map((x) => x.operation));
    writeFileSync(join(dir, `${t.traceId}.json`), JSON.stringify(toJaegerResponse(t.traceId, t.spans)));
  }
  productpageOperations = [...new Set(ops)].sort((a, b) => a.localeCompare(b));
  const files = [
    join(ROOT, 'tests/fixtures/traces/jaegertracing-jaeger-ui_genaiTestTrace.json'),
    join(ROOT, 'tests/fixtures/traces/jaegertracing-jaeger_ui_01.json'),
    ...simIds.map((id) => join(dir, `${id}.json`)),
  ];
  jaeger = await startJaegerFixture(files);
  tempo = await startTempoFixture(files);
  withJaeger = await openHarness(undefined, { jaegerUrl: jaeger.url });
  withTempo = await openHarness(undefined, { tempoUrl: tempo.url });
});

after(async () => {
  await withJaeger?.close();
  await withTempo?.close();
  await jaeger?.close();
  await tempo?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A render whose waits allow for a loaded machine (the page's own steps, not a time budget: tests never assert times). */
async function render(h: Harness, opts: Parameters<Harness['render']>[0]) {
  const r = await h.render(opts);
  r.page.setDefaultTimeout(90_000);
  return r;
}

const exprs = (page: import('playwright-core').Page) =>
  page.evaluate(() => (window as unknown as { __meshlens: { queries: { exprs: string[] } } }).__meshlens.queries.exprs);

/** Trace ids of the result rows, in order, once every row has its counts. */
async function rowIds(page: import('playwright-core').Page): Promise<string[]> {
  await page.waitForFunction(() => {
    const rows = [...document.querySelectorAll('[data-testid="meshlens-trace-hit"]')];
    return rows.length > 0 && rows.every((r) => !r.textContent?.includes('…'));
  });
  const labels = await page
    .getByTestId('meshlens-trace-hit')
    .getByRole('button', { name: /^Open trace / })
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  return labels.map((l) => l.replace('Open trace ', ''));
}

describe('traces page (pickers, sort, scatter, download, compare tree, trace ids) in Chromium from dist/', () => {
  test('Jaeger: service and operation lists come from the data source; the edge search finds the Istio calls', async () => {
    const { page, metrics } = await render(withJaeger, {
      kind: 'app',
      timeoutMs: 120_000,
      path: TRACES,
      width: 1300,
      height: 1000,
    });
    try {
      assert.deepEqual(metrics.pageErrors, []);
      const services = page.getByTestId('meshlens-traces-service-list').locator('option');
      await page.waitForFunction(
        () => document.querySelectorAll('[data-testid="meshlens-traces-service-list"] option').length > 0
      );
      assert.deepEqual(await services.evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value)), [
        'api-edge',
        'auth-service',
        'coding-agent',
        'details.bookinfo',
        'graphql-gateway',
        'istio-egressgateway.istio-system',
        'istio-ingressgateway.istio-system',
        'k8s-api',
        'mcp-gateway',
        'metrics-backend',
        'productpage.bookinfo',
        'ratings.bookinfo',
        'recommendations.bookinfo',
        'reviews.bookinfo',
        'service-x',
        'service-y',
        'summarizer-agent',
        'trace-store',
        'vector-store',
      ]);
      await page.getByLabel('Service').fill('productpage.bookinfo');
      await page.waitForFunction(
        () => document.querySelectorAll('[data-testid="meshlens-traces-operation-list"] option').length > 0
      );
      const ops = await page
        .getByTestId('meshlens-traces-operation-list')
        .locator('option')
        .evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value));
      // Exactly the span names productpage has in the fixture files, sorted as the page sorts them (localeCompare).
      assert.deepEqual(ops, productpageOperations);
      assert.ok(ops.includes('details.bookinfo.svc.cluster.local:9080/*'));
      assert.deepEqual((await exprs(page)).slice(0, 2), [
        'jaeger /api/services',
        'jaeger /api/services/productpage.bookinfo/operations',
      ]);
    } finally {
      await page.close();
    }
    // The mesh graph's "Traces for this edge" link: productpage → details.
    const edge = await render(withJaeger, {
      kind: 'app',
      timeoutMs: 120_000,
      path: `${TRACES}?service=productpage.bookinfo&peer=details.bookinfo&limit=20`,
      width: 1300,
      height: 1000,
    });
    try {
      assert.deepEqual(edge.metrics.pageErrors, []);
      assert.deepEqual((await rowIds(edge.page)).sort(), [...simIds].sort());
      assert.match(
        await edge.page.getByTestId('meshlens-traces').innerText(),
        /Calls to details\.bookinfo: searching operation "details\.bookinfo\.svc\.cluster\.local:9080\/\*" of "productpage\.bookinfo"\./
      );
      const sent = (await exprs(edge.page)).filter((e) => e.startsWith('jaeger /api/traces?'));
      assert.equal(sent.length, 1);
      assert.match(decodeURIComponent(sent[0]), /operation=details\.bookinfo\.svc\.cluster\.local:9080\/\*/);
    } finally {
      await edge.page.close();
    }
  });

  test('Tempo: no service needed; sort by time, duration, spans and errors; scatter coloured by errors opens a trace', async () => {
    const { page, metrics } = await render(withTempo, {
      kind: 'app',
      timeoutMs: 120_000,
      path: `${TRACES}?minDuration=1us&limit=20`,
      width: 1300,
      height: 1100,
      jsonData: TEMPO,
    });
    try {
      assert.deepEqual(metrics.pageErrors, []);
      assert.deepEqual(await rowIds(page), [simIds[2], simIds[1], simIds[0], GENAI, UI01]);
      assert.equal(tempo.queries.at(-1), '{ duration >= 1us }');
      await page.getByRole('radio', { name: 'Most spans' }).click();
      const bySpans = await rowIds(page);
      assert.equal(bySpans[0], GENAI);
      assert.equal(bySpans.at(-1), UI01);
      assert.equal(new URL(page.url()).searchParams.get('sort'), 'spans');
      await page.getByRole('radio', { name: 'Longest' }).click();
      assert.equal((await rowIds(page))[0], GENAI);
      // Errors: genai has 1; the colour of each point says whether its trace has errors.
      const colours = await page
        .getByTestId('meshlens-trace-scatter')
        .locator('circle[role="button"]')
        .evaluateAll((c) => c.map((x) => x.getAttribute('data-errors')));
      assert.equal(colours.length, 5);
      assert.equal(colours.filter((c) => c === 'unknown').length, 0);
      const genaiPoint = page
        .getByTestId('meshlens-trace-scatter')
        .getByRole('button', { name: /POST \/api\/graphql/ });
      assert.equal(await genaiPoint.getAttribute('data-errors'), 'true');
      mkdirSync(ARTIFACTS, { recursive: true });
      writeFileSync(join(ARTIFACTS, 'app-traces-results-sorted.png'), await page.screenshot());
      await genaiPoint.click();
      await page.locator('[data-testid="meshlens-span-row"]').first().waitFor({ timeout: 90_000 });
      assert.equal(new URL(page.url()).searchParams.get('traceId'), GENAI);
      writeFileSync(join(ARTIFACTS, 'app-traces-opened.png'), await page.screenshot());
    } finally {
      await page.close();
    }
  });

  test('Tempo: the edge search is one TraceQL query matching Istio span names; results download as JSON', async () => {
    const { page, metrics } = await render(withTempo, {
      kind: 'app',
      timeoutMs: 120_000,
      path: `${TRACES}?service=productpage.bookinfo&peer=details.bookinfo`,
      width: 1300,
      height: 1000,
      jsonData: TEMPO,
    });
    try {
      assert.deepEqual(metrics.pageErrors, []);
      assert.deepEqual((await rowIds(page)).sort(), [...simIds].sort());
      assert.match(tempo.queries.at(-1) ?? '', /^\{ resource\.service\.name = "productpage\.bookinfo" && \(name =~ /);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download results (JSON)' }).click(),
      ]);
      const json = JSON.parse(readFileSync((await download.path())!, 'utf8'));
      assert.deepEqual(json.search, { service: 'productpage.bookinfo', limit: '20', peer: 'details.bookinfo' });
      assert.equal(json.count, 3);
      assert.deepEqual(
        json.traces.map((t: { traceId: string }) => t.traceId),
        [simIds[2], simIds[1], simIds[0]]
      );
      assert.ok(json.traces.every((t: { counts: { spans: number } }) => t.counts.spans > 0));
    } finally {
      await page.close();
    }
  });

  test('trace ids that are not 16 or 32 hex digits are refused with a message; nothing is queried', async () => {
    const before = tempo.queries.length;
    const bad = encodeURIComponent('{ .http.status_code = 500 }');
    const { page } = await render(withTempo, {
      kind: 'app',
      timeoutMs: 120_000,
      path: `${TRACES}?traceId=${bad}&compare=abc,${UI01}`,
      jsonData: TEMPO,
    });
    try {
      const text = page.getByTestId('meshlens-traces');
      await page.getByText(/Nothing was queried/).waitFor();
      assert.match(
        await text.innerText(),
        /Nothing was queried: "\{ \.http\.status_code = 500 \}" is not a trace id \(it holds characters other than 0-9 and a-f\): a trace id is 16 or 32 hexadecimal digits\./
      );
      assert.match(
        await page.getByText(/Nothing was compared/).innerText(),
        /Nothing was compared: A: "abc" is not a trace id \(it has 3 digits\)/
      );
      assert.equal(tempo.queries.length, before);
      assert.deepEqual(
        (await exprs(page)).filter((e) => !e.includes('/api/v2/search/tag/')),
        []
      );
    } finally {
      await page.close();
    }
  });

  test('compare: a merged tree of (service, operation) paths with span counts in A and B', async () => {
    const { page, metrics } = await render(withJaeger, {
      kind: 'app',
      timeoutMs: 120_000,
      path: `${TRACES}?compare=${simIds[0]},${simIds[1]}`,
      width: 1300,
      height: 1200,
      waitFor: '[data-testid="meshlens-diff-node"]',
    });
    try {
      assert.deepEqual(metrics.pageErrors, []);
      const summary = await page.getByTestId('meshlens-diff-summary').innerText();
      assert.match(
        summary,
        /^Structure: \d+ paths of service and operation · \d+ only in A · \d+ only in B · \d+ with other counts/
      );
      const nodes = await page.getByTestId('meshlens-diff-node').allInnerTexts();
      assert.match(
        nodes[0],
        /^istio-ingressgateway\.istio-system productpage\.bookinfo\.svc\.cluster\.local:9080\/\*\s+1 \/ 1\s+same$/
      );
      // Collapsing the root hides every other node.
      await page
        .getByRole('button', { name: 'Collapse or expand productpage.bookinfo.svc.cluster.local:9080/*' })
        .first()
        .evaluate((b) => (b as HTMLButtonElement).click());
      assert.equal(await page.getByTestId('meshlens-diff-node').count(), 1);
      writeFileSync(join(ARTIFACTS, 'app-traces-compare-tree.png'), await page.screenshot({ fullPage: true }));
    } finally {
      await page.close();
    }
  });

  test('the trace panel shows the trace as Jaeger JSON and downloads it; Istio hops show their sidecar overhead', async () => {
    const { page } = await render(withJaeger, {
      kind: 'app',
      timeoutMs: 120_000,
      path: `${TRACES}?traceId=${simIds[0]}`,
      width: 1400,
      height: 1100,
    });
    try {
      await page.locator('[data-testid="meshlens-span-row"]').first().waitFor({ timeout: 90_000 });
      // The simulator's proxies add 300 µs each way: every client→server hop shows 600µs.
      await page.getByTestId('meshlens-sidecar-overhead').first().waitFor();
      const badges = await page.getByTestId('meshlens-sidecar-overhead').allInnerTexts();
      assert.ok(badges.length > 0 && badges.every((b) => b === '⇄ 600µs'), badges.join(' | '));
      await page.getByRole('button', { name: 'Trace JSON' }).click();
      const pre = page.getByTestId('meshlens-trace-json');
      await pre.waitFor();
      const shown = JSON.parse(await pre.innerText());
      assert.equal(shown.data[0].traceID, simIds[0]);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download' }).click(),
      ]);
      assert.equal(download.suggestedFilename(), `trace-${simIds[0]}.json`);
      const saved = JSON.parse(readFileSync((await download.path())!, 'utf8'));
      assert.deepEqual(saved, shown);
      writeFileSync(join(ARTIFACTS, 'trace-json.png'), await page.screenshot());
    } finally {
      await page.close();
    }
  });
});
