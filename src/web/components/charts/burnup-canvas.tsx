// uPlot and its stylesheet load with this module only, which the burn-up chart imports lazily.
import uPlot from 'uplot';
import type { ProjectForecast } from '../../../contracts/forecast.contract.js';
import type { Burnup } from '../../../contracts/status.contract.js';
import { markerLabel } from '../forecast/format.js';
import { chartDates, conePaths, hasCone } from './forecast-cone.js';
import { dateToSeconds, formatDate, secondsToDate } from './local-dates.js';
import { DATE_INCREMENTS, DAY, useUplot } from './use-uplot.js';

export type BurnupMeasure = 'hours' | 'tasks';

interface BurnupCanvasProps {
  points: Burnup['points'];
  scopeChanges: Burnup['scopeChanges'];
  measure: BurnupMeasure;
  /** Draws the forecast cone (in hours) and a marker at each checkpoint's due date. */
  forecast?: ProjectForecast | undefined;
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

/**
 * A dotted line at each checkpoint's due date, labelled with its chance at the top; under a version
 * label when a scope change is drawn close by.
 */
function drawDueMarkers(
  u: uPlot,
  markers: { checkpoints: ProjectForecast['checkpoints']; changes: Burnup['scopeChanges'] },
  colors: { normal: string; risk: string },
  font: string,
) {
  const { ctx, bbox } = u;
  const ratio = uPlot.pxRatio;
  const xOf = (date: string) => Math.round(u.valToPos(dateToSeconds(date), 'x', true));
  const taken = markers.changes.map((change) => xOf(change.date));
  ctx.save();
  ctx.lineWidth = 1.5 * ratio;
  ctx.setLineDash([2 * ratio, 3 * ratio]);
  ctx.font = `700 ${11 * ratio}px ${font}`;
  ctx.textBaseline = 'top';
  for (const checkpoint of markers.checkpoints) {
    const x = xOf(checkpoint.dueDate);
    if (x < bbox.left || x > bbox.left + bbox.width) continue;
    const top = bbox.top + (taken.some((at) => Math.abs(at - x) < 40 * ratio) ? 16 : 2) * ratio;
    const color = checkpoint.atRisk || checkpoint.kind === 'closed' ? colors.risk : colors.normal;
    ctx.strokeStyle = color;
    ctx.fillStyle = color;
    ctx.beginPath();
    ctx.moveTo(x, top + 14 * ratio);
    ctx.lineTo(x, bbox.top + bbox.height);
    ctx.stroke();
    const label = markerLabel(checkpoint);
    const textWidth = ctx.measureText(label).width;
    // Centred over its line, kept inside the plot.
    const left = Math.min(Math.max(x - textWidth / 2, bbox.left), bbox.left + bbox.width - textWidth);
    ctx.fillText(label, left, top);
  }
  ctx.restore();
}

/**
 * The burn-up drawn with uPlot: scope as a dashed step line, done as a filled solid one, and, when a
 * forecast is given, its cone from today (likely path, 85% path, shaded up to 95%) in hours.
 */
export function BurnupCanvas({ points, scopeChanges, measure, forecast }: BurnupCanvasProps) {
  const container = useUplot(
    ({ color, font, axis }) => {
      const accent = color('--accent', '#24507a');
      const success = color('--success', '#1c6536');
      const violet = color('--violet', '#5b3a8c');
      const cone = color('--warning-ink', '#6b4500');
      const muted = color('--muted', '#59616b');
      const danger = color('--danger', '#a32228');
      const hours = measure === 'hours';
      const value = (v: number) => (hours ? Math.round((v / 60) * 10) / 10 : v);
      const dates = chartDates(
        points.map((p) => p.date),
        forecast,
      );
      const byDate = new Map(points.map((p) => [p.date, p]));
      const last = points.at(-1);
      // After today the plan's scope is drawn level (as it stands); done stops at today.
      const scopeAt = (date: string) => {
        const point = byDate.get(date) ?? (last && date > last.date ? last : undefined);
        return point ? value(hours ? point.scopeMinutes : point.scopeTasks) : null;
      };
      const doneAt = (date: string) => {
        const point = byDate.get(date);
        return point ? value(hours ? point.doneMinutes : point.doneTasks) : null;
      };
      const drawCone = hours && forecast !== undefined && hasCone(forecast.cone);
      const paths = drawCone ? conePaths(forecast.cone, dates) : null;
      const inHours = (list: (number | null)[]) => list.map((v) => (v === null ? null : value(v)));
      const data: uPlot.AlignedData = [
        dates.map(dateToSeconds),
        dates.map(scopeAt),
        dates.map(doneAt),
        ...(paths ? [inHours(paths.p95), inHours(paths.p85), inHours(paths.p50)] : []),
      ];
      const unit = hours ? ' h' : '';
      const stepped = uPlot.paths.stepped?.({ align: 1 });
      const show = (_u: uPlot, v: number | null) => (v === null ? '–' : `${v}${unit}`);
      const coneSeries: uPlot.Series[] = paths
        ? [
            { label: '95% sure', stroke: cone, width: 1, points: { show: false }, value: show },
            {
              label: '85% sure',
              stroke: cone,
              width: 1.5,
              dash: [5, 4],
              points: { show: false },
              value: show,
            },
            { label: 'Likely (P50)', stroke: cone, width: 2.5, points: { show: false }, value: show },
          ]
        : [];
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
          ...coneSeries,
        ],
        // The shaded band runs from the likely path down to the 95% one.
        ...(paths ? { bands: [{ series: [5, 3] as [number, number], fill: withAlpha(cone, 0.14) }] } : {}),
        axes: [
          {
            ...axis,
            space: 70,
            incrs: DATE_INCREMENTS,
            values: (_u, splits) => splits.map((s) => formatDate(secondsToDate(s), { weekday: false })),
          },
          { ...axis, label: hours ? 'Hours' : 'Tasks', labelFont: `600 12px ${font}`, labelSize: 20 },
        ],
        hooks: {
          draw: [
            (u) => drawScopeChanges(u, scopeChanges, violet, font),
            (u) =>
              drawDueMarkers(
                u,
                { checkpoints: forecast?.checkpoints ?? [], changes: scopeChanges },
                { normal: muted, risk: danger },
                font,
              ),
          ],
        },
      };
      return { options, data };
    },
    heightFor,
    [points, scopeChanges, measure, forecast],
  );
  return <div ref={container} className="burnup-canvas" data-testid="burnup-canvas" />;
}
