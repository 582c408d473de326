import React from 'react';
import { css } from '@emotion/css';
import { type GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { SceneObjectBase, sceneGraph, type SceneComponentProps, type SceneObjectState, type VizPanel } from '@grafana/scenes';
import { LoadingPlaceholder, useStyles2 } from '@grafana/ui';
import { PanelMessage } from '../../../shared/ui/PanelMessage';
import { AS_TEXT } from '../../../shared/i18n/asText';
import { type GraphNodeLinks } from './GraphNodeLinks';
import { namespaceVariableStatus } from './model/namespaceStatus';

export interface GraphBodyState extends SceneObjectState {
  panel: VizPanel;
  links: GraphNodeLinks;
}

/**
 * The graph, or why there is none: while the namespaces load, a placeholder; when Prometheus has no Istio traffic
 * metrics at all (only istiod's, or nothing scraped yet), a message saying so instead of an empty namespace picker
 * and a blank graph.
 */
export class GraphBody extends SceneObjectBase<GraphBodyState> {
  static Component = GraphBodyRenderer;
}

function GraphBodyRenderer({ model }: SceneComponentProps<GraphBody>) {
  const styles = useStyles2(getStyles);
  const { panel, links } = model.useState();
  const variable = sceneGraph.lookupVariable('namespace', model);
  // Re-render when the variable loads or changes.
  variable?.useState();
  const status = namespaceVariableStatus(variable?.state);
  if (status.kind === 'loading') {
    return <LoadingPlaceholder text={t('graph.loadingNamespaces', 'Looking for namespaces with Istio traffic…')} />;
  }
  if (status.kind === 'error') {
    return (
      <PanelMessage
        kind="error"
        message={t('graph.namespacesError', 'The namespaces could not be read from Prometheus: {{error}}', { error: status.error, ...AS_TEXT })}
      />
    );
  }
  if (status.kind === 'none') {
    return (
      <div data-testid="meshlens-graph-no-traffic">
        <PanelMessage
          kind="info"
          message={t(
            'graph.noTrafficMetrics',
            'No traffic metrics yet: this Prometheus has no istio_requests_total or istio_tcp_received_bytes_total series. Istio reports them from sidecars, gateways, waypoints and ztunnel once workloads in the mesh send traffic; istiod’s own metrics alone draw no graph.'
          )}
        />
      </div>
    );
  }
  return (
    <div className={styles.body}>
      <div className={styles.panel}>
        <panel.Component model={panel} />
      </div>
      <links.Component model={links} />
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  body: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1), width: '100%', height: '100%' }),
  panel: css({ flexGrow: 1, minHeight: 520, display: 'flex' }),
});
