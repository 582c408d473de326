import React from 'react';
import { render, screen } from '@testing-library/react';
import { initPluginTranslations } from '@grafana/i18n';
import i18next from 'i18next';
import resources from '../locales/en-US/meshlens-trace-panel.json';
import { type TraceSummary } from '../model/columns';
import { TraceHeader } from './TraceHeader';

const NS = 'meshlens-trace-panel';

const summary = (skewed: number, duplicateIds: number): TraceSummary => ({
  traceId: 'abc123',
  rootService: 'frontend',
  rootOperation: 'GET /',
  startMs: 1_700_000_000_000,
  durationMs: 120,
  spanCount: 4,
  serviceCount: 2,
  maxDepth: 3,
  errorCount: 0,
  issues: { orphans: 0, duplicateIds, cycles: 0, skewed, skipped: 0, repaired: 0 },
  warnings: [],
  contentKey: 'abc123:3:0',
});

describe('TraceHeader counts through the real en-US locale file', () => {
  // As the panel's module does, with the checked-in file as the resources (the shared i18next, as in Grafana).
  beforeAll(() => initPluginTranslations(NS, [async () => resources]));

  it('loaded the plugin namespace', () => {
    expect(i18next.getResourceBundle('en-US', NS)).toEqual(resources);
  });

  it('says "1 span" for one and "2 spans" for two', () => {
    const { unmount } = render(<TraceHeader summary={summary(1, 1)} traces={[]} selected={0} onSelect={() => {}} />);
    expect(screen.getByText(/1 span with clock skew/)).toBeInTheDocument();
    expect(screen.getByText(/1 duplicate span id(?!s)/)).toBeInTheDocument();
    unmount();
    render(<TraceHeader summary={summary(2, 3)} traces={[]} selected={0} onSelect={() => {}} />);
    expect(screen.getByText(/2 spans with clock skew/)).toBeInTheDocument();
    expect(screen.getByText(/3 duplicate span ids/)).toBeInTheDocument();
  });

  it('takes the plural forms from the file, not only from the defaults in the code', () => {
    // No default passed here: the text can only come from the resources.
    expect(i18next.t('trace.header.skew', { ns: NS, count: 1 })).toBe('1 span with clock skew');
    expect(i18next.t('trace.header.skew', { ns: NS, count: 2 })).toBe('2 spans with clock skew');
    expect(i18next.t('trace.row.pruned', { ns: NS, count: 1 })).toBe('↳ 1 span hidden');
  });
});
