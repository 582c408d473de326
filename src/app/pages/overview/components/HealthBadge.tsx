import React from 'react';
import { t } from '@grafana/i18n';
import { Icon, useTheme2, type IconName } from '@grafana/ui';
import { type Health } from '../model/namespaceRows';

const ICONS: Record<Health, IconName> = {
  healthy: 'check-circle',
  degraded: 'exclamation-triangle',
  failure: 'times-circle',
  idle: 'minus-circle',
};

export function healthLabel(health: Health): string {
  switch (health) {
    case 'healthy':
      return t('overview.health.healthy', 'Healthy');
    case 'degraded':
      return t('overview.health.degraded', 'Degraded');
    case 'failure':
      return t('overview.health.failure', 'Failure');
    default:
      return t('overview.health.idle', 'No inbound traffic');
  }
}

/** Health as icon + word (never colour alone). */
export function HealthBadge({ health }: { health: Health }) {
  const theme = useTheme2();
  const color = {
    healthy: theme.colors.success.text,
    degraded: theme.colors.warning.text,
    failure: theme.colors.error.text,
    idle: theme.colors.text.secondary,
  }[health];
  return (
    <span style={{ color, display: 'inline-flex', gap: theme.spacing(0.5), alignItems: 'center' }} data-health={health}>
      <Icon name={ICONS[health]} aria-hidden />
      {healthLabel(health)}
    </span>
  );
}
