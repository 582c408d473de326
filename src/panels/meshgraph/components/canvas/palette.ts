import { type GrafanaTheme2 } from '@grafana/data';
import { type HealthStatus } from '../../../../shared/health';

/** Canvas colours, all from theme tokens (no literals): health as Kiali shows it, TCP in blue, idle grey. */
export interface Palette {
  health: Record<HealthStatus, string>;
  tcp: string;
  nodeFill: string;
  text: string;
  textSecondary: string;
  box: string;
  boxBorder: string;
  selection: string;
  match: string;
  background: string;
  badge: string;
  badgeText: string;
}

export function paletteFrom(theme: GrafanaTheme2): Palette {
  return {
    health: {
      healthy: theme.colors.success.main,
      degraded: theme.colors.warning.main,
      failure: theme.colors.error.main,
      idle: theme.colors.text.disabled,
    },
    tcp: theme.colors.primary.main,
    nodeFill: theme.colors.background.secondary,
    text: theme.colors.text.primary,
    textSecondary: theme.colors.text.secondary,
    box: theme.colors.action.hover,
    boxBorder: theme.colors.border.medium,
    selection: theme.colors.primary.border,
    match: theme.colors.warning.border,
    background: theme.colors.background.primary,
    badge: theme.colors.secondary.main,
    badgeText: theme.colors.secondary.contrastText,
  };
}
