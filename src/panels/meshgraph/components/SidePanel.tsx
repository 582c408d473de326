import React from 'react';
import { css } from '@emotion/css';
import { type GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Button, IconButton, useStyles2 } from '@grafana/ui';
import { edgeLinks, type LinkOptions, nodeLinks, type PanelLocation } from '../model/links';
import { nodeSummary, responseShares, type TrafficSummary } from '../model/view/details';
import { type ViewEdge, type ViewGraph, type ViewNode } from '../model/view/types';
import { AS_TEXT } from '../../../shared/i18n/asText';
import { formatPct1, formatRateSpaced } from '../../../shared/format';

interface Props {
  graph: ViewGraph;
  selection: { id: string; kind: 'node' | 'edge' };
  links: LinkOptions;
  /** Where the panel is shown: a service or workload page's breadcrumb leads back there. */
  here?: PanelLocation;
  onClose: () => void;
  onExpand: (boxId: string) => void;
}

const pct = formatPct1;
const rate = formatRateSpaced;
const ms = (v: number | undefined) => (v === undefined ? '–' : `${Math.round(v)} ms`);

/** Details of the selected node or edge: traffic by direction and code class, health reasons, links. */
export function SidePanel({ graph, selection, links, here, onClose, onExpand }: Props) {
  const styles = useStyles2(getStyles);
  const node = selection.kind === 'node' ? graph.nodes.find((n) => n.id === selection.id) : undefined;
  const edge = selection.kind === 'edge' ? graph.edges.find((e) => e.id === selection.id) : undefined;
  if (!node && !edge) {
    return null;
  }
  const title = node
    ? node.title
    : `${graph.nodes.find((n) => n.id === edge!.source)?.title} → ${graph.nodes.find((n) => n.id === edge!.target)?.title}`;
  return (
    <aside
      className={styles.panel}
      aria-label={t('meshgraph.side.label', 'Details of {{title}}', { ...AS_TEXT, title })}
      data-testid="meshlens-meshgraph-details"
    >
      <div className={styles.header}>
        <strong className={styles.title}>{title}</strong>
        <IconButton name="times" aria-label={t('meshgraph.side.close', 'Close details')} onClick={onClose} />
      </div>
      {node && <NodeDetails graph={graph} node={node} links={links} here={here} onExpand={onExpand} />}
      {edge && <EdgeDetails graph={graph} edge={edge} links={links} />}
    </aside>
  );
}

function Health({ status, reasons }: { status: string; reasons: readonly string[] }) {
  const styles = useStyles2(getStyles);
  return (
    <div>
      <div className={styles.row}>
        <span>{t('meshgraph.side.health', 'Health')}</span>
        <span className={styles[status as 'healthy'] ?? undefined}>{status}</span>
      </div>
      {reasons.map((r) => (
        <div key={r} className={styles.reason}>
          {r}
        </div>
      ))}
    </div>
  );
}

function Summary({ label, s }: { label: string; s: TrafficSummary }) {
  const styles = useStyles2(getStyles);
  if (s.edges === 0) {
    return null;
  }
  return (
    <section>
      <h6 className={styles.section}>{label}</h6>
      <div className={styles.row}>
        <span>{t('meshgraph.side.requests', 'Requests')}</span>
        <span>{rate(s.rps)}</span>
      </div>
      <div className={styles.row}>
        <span>{t('meshgraph.side.errors', 'Errors')}</span>
        <span>{pct(s.errorPct)}</span>
      </div>
      <div className={styles.row}>
        <span>{t('meshgraph.side.rt', 'Response time')}</span>
        <span>{ms(s.responseTime)}</span>
      </div>
      <div className={styles.row}>
        <span>{t('meshgraph.side.mtls', 'mTLS')}</span>
        <span>{pct(s.mtlsPct)}</span>
      </div>
      {s.principals.map((p) => (
        <div key={p} className={styles.reason}>
          {p}
        </div>
      ))}
    </section>
  );
}

function NodeDetails({
  graph,
  node,
  links,
  here,
  onExpand,
}: {
  graph: ViewGraph;
  node: ViewNode;
  links: LinkOptions;
  here?: PanelLocation;
  onExpand: (id: string) => void;
}) {
  const styles = useStyles2(getStyles);
  const summary = nodeSummary(graph, node);
  const r = node.mesh?.rates;
  const codes: Array<[string, number | undefined]> = r
    ? [
        ['HTTP in', r.httpIn],
        ['3xx', r.httpIn3xx],
        ['4xx', r.httpIn4xx],
        ['5xx', r.httpIn5xx],
        ['no response', r.httpInNoResponse],
        ['HTTP out', r.httpOut],
        ['gRPC in', r.grpcIn],
        ['gRPC errors', r.grpcInErr],
        ['gRPC out', r.grpcOut],
        ['TCP in', r.tcpIn],
        ['TCP out', r.tcpOut],
      ]
    : [];
  return (
    <>
      <div className={styles.subtitle}>
        {[node.mesh?.nodeType ?? (node.collapsed ? 'namespace' : 'node'), node.namespace, node.cluster]
          .filter(Boolean)
          .join(' · ')}
      </div>
      {node.collapsed && (
        <Button size="sm" variant="secondary" icon="plus" onClick={() => onExpand(node.id)}>
          {t('meshgraph.side.expand', 'Expand {{count}} nodes', {
            count: node.collapsed.members,
            defaultValue_one: 'Expand {{count}} node',
          })}
        </Button>
      )}
      <Health status={node.health} reasons={node.reasons} />
      {node.flags.size > 0 && <div className={styles.subtitle}>{[...node.flags].join(', ')}</div>}
      {codes
        .filter(([, v]) => (v ?? 0) > 0)
        .map(([label, v]) => (
          <div key={label} className={styles.row}>
            <span>{label}</span>
            <span>{rate(v!, label.startsWith('TCP') ? 'B/s' : 'rps')}</span>
          </div>
        ))}
      <Summary label={t('meshgraph.side.inbound', 'Inbound')} s={summary.inbound} />
      <Summary label={t('meshgraph.side.outbound', 'Outbound')} s={summary.outbound} />
      {node.stats?.map((s) => (
        <div key={s} className={styles.row}>
          {s}
        </div>
      ))}
      <Links links={nodeLinks(node, links, here)} />
    </>
  );
}

