import { Component, lazy, Suspense, type ReactNode } from 'react';
import type { TrendPoint } from '../../../contracts/comprehension.contract.js';
import { formatDate } from '../charts/local-dates.js';
import { formatCount, formatPercent } from './tree-model.js';
import '../../styles/charts.css';

// uPlot loads with the canvas only, when a trend has something to draw.
const TrendCanvas = lazy(() => import('./trend-canvas.js').then((m) => ({ default: m.TrendCanvas })));

type Period = 'sprint' | 'week';

function periodName(period: Period, start: string): string {
  return `${period === 'sprint' ? 'Sprint' : 'Week'} of ${formatDate(start, { year: true })}`;
}

/** What the trend shows, in a sentence or two: the chart's summary. */
export function trendSummary(points: readonly TrendPoint[], period: Period): string {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return 'Nothing has been measured yet.';
  const unit = period === 'sprint' ? 'sprint' : 'week';
  if (points.length === 1)
    return `Measured in one ${unit} so far (${periodName(period, first.periodStart)}): ${formatPercent(first.coverage)} understood, ${formatCount(first.unexplainedAiLines)} un-understood lines.`;
  const direction =
    last.coverage > first.coverage ? 'rose' : last.coverage < first.coverage ? 'fell' : 'stayed';
  return `Over ${points.length} ${unit}s, from ${formatDate(first.periodStart)} to ${formatDate(last.periodStart)}, coverage ${direction} ${direction === 'stayed' ? 'at' : 'from ' + formatPercent(first.coverage) + ' to'} ${formatPercent(last.coverage)}, and un-understood lines went from ${formatCount(first.unexplainedAiLines)} to ${formatCount(last.unexplainedAiLines)} (of ${formatCount(last.lines)} lines).`;
}

class ChartBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    if (this.state.failed)
      return (
        <p className="chart-fallback">The chart could not be drawn here; the table below has its numbers.</p>
      );
    return this.props.children;
  }
}

/**
 * Coverage and un-understood lines per sprint (or week), drawn by uPlot. The canvas is decorative for
 * assistive technology: the summary sentence and the table say the same.
 */
export function TrendChart({ points, period }: { points: readonly TrendPoint[]; period: Period }) {
  const summary = trendSummary(points, period);
  if (points.length < 2) {
    return (
      <div className="stack-small">
        <p className="empty" data-testid="trend-empty">
          Not enough history yet: the trend needs measurements from at least two{' '}
          {period === 'sprint' ? 'sprints' : 'weeks'}. Run <code>recital comprehension</code> again next{' '}
          {period}.
        </p>
        {points.length === 1 && <p className="muted">{summary}</p>}
      </div>
    );
  }
  return (
    <figure className="chart cmp-trend">
      <div className="cmp-trend-plot" role="img" aria-label={`Comprehension trend. ${summary}`}>
        <ChartBoundary>
          <Suspense fallback={<p className="chart-fallback">Drawing the chart…</p>}>
            <TrendCanvas points={points} />
          </Suspense>
        </ChartBoundary>
      </div>
      <figcaption className="chart-caption">
        <ul className="burnup-legend" aria-label="Legend">
          <li>
            <span className="line-swatch cmp-line-coverage" aria-hidden="true" /> Coverage (left axis), solid
          </li>
          <li>
            <span className="line-swatch cmp-line-unexplained" aria-hidden="true" /> Un-understood lines
            (right axis), dashed
          </li>
        </ul>
        <p className="chart-summary" data-testid="trend-summary">
          {summary}
        </p>
      </figcaption>
      <details className="cmp-table-details">
        <summary>Trend as a table</summary>
        <div className="cmp-table-scroll" role="region" aria-label="Trend per period" tabIndex={0}>
          <table className="cmp-table">
            <caption>Comprehension per {period}</caption>
            <thead>
              <tr>
                <th scope="col">{period === 'sprint' ? 'Sprint' : 'Week'}</th>
                <th scope="col" className="cmp-num">
                  Coverage
                </th>
                <th scope="col" className="cmp-num">
                  Un-understood
                </th>
                <th scope="col" className="cmp-num">
                  AI lines
                </th>
                <th scope="col" className="cmp-num">
                  Lines
                </th>
                <th scope="col" className="cmp-num">
                  Bus factor
                </th>
              </tr>
            </thead>
            <tbody>
              {points.map((point) => (
                <tr key={point.periodStart}>
                  <th scope="row">{periodName(period, point.periodStart)}</th>
                  <td className="cmp-num">{formatPercent(point.coverage)}</td>
                  <td className="cmp-num">{formatCount(point.unexplainedAiLines)}</td>
                  <td className="cmp-num">{formatCount(point.aiLines)}</td>
                  <td className="cmp-num">{formatCount(point.lines)}</td>
                  <td className="cmp-num">{point.busFactor}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
