import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import { type GrafanaTheme2, type StandardEditorProps } from '@grafana/data';
import { t } from '@grafana/i18n';
import { ClipboardButton, Input, useStyles2 } from '@grafana/ui';
import { istioPresetTargets } from '../../../shared/istio/graphQueries';

/**
 * Namespaces for the graph, and the Istio preset: the instant queries (Kiali's, per namespace) ready to
 * copy into the panel's Prometheus query editor, as one JSON list of targets.
 */
export function IstioPresetEditor({ value, onChange, context }: StandardEditorProps<string>) {
  const styles = useStyles2(getStyles);
  const current = context.options as { compareOffset?: string; includeIdleEdges?: boolean } | undefined;
  const offset = String(current?.compareOffset ?? '').trim();
  const idle = Boolean(current?.includeIdleEdges);
  const targets = useMemo(
    () => istioPresetTargets((value ?? '').split(',').map((s) => s.trim()).filter(Boolean), undefined, offset, idle),
    [value, offset, idle]
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
        {t('meshgraph.preset.hint', '{{count}} instant queries (table format) for these namespaces.', { count: targets.length, defaultValue_one: '{{count}} instant query (table format) for these namespaces.' })}
      </div>
      <ClipboardButton size="sm" icon="copy" getText={() => JSON.stringify(targets, null, 2)}>
        {t('meshgraph.preset.copy', 'Copy Istio preset queries')}
      </ClipboardButton>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  hint: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize, margin: theme.spacing(0.5, 0) }),
});
