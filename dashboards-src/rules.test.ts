/** @jest-environment node */
/** The shipped recording rules and the demo stack's Prometheus config that loads them, checked by promtool. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { recordingRuleGroups } from '../src/shared/istio/recordedSeries';

const ROOT = resolve(__dirname, '..');
const RULES = resolve(ROOT, 'deploy/prometheus/rules/istio-recording-rules.yml');

describe('recording rules (deploy/prometheus/rules)', () => {
  it('pass `promtool check rules`', () => {
    const out = execFileSync('promtool', ['check', 'rules', RULES], { encoding: 'utf8' });
    expect(out).toContain(`SUCCESS: ${recordingRuleGroups()[0].rules.length} rules found`);
  });

  it('are exactly what src/shared/istio/recordedSeries.ts generates', () => {
    expect(parse(readFileSync(RULES, 'utf8'))).toEqual({ groups: recordingRuleGroups() });
  });

  it('are loaded by the demo stack: prometheus.yml lists rules/*.yml and compose mounts the directory beside it', () => {
    const out = execFileSync('promtool', ['check', 'config', resolve(ROOT, 'deploy/prometheus/prometheus.yml')], {
      encoding: 'utf8',
    });
    expect(out).toContain('SUCCESS: 1 rule files found');
    const compose = parse(readFileSync(resolve(ROOT, 'docker-compose.yaml'), 'utf8'));
    expect(compose.services.prometheus.volumes).toEqual(
      expect.arrayContaining([
        './deploy/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro',
        './deploy/prometheus/rules:/etc/prometheus/rules:ro',
      ])
    );
  });
});
