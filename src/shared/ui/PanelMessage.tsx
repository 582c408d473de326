import React from 'react';
import { css } from '@emotion/css';
import { type GrafanaTheme2 } from '@grafana/data';
import { Icon, useStyles2 } from '@grafana/ui';

interface Props {
  kind: 'error' | 'info';
  message: string;
}

/** The one way panels and pages show an error or empty state: a readable sentence, never a blank box. */
export function PanelMessage({ kind, message }: Props) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.root} role={kind === 'error' ? 'alert' : 'status'} data-testid="meshlens-panel-message">
      <Icon name={kind === 'error' ? 'exclamation-triangle' : 'info-circle'} className={styles[kind]} />
      <span>{message}</span>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  root: css({
    display: 'flex',
    gap: theme.spacing(1),
    alignItems: 'center',
    justifyContent: 'center',
    height: '100%',
    padding: theme.spacing(2),
    color: theme.colors.text.secondary,
    textAlign: 'center',
  }),
  error: css({ color: theme.colors.error.text, flexShrink: 0 }),
  info: css({ color: theme.colors.info.text, flexShrink: 0 }),
});
