import React from 'react';
import { css } from '@emotion/css';
import { type GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Icon, useStyles2, type IconName } from '@grafana/ui';
import { type DisplayHealthStatus } from '../../../../shared/health';

const ICONS: Record<DisplayHealthStatus, IconName> = {
  healthy: 'check-circle',
  degraded: 'exclamation-triangle',
  failure: 'times-circle',
  idle: 'minus-circle',
  unknown: 'question-circle',
};

export function healthLabel(health: DisplayHealthStatus): string {
  switch (health) {
    case 'healthy':
      return t('overview.health.healthy', 'Healthy');
    case 'degraded':
      return t('overview.health.degraded', 'Degraded');
    case 'failure':
      return t('overview.health.failure', 'Failure');
    case 'idle':
      return t('overview.health.idle', 'No traffic');
    default:
      return t('overview.health.unknown', 'Not available');
  }
}

interface Props {
  health: DisplayHealthStatus;
  /** Why (Kiali's rule that fired, or why there is no status); shown under the word, in full. */
  reasons?: readonly string[];
  /** One line for the reasons (ellipsis; the whole text in the tooltip), for table rows. */
  compact?: boolean;
}

/** Health as icon + word (never colour alone), with its reasons as text. */
export function HealthBadge({ health, reasons = [], compact = false }: Props) {
  const styles = useStyles2(getStyles);
  return (
    <span className={styles.root} data-health={health}>
      <span className={styles[health]}>
        <Icon name={ICONS[health]} aria-hidden />
        {healthLabel(health)}
      </span>
      {reasons.length > 0 && (
        <span className={compact ? styles.compact : styles.reason} title={reasons.join('; ')} data-testid="meshlens-health-reason">
          {reasons.join('; ')}
        </span>
      )}
    </span>
  );
}

const getStyles = (theme: GrafanaTheme2) => {
  const word = (color: string) => css({ color, display: 'inline-flex', gap: theme.spacing(0.5), alignItems: 'center' });
  return {
    root: css({ display: 'inline-flex', flexDirection: 'column', minWidth: 0, maxWidth: '100%' }),
    healthy: word(theme.colors.success.text),
    degraded: word(theme.colors.warning.text),
    failure: word(theme.colors.error.text),
    idle: word(theme.colors.text.secondary),
    unknown: word(theme.colors.text.secondary),
    reason: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize, overflowWrap: 'anywhere' }),
    compact: css({
      color: theme.colors.text.secondary,
      fontSize: theme.typography.bodySmall.fontSize,
      overflow: 'hidden',
      textOverflow: 'ellipsis',
      whiteSpace: 'nowrap',
    }),
  };
};
