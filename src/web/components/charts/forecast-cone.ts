/**
 * The burn-up's forecast cone as chart data: each percentile path runs from today's done total through
 * the checkpoints' percentile dates, straight between them and level once all its work is done.
 */
import type { ProjectForecast } from '../../../contracts/forecast.contract.js';
import { daysBetween } from './local-dates.js';

type Cone = ProjectForecast['cone'];
type Point = Cone['p50'][number];

/** A percentile path's minutes done on `date`: null before the cone starts. */
export function pathAt(from: Point, points: readonly Point[], date: string): number | null {
  if (date < from.date) return null;
  // Later points never go down: the path is work done, which only grows.
  let previous = from;
  for (const point of [...points].sort((a, b) => a.date.localeCompare(b.date) || a.minutes - b.minutes)) {
    const minutes = Math.max(point.minutes, previous.minutes);
    if (point.date > date) {
      const span = daysBetween(previous.date, point.date);
      const into = daysBetween(previous.date, date);
      return span <= 0 ? minutes : previous.minutes + ((minutes - previous.minutes) * into) / span;
    }
    previous = { date: point.date, minutes };
  }
  return previous.minutes;
}

/** Whether the forecast has a cone to draw at all. */
export function hasCone(cone: Cone): boolean {
  return cone.p50.length > 0;
}

/** Every date the chart needs on its x axis: the burn-up's, the cone's and the checkpoints' due dates. */
export function chartDates(burnupDates: readonly string[], forecast: ProjectForecast | undefined): string[] {
  const dates = new Set(burnupDates);
  if (forecast) {
    if (hasCone(forecast.cone)) {
      dates.add(forecast.cone.from.date);
      for (const point of [...forecast.cone.p50, ...forecast.cone.p85, ...forecast.cone.p95])
        dates.add(point.date);
    }
    for (const checkpoint of forecast.checkpoints) dates.add(checkpoint.dueDate);
  }
  return [...dates].sort();
}

/** The three paths on the given dates, in minutes (null before the cone starts or without a cone). */
export function conePaths(cone: Cone, dates: readonly string[]) {
  const draw = hasCone(cone);
  const path = (points: readonly Point[]) =>
    dates.map((date) => (draw && points.length > 0 ? pathAt(cone.from, points, date) : null));
  return { p50: path(cone.p50), p85: path(cone.p85), p95: path(cone.p95) };
}
