import React from 'react';
import { css } from '@emotion/css';
import { type GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { useStyles2 } from '@grafana/ui';
import { BADGE_TEXT, type Badge } from '../model/view/badges';

const SHAPES: Array<{ label: string; d: string }> = [
  { label: 'Workload', d: 'M14 8 A6 6 0 1 1 13.99 7.9 Z' },
  { label: 'App', d: 'M2 2 H14 V14 H2 Z' },
  { label: 'Service', d: 'M8 1 L15 14 H1 Z' },
  { label: 'Service entry', d: 'M5 3 H11 L15 13 H1 Z' },
  { label: 'Namespace (collapsed)', d: 'M4 2 H12 L15 8 L12 14 H4 L1 8 Z' },
];

/** Kiali's legend: node shapes, health colours, edge colours, the mTLS lock. */
export function Legend() {
  const styles = useStyles2(getStyles);
  const colours: Array<[string, string]> = [
    [t('meshgraph.legend.healthy', 'Healthy'), styles.healthy],
    [t('meshgraph.legend.degraded', 'Degraded'), styles.degraded],
    [t('meshgraph.legend.failure', 'Failure'), styles.failure],
    [t('meshgraph.legend.idle', 'Idle / no traffic'), styles.idle],
    [t('meshgraph.legend.tcp', 'TCP traffic'), styles.tcp],
  ];
  return (
    <div className={styles.legend} role="region" aria-label={t('meshgraph.legend.label', 'Legend')}>
      {SHAPES.map((s) => (
        <div key={s.label} className={styles.item}>
          <svg width={16} height={16} aria-hidden>
            <path d={s.d} className={styles.shape} />
          </svg>
          {s.label}
        </div>
      ))}
      {colours.map(([label, cls]) => (
        <div key={label} className={styles.item}>
          <span className={`${styles.swatch} ${cls}`} />
          {label}
        </div>
      ))}
      <div className={styles.item}>{t('meshgraph.legend.mtls', 'Padlock on an edge: mTLS')}</div>
      <div className={styles.item}>
        {t('meshgraph.legend.badges', 'Badges: {{list}}', {
          list: (Object.keys(BADGE_TEXT) as Badge[]).map((b) => `${BADGE_TEXT[b].short} ${BADGE_TEXT[b].long}`).join(', '),
          interpolation: { escapeValue: false },
        })}
      </div>
      <div className={styles.item}>{t('meshgraph.legend.compare', 'Comparing windows: blue band new, dashed band changed, dashed grey gone')}</div>
      <div className={styles.item}>{t('meshgraph.legend.unknown', 'unknown: callers outside the mesh or without telemetry')}</div>
      <div className={styles.item}>{t('meshgraph.legend.passthrough', 'PassthroughCluster / BlackHoleCluster: egress allowed / blocked by REGISTRY_ONLY')}</div>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  legend: css({
    position: 'absolute',
    left: theme.spacing(1),
    bottom: theme.spacing(3),
    padding: theme.spacing(1),
    background: theme.colors.background.primary,
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    fontSize: theme.typography.bodySmall.fontSize,
    maxWidth: 260,
    // Anchored at the bottom, it grew over the find/hide bar on a short panel: it scrolls below the bar instead.
    maxHeight: `calc(100% - ${theme.spacing(10)})`,
    overflowY: 'auto',
  }),
  item: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(0.5) }),
  shape: css({ fill: theme.colors.background.secondary, stroke: theme.colors.text.secondary, strokeWidth: 1.5 }),
  swatch: css({ width: 14, height: 4, display: 'inline-block' }),
  healthy: css({ background: theme.colors.success.main }),
  degraded: css({ background: theme.colors.warning.main }),
  failure: css({ background: theme.colors.error.main }),
  idle: css({ background: theme.colors.text.disabled }),
  tcp: css({ background: theme.colors.primary.main }),
});
