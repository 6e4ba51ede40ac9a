// Imported only by chart modules that are themselves loaded lazily, so uPlot stays out of the first page.
import { type RefObject, useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useElementWidth } from './use-width.js';

export const DAY = 86_400;

/** What every chart reads from the page's stylesheet, so charts follow the light and dark themes. */
export interface ChartTheme {
  color(name: string, fallback: string): string;
  font: string;
  /** Axis defaults: muted labels, hairline grid and ticks. */
  axis: uPlot.Axis;
}

/** Date axis ticks: days to years, with the page's date format. */
export const DATE_INCREMENTS = [
  DAY,
  2 * DAY,
  7 * DAY,
  14 * DAY,
  28 * DAY,
  56 * DAY,
  91 * DAY,
  182 * DAY,
  364 * DAY,
];

/**
 * A uPlot chart in a container that sizes it: created once the container has a width, rebuilt when
 * `deps` change, resized (not rebuilt) when the width changes, destroyed on unmount.
 *
 * @example const ref = useUplot((theme) => ({ options, data }), (w) => (w < 480 ? 200 : 240), [points]);
 */
export function useUplot(
  build: (theme: ChartTheme) => { options: Omit<uPlot.Options, 'width' | 'height'>; data: uPlot.AlignedData },
  heightFor: (width: number) => number,
  deps: readonly unknown[],
): RefObject<HTMLDivElement | null> {
  const container = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const width = useElementWidth(container);
  const measured = width > 0;

  useEffect(() => {
    const element = container.current;
    if (!element || !measured) return;
    const initialWidth = Math.floor(element.clientWidth);
    const css = getComputedStyle(element);
    const color = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
    const font = css.fontFamily || 'system-ui, sans-serif';
    const border = color('--border', '#dcdfe3');
    const axis: uPlot.Axis = {
      stroke: color('--muted', '#59616b'),
      font: `12px ${font}`,
      grid: { stroke: border, width: 1 },
      ticks: { stroke: border, width: 1 },
    };
    const { options, data } = build({ color, font, axis });
    const created = new uPlot(
      { ...options, width: initialWidth, height: heightFor(initialWidth) },
      data,
      element,
    );
    plot.current = created;
    return () => {
      created.destroy();
      if (plot.current === created) plot.current = null;
    };
    // `build` and `heightFor` are read when deps change, as the caller declares.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, measured]);

  useEffect(() => {
    if (width > 0) plot.current?.setSize({ width, height: heightFor(width) });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [width]);

  return container;
}
