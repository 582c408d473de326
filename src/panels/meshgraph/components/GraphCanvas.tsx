import React, { forwardRef, useCallback, useEffect, useImperativeHandle, useMemo, useRef } from 'react';
import { css } from '@emotion/css';
import { t } from '@grafana/i18n';
import { useStyles2, useTheme2 } from '@grafana/ui';
import { type ViewGraph } from '../model/view/types';
import { type Positions } from '../state/useLayout';
import { type DrawStats, drawScene } from './canvas/drawScene';
import { edgeAt, nodeAt } from './canvas/hitTest';
import { paletteFrom } from './canvas/palette';
import { prepareScene } from './canvas/prepareScene';
import { fitViewport, type Viewport, zoomAt } from './canvas/viewport';

export interface GraphCanvasHandle {
  fit: () => void;
  zoom: (factor: number) => void;
  centerOn: (id: string) => void;
  centerWorld: (x: number, y: number) => void;
  toPng: () => string | undefined;
  viewport: () => Viewport;
}

interface Props {
  graph: ViewGraph;
  positions: Positions;
  width: number;
  height: number;
  selected?: string;
  matches: ReadonlySet<string>;
  showMtls: boolean;
  namespaceBoxes: boolean;
  animate: boolean;
  onSelect: (id: string | undefined, kind: 'node' | 'edge' | undefined) => void;
  onPin: (id: string, x: number, y: number) => void;
  onViewport?: (v: Viewport) => void;
  /** After each full frame: its time and what it shortened (for the footer). */
  onPaint?: (ms: number, stats: DrawStats) => void;
}

/** Above this many nodes, pan and zoom move a snapshot and redraw crisp when the gesture pauses. */
const SNAPSHOT_THRESHOLD = 800;

