import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import { LoadingState, type GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { SceneObjectBase, sceneGraph, type SceneComponentProps, type SceneObjectState } from '@grafana/scenes';
import { LinkButton, LoadingPlaceholder, Stack, useStyles2 } from '@grafana/ui';
import { type DetailTarget } from '../../../shared/istio/appQueries';
import { PanelMessage } from '../../../shared/ui/PanelMessage';
import { type HealthThresholds } from '../../../shared/settings';
import { dashboardUrl, detailUrl, graphUrlForNamespace, tracesUrlForService } from '../../routes';
import { HealthBadge } from '../overview/components/HealthBadge';
import { Sparkline } from '../overview/components/Sparkline';
import { formatMs, formatPct, formatRate } from '../../../shared/format';
import { PeerTable } from './components/PeerTable';
import { buildDetail } from './model/detailModel';
import { AS_TEXT } from '../../../shared/i18n/asText';

export interface DetailViewState extends SceneObjectState {
  target: DetailTarget;
  thresholds: HealthThresholds;
  prometheusUid: string;
}

/** A service's or workload's RED metrics, inbound/outbound breakdowns and links onward (dashboards, graph, traces). */
export class DetailView extends SceneObjectBase<DetailViewState> {
  static Component = DetailViewRenderer;
}

/** TCP bytes per second (both ways), as the dashboards' Bps unit shows it. */
function formatBytesRate(bps: number | null): string {
  if (bps === null || !Number.isFinite(bps)) {
    return '–';
  }
  const units = ['B/s', 'kB/s', 'MB/s', 'GB/s'];
  let v = bps;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${v.toFixed(v >= 100 || i === 0 ? 0 : 1)} ${units[i]}`;
}

/** Istio's trace service name uses the app, not the workload: `reviews-v2` reports as `reviews`. */
function appOf(workload: string): string {
  return workload.replace(/-v\d+$/, '');
}

function DetailViewRenderer({ model }: SceneComponentProps<DetailView>) {
  const styles = useStyles2(getStyles);
  const { target, thresholds, prometheusUid } = model.useState();
  const { data } = sceneGraph.getData(model).useState();
  // A partial answer (some queries failed) leaves the health unknown, with the error as its reason.
  const problem = data?.errors?.[0]?.message;
  const detail = useMemo(() => (data ? buildDetail(data.series, thresholds, problem) : undefined), [data, thresholds, problem]);
  if (!data || !detail || data.state === LoadingState.Loading) {
    return <LoadingPlaceholder text={t('detail.loading', 'Loading metrics…')} />;
  }
  if (data.state === LoadingState.Error) {
    const reason = data.errors?.[0]?.message ?? t('detail.error.unknown', 'unknown error');
    return (
      <PanelMessage
        kind="error"
        message={t('detail.error', 'The Prometheus data source "{{uid}}" could not answer: {{reason}}', {
          ...AS_TEXT,
          uid: prometheusUid,
          reason,
        })}
      />
    );
  }
  const hasTcp = (detail.tcpInBps ?? 0) > 0 || (detail.tcpOutBps ?? 0) > 0;
  if (detail.requestRate === null && detail.outbound.length === 0 && !hasTcp) {
    return (
      <PanelMessage
        kind="info"
        message={t(
          'detail.empty',
          'No Istio traffic for {{kind}} "{{name}}" in namespace "{{namespace}}" in this time range. Is the name right, and does it run with a sidecar?',
          { ...AS_TEXT, kind: target.kind, name: target.name, namespace: target.namespace }
        )}
      />
    );
  }
  const isService = target.kind === 'service';
  const dashboard = isService
    ? dashboardUrl('meshlens-istio-service', {
        datasource: prometheusUid,
        cluster: detail.cluster,
        namespace: target.namespace,
        service: detail.fqdn,
      })
    : dashboardUrl('meshlens-istio-workload', {
        datasource: prometheusUid,
        cluster: detail.cluster,
        namespace: target.namespace,
        workload: target.name,
      });
  const stat = (label: string, value: string) => (
    <div className={styles.stat}>
      <span className={styles.label}>{label}</span>
      <strong>{value}</strong>
    </div>
  );
  return (
    <div className={styles.root} data-testid="meshlens-detail" data-meshlens-ready="true">
      <Stack gap={1} wrap="wrap">
        <LinkButton icon="apps" variant="secondary" href={dashboard}>
          {isService
            ? t('detail.dashboard.service', 'Istio service dashboard')
            : t('detail.dashboard.workload', 'Istio workload dashboard')}
        </LinkButton>
        <LinkButton
          icon="sitemap"
          variant="secondary"
          href={graphUrlForNamespace(target.namespace, target)}
          aria-label={t('detail.graphLabel', 'Graph of {{namespace}}, focused on {{name}}', {
            ...AS_TEXT,
            namespace: target.namespace,
            name: target.name,
          })}
        >
          {t('detail.graph', 'Graph of {{namespace}}', { ...AS_TEXT, namespace: target.namespace })}
        </LinkButton>
        <LinkButton
          icon="gf-traces"
          variant="secondary"
          href={tracesUrlForService(`${isService ? target.name : appOf(target.name)}.${target.namespace}`)}
        >
          {t('detail.traces', 'Recent traces')}
        </LinkButton>
      </Stack>
      <div className={styles.stats} aria-label={t('detail.red', 'Rate, errors, duration')} role="group">
        <div className={styles.stat}>
          <span className={styles.label}>{t('detail.health', 'Health')}</span>
          <HealthBadge health={detail.health.status} reasons={detail.health.reasons} />
        </div>
        {stat(t('detail.rate', 'Request rate'), formatRate(detail.requestRate))}
        {stat(t('detail.errors', 'Errors (inbound)'), formatPct(detail.errorPct))}
        {stat(t('detail.p50', 'P50'), formatMs(detail.p50Ms))}
        {stat(t('detail.p95', 'P95'), formatMs(detail.p95Ms))}
        {stat(t('detail.p99', 'P99'), formatMs(detail.p99Ms))}
        {hasTcp && stat(t('detail.tcpIn', 'TCP in'), formatBytesRate(detail.tcpInBps))}
        {hasTcp && stat(t('detail.tcpOut', 'TCP out'), formatBytesRate(detail.tcpOutBps))}
        <Sparkline values={detail.trend} width={180} height={36} label={t('detail.trend', 'Request rate over time')} />
      </div>
      <div className={styles.tables}>
        <PeerTable
          testId="meshlens-detail-inbound"
          title={t('detail.inbound', 'Inbound: callers by response code')}
          peerHeader={t('detail.col.caller', 'Caller workload')}
          rows={detail.inbound}
          linkOf={(p) =>
            p.namespace && p.namespace !== 'unknown' ? detailUrl('workload', p.namespace, p.name) : undefined
          }
          empty={t('detail.inbound.none', 'No inbound requests in this time range.')}
        />
        <PeerTable
          testId="meshlens-detail-outbound"
          title={t('detail.outbound', 'Outbound: called services by response code')}
          peerHeader={t('detail.col.callee', 'Called service')}
          rows={detail.outbound}
          linkOf={(p) => (p.namespace ? detailUrl('service', p.namespace, p.name) : undefined)}
          empty={t('detail.outbound.none', 'No outbound requests reported by its own proxies in this time range.')}
        />
      </div>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  root: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(2), width: '100%' }),
  stats: css({ display: 'flex', gap: theme.spacing(3), flexWrap: 'wrap', alignItems: 'center' }),
  stat: css({ display: 'flex', flexDirection: 'column' }),
  // A class, not a \`span\` selector: that one also greyed the health badge's coloured word.
  label: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
  tables: css({ display: 'flex', gap: theme.spacing(3), flexWrap: 'wrap' }),
});
