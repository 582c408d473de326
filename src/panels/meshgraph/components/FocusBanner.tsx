import React from 'react';
import { css } from '@emotion/css';
import { type GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Button, useStyles2 } from '@grafana/ui';
import { type VisibleGraph } from '../state/useGraphData';
import { AS_TEXT } from '../../../shared/i18n/asText';

/** What the focus option did: "Focused on X · N of M nodes hidden · Show all", or why the whole graph is shown. */
export function FocusBanner({ focus, onShowAll }: { focus: VisibleGraph['focus']; onShowAll: () => void }) {
  const styles = useStyles2(getStyles);
  if (focus.status === 'none') {
    return null;
  }
  if (focus.status !== 'focused') {
    return (
      <div className={styles.banner} role="alert" data-testid="meshlens-meshgraph-focus">
        {focus.status === 'invalid'
          ? t(
              'meshgraph.focus.invalid',
              'The focus "{{focus}}" is not kind:namespace/name (e.g. service:bookinfo/reviews); showing the whole graph.',
              { focus: focus.text, ...AS_TEXT }
            )
          : t(
              'meshgraph.focus.unmatched',
              'Nothing in this graph matches the focus {{focus}}; showing the whole graph.',
              { focus: focus.text, ...AS_TEXT }
            )}
      </div>
    );
  }
  return (
    <div className={styles.banner} role="status" data-testid="meshlens-meshgraph-focus">
      <span>{t('meshgraph.focus.on', 'Focused on {{focus}}', { focus: focus.text, ...AS_TEXT })}</span>
      <span aria-hidden>·</span>
      <span>
        {t('meshgraph.focus.hidden', '{{count}} of {{total}} nodes hidden', {
          ...AS_TEXT,
          count: focus.hiddenNodes,
          total: focus.totalNodes,
        })}
      </span>
      <span aria-hidden>·</span>
      <Button
        size="sm"
        variant="secondary"
        fill="text"
        onClick={onShowAll}
        aria-label={t('meshgraph.focus.showAllLabel', 'Show the whole graph')}
      >
        {t('meshgraph.focus.showAll', 'Show all')}
      </Button>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  banner: css({
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    padding: theme.spacing(0, 1),
    minHeight: theme.spacing(3),
    fontSize: theme.typography.bodySmall.fontSize,
    color: theme.colors.text.secondary,
    background: theme.colors.background.secondary,
  }),
});
