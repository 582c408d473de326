import React, { useEffect, useRef, useState } from 'react';
import { css } from '@emotion/css';
import { type GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Button, useStyles2, useTheme2 } from '@grafana/ui';
import { type TraceColumns } from '../model/columns';
import { minimapCoverage } from '../model/minimap';
import { type ViewRange } from '../state/useViewRange';

interface Props {
  columns: TraceColumns;
  range: ViewRange;
  onRange: (from: number, to: number) => void;
  onReset: () => void;
  width: number;
  height: number;
}

/** Canvas colour strings (theme tokens) to RGB, via the canvas's own parser. */
function rgb(ctx: CanvasRenderingContext2D, color: string): [number, number, number] {
  ctx.fillStyle = color;
  const hex = ctx.fillStyle;
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/i.exec(hex);
  return m ? [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)] : [128, 128, 128];
}

/** Whole-trace overview on one canvas; drag to zoom the timeline, reset to see everything. */
export function Minimap({ columns, range, onRange, onReset, width, height }: Props) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [drag, setDrag] = useState<[number, number] | undefined>(undefined);

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) {
      return;
    }
    const { all, errors } = minimapCoverage(columns, width, height);
    const img = ctx.createImageData(Math.max(1, Math.floor(width)), Math.max(1, Math.floor(height)));
    const base = rgb(ctx, theme.colors.primary.main);
    const err = rgb(ctx, theme.colors.error.main);
    for (let p = 0; p < all.length; p++) {
      const o = p * 4;
      const color = errors[p] > 0 ? err : base;
      img.data[o] = color[0];
      img.data[o + 1] = color[1];
      img.data[o + 2] = color[2];
      img.data[o + 3] = all[p] > 0 ? Math.min(255, 110 + all[p] * 30) : 0;
    }
    ctx.putImageData(img, 0, 0);
  }, [columns, width, height, theme]);

  const fraction = (e: React.PointerEvent) => {
    const box = e.currentTarget.getBoundingClientRect();
    return Math.min(1, Math.max(0, (e.clientX - box.left) / (box.width || 1)));
  };
  const zoomed = range[0] > 0 || range[1] < 1;
  const shown = drag ? [Math.min(...drag), Math.max(...drag)] : range;
  return (
    <div className={styles.wrap} style={{ height }}>
      <canvas
        ref={canvasRef}
        width={Math.max(1, Math.floor(width))}
        height={Math.max(1, Math.floor(height))}
        className={styles.canvas}
        aria-hidden
      />
      <div
        className={styles.layer}
        role="slider"
        aria-label={t('trace.minimap.label', 'Trace overview: drag to zoom')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(range[0] * 100)}
        aria-valuetext={`${Math.round(range[0] * 100)}% – ${Math.round(range[1] * 100)}%`}
        tabIndex={-1}
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture?.(e.pointerId);
          const f = fraction(e);
          setDrag([f, f]);
        }}
        onPointerMove={(e) => drag && setDrag([drag[0], fraction(e)])}
        onPointerUp={(e) => {
          if (drag) {
            const f = fraction(e);
            if (Math.abs(f - drag[0]) > 0.002) {
              onRange(drag[0], f);
            }
          }
          setDrag(undefined);
        }}
      >
        <div className={styles.shade} style={{ left: 0, width: `${shown[0] * 100}%` }} />
        <div className={styles.shade} style={{ left: `${shown[1] * 100}%`, right: 0 }} />
      </div>
      {zoomed && (
        <Button
          size="sm"
          variant="secondary"
          className={styles.reset}
          onClick={onReset}
          aria-label={t('trace.minimap.reset', 'Reset zoom')}
        >
          {t('trace.minimap.resetText', 'Reset zoom')}
        </Button>
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  wrap: css({
    position: 'relative',
    flexShrink: 0,
    borderBottom: `1px solid ${theme.colors.border.weak}`,
    background: theme.colors.background.secondary,
  }),
  canvas: css({ position: 'absolute', inset: 0, width: '100%', height: '100%' }),
  layer: css({ position: 'absolute', inset: 0, cursor: 'crosshair', touchAction: 'none' }),
  shade: css({
    position: 'absolute',
    top: 0,
    bottom: 0,
    background: theme.colors.action.disabledBackground,
    pointerEvents: 'none',
  }),
  reset: css({ position: 'absolute', top: 4, right: 4 }),
});