function EdgeDetails({ graph, edge, links }: { graph: ViewGraph; edge: ViewEdge; links: LinkOptions }) {
  const styles = useStyles2(getStyles);
  const source = graph.nodes.find((n) => n.id === edge.source);
  const target = graph.nodes.find((n) => n.id === edge.target);
  const unit = edge.protocol === 'tcp' ? 'B/s' : 'rps';
  return (
    <>
      <div className={styles.subtitle}>
        {edge.protocol}
        {edge.merged && edge.merged > 1 ? ` · ${edge.merged} edges merged` : ''}
      </div>
      <Health status={edge.health} reasons={edge.reasons} />
      {edge.change && (
        <div className={styles.row}>
          <span>{t('meshgraph.side.change', 'vs earlier window')}</span>
          <span>
            {edge.change}: {edge.changeReason}
          </span>
        </div>
      )}
      <div className={styles.row}>
        <span>{t('meshgraph.side.rate', 'Rate')}</span>
        <span>{rate(edge.rate, unit)}</span>
      </div>
      {edge.protocol !== 'tcp' && (
        <div className={styles.row}>
          <span>{t('meshgraph.side.errors', 'Errors')}</span>
          <span>{pct(edge.errorPct)}</span>
        </div>
      )}
      {edge.protocol !== 'tcp' && (
        <div className={styles.row}>
          <span>{t('meshgraph.side.share', '% of requests')}</span>
          <span>{pct(edge.percentReq)}</span>
        </div>
      )}
      <div className={styles.row}>
        <span>{t('meshgraph.side.rt', 'Response time')}</span>
        <span>{ms(edge.responseTime)}</span>
      </div>
      <div className={styles.row}>
        <span>{t('meshgraph.side.throughput', 'Throughput')}</span>
        <span>{edge.throughput === undefined ? '–' : rate(edge.throughput, 'B/s')}</span>
      </div>
      <div className={styles.row}>
        <span>{t('meshgraph.side.mtls', 'mTLS')}</span>
        <span>{pct(edge.mtlsPct)}</span>
      </div>
      {edge.mesh?.sourcePrincipal && <div className={styles.reason}>{edge.mesh.sourcePrincipal}</div>}
      {edge.mesh?.destPrincipal && <div className={styles.reason}>{edge.mesh.destPrincipal}</div>}
      {responseShares(edge).map((r) => (
        <div key={r.code} className={styles.row} title={r.hosts}>
          <span>
            {r.code === '-' ? t('meshgraph.side.noResponse', 'no response') : r.code} {r.flags !== '-' ? r.flags : ''}
          </span>
          <span>{pct(r.pct)}</span>
        </div>
      ))}
      <Links links={edgeLinks(edge, source, target, links)} />
    </>
  );
}

function Links({ links }: { links: ReturnType<typeof nodeLinks> }) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.links}>
      {links.map((l) => (
        <a key={l.label} href={l.href} className={styles.link}>
          {l.label}
        </a>
      ))}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  panel: css({
    position: 'absolute',
    top: theme.spacing(5),
    right: theme.spacing(1),
    width: 280,
    maxHeight: `calc(100% - ${theme.spacing(7)})`,
    overflowY: 'auto',
    padding: theme.spacing(1),
    background: theme.colors.background.primary,
    border: `1px solid ${theme.colors.border.medium}`,
    borderRadius: theme.shape.radius.default,
    boxShadow: theme.shadows.z2,
    fontSize: theme.typography.bodySmall.fontSize,
  }),
  header: css({ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: theme.spacing(1) }),
  title: css({ wordBreak: 'break-all' }),
  subtitle: css({ color: theme.colors.text.secondary, marginBottom: theme.spacing(0.5) }),
  section: css({ marginTop: theme.spacing(1), marginBottom: 0 }),
  row: css({ display: 'flex', justifyContent: 'space-between', gap: theme.spacing(1) }),
  reason: css({ color: theme.colors.text.secondary, wordBreak: 'break-all' }),
  links: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(0.5), marginTop: theme.spacing(1) }),
  link: css({ color: theme.colors.text.link, '&:hover': { textDecoration: 'underline' } }),
  healthy: css({ color: theme.colors.success.text }),
  degraded: css({ color: theme.colors.warning.text }),
  failure: css({ color: theme.colors.error.text }),
  idle: css({ color: theme.colors.text.disabled }),
});
