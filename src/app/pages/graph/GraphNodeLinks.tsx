import React, { useMemo } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { css } from '@emotion/css';
import { type GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { SceneObjectBase, sceneGraph, type SceneComponentProps, type SceneObjectState } from '@grafana/scenes';
import { useStyles2 } from '@grafana/ui';
import { ROUTES, detailUrl } from '../../routes';
import { GraphControls, choicesOf } from './GraphControls';
import { HiddenIdleNote } from './HiddenIdleNote';
import { graphSummary } from './model/graphOptions';
import { MeshGraphQueryRunner } from './MeshGraphQueryRunner';

const LIMIT = 60;

/**
 * Below the graph: the idle nodes the display choices hide (counted), and links from the graph's nodes to their
 * service or workload pages (graph → service → traces). Read from the panel's own Kiali model over the same frames.
 */
export class GraphNodeLinks extends SceneObjectBase<SceneObjectState> {
  static Component = GraphNodeLinksRenderer;
}

function GraphNodeLinksRenderer({ model }: SceneComponentProps<GraphNodeLinks>) {
  const styles = useStyles2(getStyles);
  const root = model.getRoot();
  const runner = sceneGraph.findObject(root, (o) => o instanceof MeshGraphQueryRunner) as MeshGraphQueryRunner;
  const controls = sceneGraph.findObject(root, (o) => o instanceof GraphControls) as GraphControls;
  const { data } = runner.useState();
  const controlState = controls.useState();
  // The graph's query string rides along, so the service page's "Graph" breadcrumb restores this view.
  const { search } = useLocation();
  const choices = choicesOf(controlState);
  const key = JSON.stringify(choices);
  const summary = useMemo(
    () => graphSummary(data?.series ?? [], choices, runner.namespaces()),
    // choices is rebuilt each render; its JSON is the dependency.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [data, key, runner]
  );
  const pages = summary.pages;
  return (
    <>
      <HiddenIdleNote hidden={{ edges: 0, nodes: summary.hiddenIdleNodes }} />
      {pages.length > 0 && (
        <nav className={styles.nav} aria-label={t('graph.nodes', 'Pages of the nodes in this graph')}>
          {/* Two lists: a service and its workload often share a name (istio-egressgateway.istio-system). */}
          {(['service', 'workload'] as const).map((kind) => {
            const shown = pages.slice(0, LIMIT).filter((n) => n.kind === kind);
            return (
              shown.length > 0 && (
                <div key={kind} className={styles.list}>
                  <span>
                    {kind === 'service'
                      ? t('graph.nodes.services', 'Service pages:')
                      : t('graph.nodes.workloads', 'Workload pages:')}
                  </span>
                  {shown.map((n) => (
                    <Link
                      key={`${n.namespace}/${n.name}`}
                      to={detailUrl(n.kind, n.namespace, n.name, ROUTES.graph, search)}
                    >
                      {`${n.name}.${n.namespace}`}
                    </Link>
                  ))}
                </div>
              )
            );
          })}
          {pages.length > LIMIT && (
            <span>
              {t('graph.nodes.more', '{{count}} more (narrow the namespaces to list them)', {
                count: pages.length - LIMIT,
                defaultValue_one: '{{count}} more (narrow the namespaces to list it)',
              })}
            </span>
          )}
        </nav>
      )}
    </>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  nav: css({
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.5),
    color: theme.colors.text.secondary,
    a: { color: theme.colors.text.link },
  }),
  list: css({ display: 'flex', flexWrap: 'wrap', gap: theme.spacing(0.5, 1.5) }),
});
