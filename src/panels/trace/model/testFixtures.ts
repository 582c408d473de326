// Test-only helpers: read the real trace fixtures and make spans. Not imported by production code.
import { readFileSync } from 'fs';
import { join } from 'path';
import { type RawSpan } from './types';

export function fixtureText(name: string): string {
  return readFileSync(join(__dirname, '../../../../tests/fixtures/traces', name), 'utf8');
}

export function makeSpan(overrides: Partial<RawSpan> & { spanId: string }): RawSpan {
  return {
    traceId: 't1',
    parentSpanId: undefined,
    operation: `op-${overrides.spanId}`,
    service: 'svc',
    startMs: 0,
    durationMs: 1,
    kind: 'unspecified',
    status: 'unset',
    statusMessage: '',
    attributes: [],
    resource: [],
    events: [],
    references: [],
    warnings: [],
    ...overrides,
  };
}
