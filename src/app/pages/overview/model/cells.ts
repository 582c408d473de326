/** Sparkline geometry for the overview and detail cells (numbers are formatted by src/shared/format). */

/** An SVG path through the finite values, scaled into width × height; gaps (NaN) break the line. */
export function sparklinePath(values: readonly number[], width: number, height: number): string {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length < 2 || values.length < 2) {
    return '';
  }
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const span = max - min || 1;
  const step = width / (values.length - 1);
  let path = '';
  let pen = false;
  values.forEach((v, i) => {
    if (!Number.isFinite(v)) {
      pen = false;
      return;
    }
    const x = Math.round(i * step * 10) / 10;
    // A flat series is drawn mid-height, not on the floor.
    const y = max === min ? height / 2 : Math.round((height - ((v - min) / span) * height) * 10) / 10;
    path += `${pen ? 'L' : 'M'}${x} ${y}`;
    pen = true;
  });
  return path;
}
