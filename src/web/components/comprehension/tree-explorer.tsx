import { useEffect, useMemo, useRef, useState } from 'react';
import { legendStops } from './coverage-scale.js';
import { TreeTable } from './tree-table.js';
import { Treemap } from './treemap.js';
import {
  coverageOf,
  formatCount,
  formatPercent,
  pathTo,
  peopleText,
  plural,
  type TreeNode,
} from './tree-model.js';
import type { ReviewedSinceByPath } from './reviewed-since.js';
import { WalkthroughAction } from './walkthrough.js';

function Legend() {
  return (
    <ul className="cmp-legend" aria-label="Legend">
      <li className="cmp-legend-scale">
        <span>Coverage:</span>
        {legendStops().map(([share, color]) => (
          <span key={share} className="cmp-swatch-step">
            <span className="cmp-swatch" style={{ background: color }} aria-hidden="true" />
            {formatPercent(share)}
          </span>
        ))}
      </li>
      <li>
        <span className="cmp-swatch cmp-swatch-hatch" aria-hidden="true" /> Hatched: has un-understood AI
        lines
      </li>
      <li>Area: lines</li>
    </ul>
  );
}

function Details({
  node,
  repositoryId,
  canRecord,
  reviewed,
  onRecorded,
}: {
  node: TreeNode;
  repositoryId: string;
  canRecord: boolean;
  reviewed: ReviewedSinceByPath;
  onRecorded(path: string, commits: number): void;
}) {
  const shas = node.file?.unexplainedShas ?? [];
  return (
    <div className="cmp-details" data-testid="treemap-details">
      <h4 className="cmp-details-path">
        <span className="visually-hidden">Selected: </span>
        {node.path ? `${node.path}${node.kind === 'directory' ? '/' : ''}` : 'The whole repository'}
      </h4>
      <dl className="cmp-details-list">
        <div>
          <dt>Lines</dt>
          <dd>
            {formatCount(node.value)}
            {node.kind === 'directory' && ` in ${plural(node.files, 'file')}`}
          </dd>
        </div>
        <div>
          <dt>AI lines</dt>
          <dd>{formatCount(node.aiLines)}</dd>
        </div>
        <div>
          <dt>Un-understood</dt>
          <dd>{formatCount(node.unexplainedAiLines)}</dd>
        </div>
        <div>
          <dt>Coverage</dt>
          <dd>{formatPercent(coverageOf(node))}</dd>
        </div>
        <div className="cmp-details-wide">
          <dt>Understood by</dt>
          <dd className={node.understoodBy.length === 0 ? 'cmp-nobody' : undefined}>
            {peopleText(node.understoodBy, 6)}
          </dd>
        </div>
      </dl>
      {node.kind === 'file' && (
        <WalkthroughAction
          key={node.path}
          target={{ repositoryId, path: node.path, unexplainedAiLines: node.unexplainedAiLines, shas }}
          canRecord={canRecord}
          reviewed={reviewed[node.path]}
          onRecorded={onRecorded}
        />
      )}
    </div>
  );
}

/**
 * The tree of one snapshot: a breadcrumb, the treemap of the open directory with the details of the
 * focused cell, and the same level as a sortable table.
 */
export function TreeExplorer({
  root,
  repositoryId,
  repositoryName,
  canRecord,
  reviewed,
  onRecorded,
}: {
  root: TreeNode;
  repositoryId: string;
  repositoryName: string;
  canRecord: boolean;
  reviewed: ReviewedSinceByPath;
  onRecorded(path: string, commits: number): void;
}) {
  const [openPath, setOpenPath] = useState('');
  const [selectedPath, setSelectedPath] = useState<string | null>(null);
  const svg = useRef<SVGSVGElement>(null);
  /** The cell to focus once the new level is drawn: a path, or the first cell. */
  const pendingFocus = useRef<string | null>(null);

  const trail = useMemo(() => pathTo(root, openPath), [root, openPath]);
  const open = trail.at(-1)!;
  const selected = useMemo(() => {
    if (selectedPath === null) return open;
    return open.children.find((child) => child.path === selectedPath) ?? open;
  }, [open, selectedPath]);

  const table = useRef<HTMLDivElement>(null);
  const go = (node: TreeNode, focus: string | null) => {
    pendingFocus.current = focus;
    if (focus === null) table.current?.focus();
    setOpenPath(node.path);
    setSelectedPath(null);
  };
  const goUp = () => {
    const parent = trail.at(-2);
    if (parent) go(parent, open.path);
  };

  useEffect(() => {
    const focus = pendingFocus.current;
    const element = svg.current;
    if (focus === null || !element) return;
    const cells = [...element.querySelectorAll<SVGGElement>('.tm-cell')];
    const target = cells.find((cell) => cell.dataset.path === focus) ?? cells[0];
    if (!target) return;
    pendingFocus.current = null;
    target.focus();
  });

  const name = (node: TreeNode) => (node.path === '' ? repositoryName : `${node.name}/`);
  const where = open.path === '' ? repositoryName : `${open.path}/`;

  return (
    <div className="cmp-explorer stack-small">
      <nav aria-label={`Location in ${repositoryName}`} className="cmp-breadcrumb">
        <ol>
          {trail.map((node, index) => {
            const last = index === trail.length - 1;
            return (
              <li key={node.path}>
                {last ? (
                  <span aria-current="location">{name(node)}</span>
                ) : (
                  <button type="button" className="cmp-link" onClick={() => go(node, trail[index + 1]!.path)}>
                    {name(node)}
                  </button>
                )}
              </li>
            );
          })}
        </ol>
      </nav>
      <p className="muted cmp-help">
        Tab to a cell for its details; Enter or a click opens a directory; Escape goes back up.
      </p>
      <div className="cmp-map">
        {open.children.length === 0 ? (
          <p className="empty">No files here.</p>
        ) : (
          <Treemap
            node={open}
            label={`Treemap of ${where}: ${plural(open.children.length, 'entry', 'entries')}`}
            svgRef={svg}
            onOpen={(node) => go(node, '')}
            onSelect={(node) => setSelectedPath(node.path)}
            onUp={goUp}
          />
        )}
        <Details
          node={selected}
          repositoryId={repositoryId}
          canRecord={canRecord}
          reviewed={reviewed}
          onRecorded={onRecorded}
        />
      </div>
      <Legend />
      <details className="cmp-table-details">
        <summary>Table of {where}</summary>
        <TreeTable
          node={open}
          caption={`${where}: ${plural(open.children.length, 'entry', 'entries')}`}
          onOpen={(node) => go(node, null)}
          ref={table}
        />
      </details>
    </div>
  );
}
