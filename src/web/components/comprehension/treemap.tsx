import { useId, useMemo, useRef, type KeyboardEvent, type Ref } from 'react';
import { useElementWidth } from '../charts/use-width.js';
import { coverageColor, inkOn } from './coverage-scale.js';
import { coverageOf, formatCount, formatPercent, peopleText, plural, type TreeNode } from './tree-model.js';
import { nestedTreemap, type NestedCell } from './treemap-layout.js';

const HEADER = 18;
const PADDING = 2;
/** Roughly the width of one character of the 12 px labels, to decide what fits. */
const CHAR = 6.8;

function heightFor(width: number): number {
  return width < 480 ? Math.round(width * 1.15) : Math.round(Math.min(560, width * 0.58));
}

/** Everything a cell says, for its accessible name and its tooltip. */
export function describeNode(node: TreeNode): string {
  const what = node.kind === 'directory' ? `directory of ${plural(node.files, 'file')}` : 'file';
  const unexplained =
    node.unexplainedAiLines > 0
      ? `${formatCount(node.unexplainedAiLines)} un-understood`
      : 'no un-understood lines';
  return `${node.path || 'the whole repository'}, ${what}: ${plural(node.value, 'line')}, ${formatCount(node.aiLines)} AI, ${unexplained}; ${formatPercent(coverageOf(node))} understood, by ${peopleText(node.understoodBy)}.`;
}

/** The label that fits in `width` px: the whole text, or its start with an ellipsis, or nothing. */
function fit(text: string, width: number): string | null {
  const room = Math.floor((width - 8) / CHAR);
  if (room >= text.length) return text;
  if (room < 4) return null;
  return `${text.slice(0, room - 1)}…`;
}

interface CellProps {
  cell: NestedCell<TreeNode>;
  hatch: string;
  /** Whether the cell's children are drawn inside it (then its label goes in the header strip). */
  opened: boolean;
}

function CellShape({ cell, hatch, opened }: CellProps) {
  const { node, x, y, width, height } = cell;
  const fill = coverageColor(coverageOf(node));
  const ink = inkOn(fill);
  const percent = formatPercent(coverageOf(node));
  const full = node.name + (node.kind === 'directory' ? '/' : '');
  // An opened directory's strip is one line: its name and, when there is room, its percentage.
  const withPercent = `${full} · ${percent}`;
  const name = opened && fit(withPercent, width) === withPercent ? withPercent : fit(full, width);
  const showPercent = !opened && height >= 34 && width >= 40;
  const labelY = opened ? y + 13 : y + 15;
  const halo = {
    stroke: fill,
    strokeWidth: 3,
    paintOrder: 'stroke' as const,
    strokeLinejoin: 'round' as const,
  };
  return (
    <>
      <rect x={x} y={y} width={width} height={height} fill={fill} className="tm-rect" />
      {node.unexplainedAiLines > 0 && !opened && (
        <rect x={x} y={y} width={width} height={height} fill={`url(#${hatch})`} className="tm-hatch" />
      )}
      {name && height >= 16 && (
        <text x={x + 4} y={labelY} fill={ink} className="tm-label" {...halo}>
          {name}
        </text>
      )}
      {showPercent && (
        <text x={x + 4} y={y + 30} fill={ink} className="tm-percent" {...halo}>
          {percent}
        </text>
      )}
    </>
  );
}

interface TreemapProps {
  /** The directory shown: its children are the cells. */
  node: TreeNode;
  /** Levels drawn below each cell, for context. */
  depth?: number;
  label: string;
  onOpen(node: TreeNode): void;
  onSelect(node: TreeNode): void;
  onUp(): void;
  svgRef?: Ref<SVGSVGElement>;
}

/**
 * The treemap of one directory as SVG: area is lines, colour is coverage, hatching marks un-understood
 * lines. Each child is a focusable cell (Tab) whose name says everything the tooltip does; Enter or a
 * click opens a directory, Escape goes up. Deeper levels are drawn inside for context only.
 */
export function Treemap({ node, depth = 3, label, onOpen, onSelect, onUp, svgRef }: TreemapProps) {
  const container = useRef<HTMLDivElement>(null);
  const width = useElementWidth(container);
  const height = heightFor(width);
  const id = useId().replace(/:/g, '');
  const hatch = `${id}-hatch`;

  const groups = useMemo(() => {
    if (width <= 0) return [];
    const cells = nestedTreemap(
      node,
      { x: 0, y: 0, width, height },
      { depth, padding: PADDING, header: HEADER, minInner: 24 },
    );
    // The layout lists each top cell before everything inside it: cut the list into one group per top cell.
    const result: { top: NestedCell<TreeNode>; inner: NestedCell<TreeNode>[] }[] = [];
    for (const cell of cells) {
      if (cell.depth === 1) result.push({ top: cell, inner: [] });
      // Slivers under 2 px add elements without adding anything to see.
      else if (cell.width >= 2 && cell.height >= 2) result.at(-1)?.inner.push(cell);
    }
    return result;
  }, [node, width, height, depth]);

  const onKeyDown = (event: KeyboardEvent, target: TreeNode) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      if (target.kind === 'directory') onOpen(target);
      else onSelect(target);
    } else if (event.key === 'Escape' || event.key === 'Backspace') {
      if (node.path === '') return;
      event.preventDefault();
      onUp();
    }
  };

  const drawn = new Set(groups.flatMap((group) => [group.top.node, ...group.inner.map((c) => c.node)]));
  const opened = (cell: NestedCell<TreeNode>) => cell.node.children.some((child) => drawn.has(child));

  return (
    <div ref={container} className="tm-box">
      {width > 0 && (
        <svg
          ref={svgRef}
          className="tm-svg"
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          role="group"
          aria-label={label}
        >
          <defs>
            <pattern
              id={hatch}
              width="7"
              height="7"
              patternUnits="userSpaceOnUse"
              patternTransform="rotate(45)"
            >
              <rect width="2.5" height="7" fill="rgb(0 0 0 / 34%)" />
            </pattern>
          </defs>
          {groups.map(({ top, inner }) => (
            <g
              key={top.node.path}
              className={top.node.kind === 'directory' ? 'tm-cell tm-directory' : 'tm-cell tm-file'}
              data-path={top.node.path}
              tabIndex={0}
              role="button"
              aria-label={
                describeNode(top.node) + (top.node.kind === 'directory' ? ' Press Enter to open it.' : '')
              }
              onFocus={() => onSelect(top.node)}
              onClick={() => (top.node.kind === 'directory' ? onOpen(top.node) : onSelect(top.node))}
              onKeyDown={(event) => onKeyDown(event, top.node)}
            >
              <title>{describeNode(top.node)}</title>
              <CellShape cell={top} hatch={hatch} opened={opened(top)} />
              {inner.map((cell) => (
                <g key={cell.node.path} className="tm-inner">
                  <title>{describeNode(cell.node)}</title>
                  <CellShape cell={cell} hatch={hatch} opened={opened(cell)} />
                </g>
              ))}
              <rect
                className="tm-focus"
                x={top.x + 1.5}
                y={top.y + 1.5}
                width={Math.max(0, top.width - 3)}
                height={Math.max(0, top.height - 3)}
              />
            </g>
          ))}
        </svg>
      )}
    </div>
  );
}
