import { type GrafanaTheme2 } from '@grafana/data';

/** Stable palette colour for a name, so a service keeps its colour across panels and reloads. */
export function colorForName(theme: GrafanaTheme2, name: string): string {
  let hash = 0;
  for (let i = 0; i < name.length; i++) {
    hash = (hash * 31 + name.charCodeAt(i)) | 0;
  }
  const palette = theme.visualization.palette;
  return theme.visualization.getColorByName(palette[Math.abs(hash) % palette.length]);
}
