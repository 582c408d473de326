import React from 'react';
import { css } from '@emotion/css';
import { type GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { useStyles2 } from '@grafana/ui';
/** Idle edges and nodes the display choices left out. */
export interface HiddenIdle {
  edges: number;
  nodes: number;
}

/** What the display choices left out of the graph, counted, with the choice that shows it (nothing hidden goes unmentioned). */
export function HiddenIdleNote({ hidden }: { hidden: HiddenIdle }) {
  const styles = useStyles2(getStyles);
  if (hidden.edges === 0 && hidden.nodes === 0) {
    return null;
  }
  const parts = [
    hidden.edges > 0 &&
      t('graph.hidden.edges', '{{count}} idle edges hidden (Display: Idle edges shows them)', {
        count: hidden.edges,
        defaultValue_one: '{{count}} idle edge hidden (Display: Idle edges shows it)',
      }),
    hidden.nodes > 0 &&
      t('graph.hidden.nodes', '{{count}} idle nodes hidden (Display: Idle nodes shows them)', {
        count: hidden.nodes,
        defaultValue_one: '{{count}} idle node hidden (Display: Idle nodes shows it)',
      }),
  ].filter(Boolean);
  return (
    <div className={styles.note} role="status" data-testid="meshlens-graph-hidden">
      {parts.join(' · ')}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  note: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
});
