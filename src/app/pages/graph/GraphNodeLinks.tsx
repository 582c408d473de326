import React, { useMemo } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { css } from '@emotion/css';
import { type DataFrame, type GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { SceneDataTransformer, SceneObjectBase, sceneGraph, type SceneComponentProps, type SceneObjectState } from '@grafana/scenes';
import { useStyles2 } from '@grafana/ui';
import { ROUTES, detailUrl } from '../../routes';
import { GraphControls } from './GraphControls';
import { HiddenIdleNote } from './HiddenIdleNote';
import { hiddenIdleOf } from './model/hiddenIdle';

const LIMIT = 60;

/** Unique namespace/name pairs of the graph's nodes, from the nodes frame's detail fields. Pure. */
export function nodeTargets(frames: readonly DataFrame[]): Array<{ namespace: string; name: string }> {
  const nodes = frames.find((f) => f.name === 'nodes');
  const ns = nodes?.fields.find((f) => f.name === 'detail__namespace')?.values ?? [];
  const names = nodes?.fields.find((f) => f.name === 'detail__name')?.values ?? [];
  const seen = new Map<string, { namespace: string; name: string }>();
  for (let i = 0; i < names.length; i++) {
    const namespace = String(ns[i] ?? '');
    const name = String(names[i] ?? '');
    if (namespace && name) {
      seen.set(`${namespace}/${name}`, { namespace, name });
    }
  }
  return [...seen.values()];
}

/** Below the graph: what the display choices hid, and links from the graph's nodes to their service or workload pages (graph → service → traces). */
export class GraphNodeLinks extends SceneObjectBase<SceneObjectState> {
  static Component = GraphNodeLinksRenderer;
}

function GraphNodeLinksRenderer({ model }: SceneComponentProps<GraphNodeLinks>) {
  const styles = useStyles2(getStyles);
  const root = model.getRoot();
  const transformer = sceneGraph.findObject(root, (o) => o instanceof SceneDataTransformer) as SceneDataTransformer;
  const controls = sceneGraph.findObject(root, (o) => o instanceof GraphControls) as GraphControls;
  const { data } = transformer.useState();
  const { graphType } = controls.useState();
  // The graph's query string rides along, so the service page's "Graph" breadcrumb restores this view.
  const { search } = useLocation();
  const targets = useMemo(() => nodeTargets(data?.series ?? []), [data]);
  const hidden = useMemo(() => hiddenIdleOf(data?.series ?? []), [data]);
  const kind = graphType === 'workload' ? 'workload' : 'service';
  return (
    <>
      <HiddenIdleNote hidden={hidden} />
      {targets.length > 0 && (
    <nav className={styles.nav} aria-label={t('graph.nodes', 'Pages of the nodes in this graph')}>
      <span>{kind === 'workload' ? t('graph.nodes.workloads', 'Workloads:') : t('graph.nodes.services', 'Services:')}</span>
      {targets.slice(0, LIMIT).map((n) => (
        <Link key={`${n.namespace}/${n.name}`} to={detailUrl(kind, n.namespace, n.name, ROUTES.graph, search)}>
          {`${n.name}.${n.namespace}`}
        </Link>
      ))}
      {targets.length > LIMIT && <span>{t('graph.nodes.more', '{{count}} more (narrow the namespaces to list them)', { count: targets.length - LIMIT, defaultValue_one: '{{count}} more (narrow the namespaces to list it)' })}</span>}
    </nav>
      )}
    </>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  nav: css({ display: 'flex', flexWrap: 'wrap', gap: theme.spacing(0.5, 1.5), color: theme.colors.text.secondary, a: { color: theme.colors.text.link } }),
});
