import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openHarness } from '../harness/browser';
import { vendorSet } from '../harness/vendor';

// The two host runs (HARNESS_HOST=12 and 13) differ only in the vendor set the host page shares with the plugin:
// this checks that the page really runs the set it was asked for, so a green run on 13 means React 19.
const EXPECTED = {
  // react-dom 18.3.1's build reports its release-candidate version string.
  '12': { react: '18.3.1', reactDom: '18.3.1-next-f1338f8080-20240426', grafana: '12.4.0' },
  '13': { react: '19.3.1', reactDom: '19.3.1', grafana: '13.2.3' },
} as const;

describe('harness host vendor set', () => {
  test('the page shares the React and Grafana versions of the chosen set with the plugin', async () => {
    const vendor = vendorSet();
    const harness = await openHarness();
    try {
      const { page, metrics } = await harness.render({ kind: 'app-config' });
      assert.deepEqual(metrics.pageErrors, []);
      const shared = await page.evaluate(async () => {
        const system = (window as unknown as { System: { import(id: string): Promise<{ default: { version: string } }> } }).System;
        return {
          vendor: (window as unknown as { __harnessVendor: Record<string, string> }).__harnessVendor,
          // What the plugin's AMD `define(["react", …])` gets.
          systemReact: (await system.import('react')).default.version,
        };
      });
      const expected = EXPECTED[vendor.version];
      assert.deepEqual(shared, {
        vendor: { react: expected.react, reactDom: expected.reactDom, grafana: expected.grafana },
        systemReact: expected.react,
      });
      assert.equal(vendor.react, expected.react);
    } finally {
      await harness.close();
    }
  });
});
