import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import { type GrafanaTheme2, type StandardEditorProps } from '@grafana/data';
import { t } from '@grafana/i18n';
import { ClipboardButton, Input, useStyles2 } from '@grafana/ui';
import { istioPresetTargets, PREVIOUS_RANGE } from '../../../shared/istio/graphQueries';

/**
 * Namespaces for the graph, and the Istio preset: the instant queries (Kiali's, per namespace) ready to
 * copy into the panel's Prometheus query editor, as one JSON list of targets.
 */
export function IstioPresetEditor({ value, onChange, context }: StandardEditorProps<string>) {
  const styles = useStyles2(getStyles);
  const current = context.options as { compareOffset?: string; includeIdleEdges?: boolean; showIdleNodes?: boolean; dataMode?: string } | undefined;
  const offset = String(current?.compareOffset ?? '').trim();
  const idle = Boolean(current?.includeIdleEdges);
  const idleNodes = Boolean(current?.showIdleNodes);
  const running = current?.dataMode === 'preset';
  const targets = useMemo(
    () =>
      istioPresetTargets({
        namespaces: (value ?? '').split(',').map((s) => s.trim()).filter(Boolean),
        compareOffset: offset === 'previous' ? PREVIOUS_RANGE : offset,
        includeIdleEdges: idle,
        idleNodes,
      }),
    [value, offset, idle, idleNodes]
  );
  return (
    <div>
      <Input
        value={value}
        placeholder="bookinfo, istio-system"
        aria-label={t('meshgraph.preset.namespaces', 'Namespaces')}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
      <div className={styles.hint}>
        {running
          ? t('meshgraph.preset.running', 'The panel runs {{count}} instant queries for these namespaces itself; dashboard variables such as $namespace work.', { count: targets.length, defaultValue_one: 'The panel runs {{count}} instant query for these namespaces itself; dashboard variables such as $namespace work.' })
          : t('meshgraph.preset.hint', '{{count}} instant queries (table format) for these namespaces: choose Data “Istio preset” to run them, or copy them into the panel’s queries.', { count: targets.length, defaultValue_one: '{{count}} instant query (table format) for these namespaces: choose Data “Istio preset” to run it, or copy it into the panel’s queries.' })}
      </div>
      {!running && (
        <ClipboardButton size="sm" icon="copy" getText={() => JSON.stringify(targets, null, 2)}>
          {t('meshgraph.preset.copy', 'Copy Istio preset queries')}
        </ClipboardButton>
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  hint: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize, margin: theme.spacing(0.5, 0) }),
});
