/**
 * Every icon Grafana's panel chrome may ask for is served, as Grafana serves them: @grafana/ui's own set, plus
 * hand-drawn stand-ins for the few Grafana ships from its build only. A missing one is a 404 that the browser tests
 * count as a page error (a panel whose query ran over 2 s showed "Cancel query", `sync-slash`, and failed a run).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type HarnessServer } from '../harness/server';

let server: HarnessServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.close();
});

test('the icons of panel chrome and the time pickers are served as SVG', async () => {
  const icons = [
    // PanelChrome: cancel a query loading for 2 s, streaming, the hover header's drag handle.
    'unicons/sync-slash',
    'mono/circle-mono',
    'unicons/expand-arrows',
    // The time range picker's "move back", and a loading spinner.
    'unicons/angle-double-left',
    'unicons/spinner',
    // From @grafana/ui's own set.
    'unicons/sync',
    'unicons/angle-down',
  ];
  const missing: string[] = [];
  for (const icon of icons) {
    const res = await fetch(`${server.url}/public/build/img/icons/${icon}.svg`);
    const body = await res.text();
    if (res.status !== 200 || !body.includes('<svg')) {
      missing.push(`${icon}: ${res.status}`);
    }
  }
  assert.deepEqual(missing, []);
});
