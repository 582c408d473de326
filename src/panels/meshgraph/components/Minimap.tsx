import React, { useEffect, useMemo, useRef } from 'react';
import { css } from '@emotion/css';
import { type GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { useStyles2, useTheme2 } from '@grafana/ui';
import { bounds } from '../model/layout/types';
import { type Viewport } from './canvas/viewport';

const W = 160;
const H = 100;

interface Props {
  xy: Float64Array;
  viewport: Viewport;
  width: number;
  height: number;
  onCenter: (x: number, y: number) => void;
}

/** Overview of a large graph: every node as a dot, the visible area as a rectangle; click to move there. */
export function Minimap({ xy, viewport, width, height, onCenter }: Props) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const ref = useRef<HTMLCanvasElement>(null);
  const frame = useMemo(() => {
    const { minX, minY, maxX, maxY } = bounds(xy);
    const s = Math.min((W - 8) / Math.max(1, maxX - minX), (H - 8) / Math.max(1, maxY - minY));
    return { s, ox: 4 - minX * s, oy: 4 - minY * s };
  }, [xy]);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) {
      return;
    }
    ctx.clearRect(0, 0, W, H);
    ctx.fillStyle = theme.colors.text.secondary;
    for (let i = 0; i < xy.length; i += 2) {
      ctx.fillRect(xy[i] * frame.s + frame.ox, xy[i + 1] * frame.s + frame.oy, 1.5, 1.5);
    }
    const x0 = (-viewport.x / viewport.k) * frame.s + frame.ox;
    const y0 = (-viewport.y / viewport.k) * frame.s + frame.oy;
    ctx.strokeStyle = theme.colors.primary.border;
    ctx.strokeRect(x0, y0, (width / viewport.k) * frame.s, (height / viewport.k) * frame.s);
  }, [xy, frame, viewport, width, height, theme]);
  return (
    <canvas
      ref={ref}
      width={W}
      height={H}
      className={styles.minimap}
      aria-label={t('meshgraph.minimap.label', 'Minimap: click to move the view')}
      onClick={(e) => {
        const r = e.currentTarget.getBoundingClientRect();
        onCenter((e.clientX - r.left - frame.ox) / frame.s, (e.clientY - r.top - frame.oy) / frame.s);
      }}
    />
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  minimap: css({
    position: 'absolute',
    right: theme.spacing(1),
    bottom: theme.spacing(3),
    width: W,
    height: H,
    background: theme.colors.background.primary,
    border: `1px solid ${theme.colors.border.medium}`,
    borderRadius: theme.shape.radius.default,
    cursor: 'pointer',
  }),
});
