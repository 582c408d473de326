import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The two vendor sets the harness host can take Grafana's shared modules from (react, react-dom, @grafana/*, rxjs,
 * @emotion/*, lodash, i18next, react-router): the project's own node_modules (@grafana/* 12.4 + React 18, the
 * default), or tests/harness/host13 (@grafana/* 13.2 + React 19, installed beside it with `npm ci --prefix`).
 * Chosen by HARNESS_HOST=12|13. The plugin's dist/ is the same for both.
 */
export type HostVersion = '12' | '13';

const ROOT = resolve(__dirname, '../..');

export function hostVersion(value = process.env.HARNESS_HOST): HostVersion {
  if (value === undefined || value === '' || value === '12') {
    return '12';
  }
  if (value === '13') {
    return '13';
  }
  throw new Error(`HARNESS_HOST must be 12 (the project's @grafana/* 12.4 + React 18) or 13 (tests/harness/host13), not "${value}"`);
}

export interface VendorSet {
  version: HostVersion;
  /** The folder whose node_modules holds the shared modules. */
  dir: string;
  /** Where the host page is built. */
  hostOut: string;
  /** Where browser tests write screenshots. */
  artifacts: string;
  /** The vendor set's @grafana/data and react versions, as installed. */
  grafana: string;
  react: string;
}

export function vendorSet(version: HostVersion = hostVersion()): VendorSet {
  const dir = version === '12' ? ROOT : join(ROOT, 'tests/harness/host13');
  const installed = (name: string) => {
    const file = join(dir, 'node_modules', name, 'package.json');
    if (!existsSync(file)) {
      throw new Error(`${name} is not installed in ${dir}: run npm ci --prefix ${dir === ROOT ? '.' : 'tests/harness/host13'}`);
    }
    return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  };
  return {
    version,
    dir,
    hostOut: join(ROOT, version === '12' ? '.harness/host' : '.harness/host13'),
    artifacts: join(ROOT, version === '12' ? 'artifacts/browser' : 'artifacts/browser-host13'),
    grafana: installed('@grafana/data'),
    react: installed('react'),
  };
}