/** The graph on a 2D canvas: culled, batched drawing; pan, zoom, select and drag-to-pin. */
export const GraphCanvas = forwardRef<GraphCanvasHandle, Props>(function GraphCanvas(props, ref) {
  const { graph, positions, width, height, selected, matches, showMtls, namespaceBoxes, animate, onSelect, onPin, onViewport, onPaint } = props;
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const palette = useMemo(() => paletteFrom(theme), [theme]);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const snapshot = useRef<{ canvas: HTMLCanvasElement; v: Viewport } | undefined>(undefined);
  const view = useRef<Viewport>({ x: 0, y: 0, k: 1 });
  const settle = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const dpr = typeof window === 'undefined' ? 1 : Math.min(2, window.devicePixelRatio || 1);
  // Positions may be moved by dragging; keep our own copy so the layout result stays untouched.
  const xy = useMemo(() => positions.xy.slice(), [positions]);
  const prepared = useMemo(() => prepareScene(graph, positions.index), [graph, positions]);
  const fitted = useRef<Positions | undefined>(undefined);

  const draw = useCallback(
    (time?: number) => {
      const ctx = canvasRef.current?.getContext('2d');
      if (!ctx) {
        return;
      }
      const t0 = performance.now();
      const stats = drawScene(ctx, { graph, prepared, xy, selected, matches, showMtls, namespaceBoxes, time }, view.current, width, height, palette, dpr);
      onPaint?.(performance.now() - t0, stats);
    },
    [graph, prepared, xy, selected, matches, showMtls, namespaceBoxes, width, height, palette, dpr, onPaint]
  );

  const setView = useCallback(
    (v: Viewport, fast: boolean) => {
      view.current = v;
      onViewport?.(v);
      const canvas = canvasRef.current;
      const ctx = canvas?.getContext('2d');
      if (!canvas || !ctx) {
        return;
      }
      if (fast && prepared.nodeCount > SNAPSHOT_THRESHOLD && !animate) {
        if (!snapshot.current) {
          const copy = document.createElement('canvas');
          copy.width = canvas.width;
          copy.height = canvas.height;
          copy.getContext('2d')?.drawImage(canvas, 0, 0);
          snapshot.current = { canvas: copy, v: { ...v } };
        }
        const s = snapshot.current;
        const f = v.k / s.v.k;
        ctx.setTransform(1, 0, 0, 1, 0, 0);
        ctx.clearRect(0, 0, canvas.width, canvas.height);
        ctx.drawImage(s.canvas, (v.x - s.v.x * f) * dpr, (v.y - s.v.y * f) * dpr, canvas.width * f, canvas.height * f);
        clearTimeout(settle.current);
        settle.current = setTimeout(() => {
          snapshot.current = undefined;
          draw();
        }, 140);
        return;
      }
      snapshot.current = undefined;
      draw();
    },
    [draw, dpr, prepared.nodeCount, animate, onViewport]
  );

  // The snapshot must be taken from the view as it was before the gesture: take it now, lazily.
  const beginGesture = useCallback(() => {
    snapshot.current = undefined;
  }, []);

  useEffect(() => {
    if (fitted.current !== positions) {
      fitted.current = positions;
      if (view.current.k === 1 && view.current.x === 0 && view.current.y === 0) {
        view.current = fitViewport(xy, width, height);
        onViewport?.(view.current);
      }
    }
    draw();
  }, [draw, positions, xy, width, height, onViewport]);

  useEffect(() => {
    if (!animate) {
      return;
    }
    let frame = 0;
    const tick = (ms: number) => {
      draw(ms / 1000);
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [animate, draw]);

  useEffect(() => () => clearTimeout(settle.current), []);

  useImperativeHandle(
    ref,
    () => ({
      fit: () => setView(fitViewport(xy, width, height), false),
      zoom: (factor) => setView(zoomAt(view.current, factor, width / 2, height / 2), false),
      centerOn: (id) => {
        const i = positions.index.get(id);
        if (i !== undefined) {
          const k = Math.max(view.current.k, 0.8);
          setView({ k, x: width / 2 - xy[2 * i] * k, y: height / 2 - xy[2 * i + 1] * k }, false);
        }
      },
      centerWorld: (x, y) => setView({ ...view.current, x: width / 2 - x * view.current.k, y: height / 2 - y * view.current.k }, false),
      toPng: () => canvasRef.current?.toDataURL('image/png'),
      viewport: () => view.current,
    }),
    [setView, xy, width, height, positions]
  );

  const gesture = useRef<{ kind: 'pan' | 'drag'; node: number; sx: number; sy: number; v: Viewport; moved: boolean } | undefined>(undefined);
  const toWorld = (sx: number, sy: number) => ({ x: (sx - view.current.x) / view.current.k, y: (sy - view.current.y) / view.current.k });
  const local = (e: React.PointerEvent | React.WheelEvent) => {
    const r = canvasRef.current!.getBoundingClientRect();
    return { sx: e.clientX - r.left, sy: e.clientY - r.top };
  };

  const onPointerDown = (e: React.PointerEvent) => {
    const { sx, sy } = local(e);
    const w = toWorld(sx, sy);
    const node = nodeAt(xy, prepared.nodeCount, w.x, w.y, 4 / view.current.k);
    gesture.current = { kind: node >= 0 ? 'drag' : 'pan', node, sx, sy, v: { ...view.current }, moved: false };
    beginGesture();
    canvasRef.current?.setPointerCapture?.(e.pointerId);
  };
  const onPointerMove = (e: React.PointerEvent) => {
    const g = gesture.current;
    if (!g) {
      return;
    }
    const { sx, sy } = local(e);
    if (!g.moved && Math.hypot(sx - g.sx, sy - g.sy) < 3) {
      return;
    }
    g.moved = true;
    if (g.kind === 'pan') {
      setView({ ...g.v, x: g.v.x + sx - g.sx, y: g.v.y + sy - g.sy }, true);
    } else {
      const w = toWorld(sx, sy);
      xy[2 * g.node] = w.x;
      xy[2 * g.node + 1] = w.y;
      draw();
    }
  };
  const onPointerUp = (e: React.PointerEvent) => {
    const g = gesture.current;
    gesture.current = undefined;
    if (!g) {
      return;
    }
    if (g.moved) {
      if (g.kind === 'drag') {
        onPin(graph.nodes[g.node].id, xy[2 * g.node], xy[2 * g.node + 1]);
      }
      return;
    }
    if (g.node >= 0) {
      onSelect(graph.nodes[g.node].id, 'node');
      return;
    }
    const { sx, sy } = local(e);
    const w = toWorld(sx, sy);
    const edge = edgeAt(prepared, xy, w.x, w.y, 6 / view.current.k);
    onSelect(edge >= 0 ? graph.edges[edge].id : undefined, edge >= 0 ? 'edge' : undefined);
  };
  const onWheel = (e: React.WheelEvent) => {
    const { sx, sy } = local(e);
    setView(zoomAt(view.current, Math.exp(-e.deltaY * 0.0015), sx, sy), true);
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    const step = 60;
    const v = view.current;
    const moves: Record<string, Viewport> = {
      ArrowLeft: { ...v, x: v.x + step },
      ArrowRight: { ...v, x: v.x - step },
      ArrowUp: { ...v, y: v.y + step },
      ArrowDown: { ...v, y: v.y - step },
      '+': zoomAt(v, 1.25, width / 2, height / 2),
      '-': zoomAt(v, 0.8, width / 2, height / 2),
      '0': fitViewport(xy, width, height),
    };
    if (moves[e.key]) {
      e.preventDefault();
      setView(moves[e.key], false);
    }
  };

  return (
    <canvas
      ref={canvasRef}
      className={styles.canvas}
      width={Math.round(width * dpr)}
      height={Math.round(height * dpr)}
      style={{ width, height }}
      tabIndex={0}
      role="img"
      aria-label={t('meshgraph.canvas.label', 'Mesh traffic graph: drag to pan, wheel or +/- to zoom, 0 to fit, arrows to move')}
      data-testid="meshlens-meshgraph-canvas"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onWheel={onWheel}
      onKeyDown={onKeyDown}
    />
  );
});

const getStyles = () => ({
  canvas: css({ display: 'block', touchAction: 'none', cursor: 'grab', outline: 'none' }),
});
