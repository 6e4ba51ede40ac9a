// uPlot and its stylesheet load with this module only, which the burn-up chart imports lazily.
import uPlot from 'uplot';
import type { Burnup } from '../../../contracts/status.contract.js';
import { dateToSeconds, formatDate, secondsToDate } from './local-dates.js';
import { DATE_INCREMENTS, DAY, useUplot } from './use-uplot.js';

export type BurnupMeasure = 'hours' | 'tasks';

interface BurnupCanvasProps {
  points: Burnup['points'];
  scopeChanges: Burnup['scopeChanges'];
  measure: BurnupMeasure;
}

function withAlpha(color: string, alpha: number): string {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (!hex) return 'transparent';
  const [r, g, b] = [hex[1], hex[2], hex[3]].map((part) => Number.parseInt(part ?? '0', 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

function heightFor(width: number): number {
  return width < 480 ? 220 : 280;
}

/** Vertical dashed lines where the plan's scope changed, labelled with the version. */
function drawScopeChanges(u: uPlot, changes: Burnup['scopeChanges'], color: string, font: string) {
  const { ctx, bbox } = u;
  const ratio = uPlot.pxRatio;
  ctx.save();
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = 1.5 * ratio;
  ctx.setLineDash([4 * ratio, 3 * ratio]);
  ctx.font = `600 ${11 * ratio}px ${font}`;
  ctx.textBaseline = 'top';
  for (const change of changes) {
    const x = Math.round(u.valToPos(dateToSeconds(change.date), 'x', true));
    if (x < bbox.left || x > bbox.left + bbox.width) continue;
    ctx.beginPath();
    ctx.moveTo(x, bbox.top);
    ctx.lineTo(x, bbox.top + bbox.height);
    ctx.stroke();
    const label = `v${change.version}`;
    const textWidth = ctx.measureText(label).width;
    const right = x + 4 * ratio + textWidth <= bbox.left + bbox.width;
    ctx.fillText(label, right ? x + 4 * ratio : x - 4 * ratio - textWidth, bbox.top + 2 * ratio);
  }
  ctx.restore();
}

/** The burn-up drawn with uPlot: scope as a dashed step line, done as a filled solid one. */
export function BurnupCanvas({ points, scopeChanges, measure }: BurnupCanvasProps) {
  const container = useUplot(
    ({ color, font, axis }) => {
      const accent = color('--accent', '#24507a');
      const success = color('--success', '#1c6536');
      const violet = color('--violet', '#5b3a8c');
      const hours = measure === 'hours';
      const value = (v: number) => (hours ? Math.round((v / 60) * 10) / 10 : v);
      const data: uPlot.AlignedData = [
        points.map((p) => dateToSeconds(p.date)),
        points.map((p) => value(hours ? p.scopeMinutes : p.scopeTasks)),
        points.map((p) => value(hours ? p.doneMinutes : p.doneTasks)),
      ];
      const unit = hours ? ' h' : '';
      const stepped = uPlot.paths.stepped?.({ align: 1 });
      const show = (_u: uPlot, v: number | null) => (v === null ? '–' : `${v}${unit}`);
      const options: Omit<uPlot.Options, 'width' | 'height'> = {
        tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
        cursor: { drag: { x: false, y: false } },
        scales: {
          x: { time: true, range: (_u, min, max) => (min === max ? [min - DAY, max + DAY] : [min, max]) },
          y: { range: (_u, _min, max) => [0, Math.max(hours ? 1 : 2, Math.ceil(max * 1.1))] },
        },
        series: [
          {
            label: 'Day',
            value: (_u, v: number | null) => (v === null ? '–' : formatDate(secondsToDate(v))),
          },
          {
            label: 'Plan (scope)',
            stroke: accent,
            width: 2,
            dash: [8, 5],
            ...(stepped ? { paths: stepped } : {}),
            points: { show: false },
            value: show,
          },
          {
            label: 'Done',
            stroke: success,
            width: 2.5,
            fill: withAlpha(success, 0.14),
            ...(stepped ? { paths: stepped } : {}),
            points: { show: false },
            value: show,
          },
        ],
        axes: [
          {
            ...axis,
            space: 70,
            incrs: DATE_INCREMENTS,
            values: (_u, splits) => splits.map((s) => formatDate(secondsToDate(s), { weekday: false })),
          },
          { ...axis, label: hours ? 'Hours' : 'Tasks', labelFont: `600 12px ${font}`, labelSize: 20 },
        ],
        hooks: { draw: [(u) => drawScopeChanges(u, scopeChanges, violet, font)] },
      };
      return { options, data };
    },
    heightFor,
    [points, scopeChanges, measure],
  );
  return <div ref={container} className="burnup-canvas" data-testid="burnup-canvas" />;
}
