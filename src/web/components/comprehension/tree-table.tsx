import { useState, type Ref } from 'react';
import { coverageOf, formatCount, formatPercent, peopleText, type TreeNode } from './tree-model.js';

type Key = 'path' | 'lines' | 'aiLines' | 'unexplained' | 'coverage';
type Direction = 'ascending' | 'descending';

const COLUMNS: { key: Key; label: string; numeric: boolean }[] = [
  { key: 'path', label: 'Path', numeric: false },
  { key: 'lines', label: 'Lines', numeric: true },
  { key: 'aiLines', label: 'AI lines', numeric: true },
  { key: 'unexplained', label: 'Un-understood', numeric: true },
  { key: 'coverage', label: 'Coverage', numeric: true },
];

const VALUE: Record<Key, (node: TreeNode) => number | string> = {
  path: (node) => node.path,
  lines: (node) => node.value,
  aiLines: (node) => node.aiLines,
  unexplained: (node) => node.unexplainedAiLines,
  coverage: (node) => coverageOf(node),
};

function sorted(nodes: readonly TreeNode[], key: Key, direction: Direction): TreeNode[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...nodes].sort((a, b) => {
    const left = VALUE[key](a);
    const right = VALUE[key](b);
    const order = left < right ? -1 : left > right ? 1 : 0;
    return sign * order || (a.path < b.path ? -1 : 1);
  });
}

/**
 * The treemap's level as a table, the chart's text alternative: one row per directory or file, sortable
 * by any column (a button in each header, its state in `aria-sort`). A directory's name opens it.
 */
export function TreeTable({
  node,
  caption,
  onOpen,
  ref,
}: {
  node: TreeNode;
  caption: string;
  onOpen(node: TreeNode): void;
  /** The scrolling region, focusable: where focus goes when a directory is opened from the table. */
  ref?: Ref<HTMLDivElement>;
}) {
  const [sort, setSort] = useState<{ key: Key; direction: Direction }>({
    key: 'lines',
    direction: 'descending',
  });
  const rows = sorted(node.children, sort.key, sort.direction);

  const toggle = (key: Key) =>
    setSort((current) =>
      current.key === key
        ? { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
        : { key, direction: key === 'path' ? 'ascending' : 'descending' },
    );

  return (
    <div ref={ref} className="cmp-table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="cmp-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {COLUMNS.map((column) => (
              <th
                key={column.key}
                scope="col"
                aria-sort={sort.key === column.key ? sort.direction : undefined}
                className={column.numeric ? 'cmp-num' : undefined}
              >
                <button type="button" className="cmp-sort" onClick={() => toggle(column.key)}>
                  {column.label}
                  <span className="cmp-sort-mark" aria-hidden="true">
                    {sort.key === column.key ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
                  </span>
                </button>
              </th>
            ))}
            <th scope="col">Understood by</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.path}>
              <th scope="row" className="cmp-path">
                {row.kind === 'directory' ? (
                  <button
                    type="button"
                    className="cmp-link"
                    onClick={() => onOpen(row)}
                    aria-label={`Open ${row.path}/`}
                  >
                    {row.path}/
                  </button>
                ) : (
                  row.path
                )}
              </th>
              <td className="cmp-num">{formatCount(row.value)}</td>
              <td className="cmp-num">{formatCount(row.aiLines)}</td>
              <td className="cmp-num">
                {row.unexplainedAiLines > 0 ? <strong>{formatCount(row.unexplainedAiLines)}</strong> : 0}
              </td>
              <td className="cmp-num">{formatPercent(coverageOf(row))}</td>
              <td className={row.understoodBy.length === 0 ? 'cmp-nobody' : undefined}>
                {peopleText(row.understoodBy)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
