import type { Table } from 'mdast';
import { MAX_ESTIMATE_MINUTES, parseEstimate } from '../estimates.js';
import { lineOf, textOf } from '../markdown-tree.js';
import type { EstimateMinutes, Priority, TaskStatus } from '../plan.model.js';
import { blankTask } from '../plan.model.js';
import type { Placement, ReadState } from './draft.js';
import { statusFromEmoji, statusFromWords } from './status.js';

type Role = 'id' | 'title' | 'status' | 'estimate' | 'priority' | 'depends';

const ROLES: ReadonlyArray<readonly [Role, RegExp]> = [
  ['id', /^(?:id|#|key|№|no\.?|номер|번호|编号)$/iu],
  [
    'depends',
    /^(?:depends|depends on|dependencies|deps|blocked by|зависит|зависимости|선행|의존|依赖|前置)/iu,
  ],
  ['status', /^(?:status|state|done|статус|состояние|상태|状态|狀態|ステータス)/iu],
  [
    'estimate',
    /^(?:estimate|est\.?|effort|hours|time|duration|оценка|часы|время|трудоёмкость|예상|공수|预计|工时|見積)/iu,
  ],
  ['priority', /^(?:priority|prio|приоритет|우선순위|优先级|優先度)/iu],
  [
    'title',
    /^(?:task|tasks|title|name|item|todo|to-do|feature|story|deliverable|work|требование|задача|название|работа|할 ?일|작업|任务|任務|タスク)/iu,
  ],
];

function rolesOf(header: string[]): Map<Role, number> {
  const roles = new Map<Role, number>();
  header.forEach((cell, index) => {
    const role = ROLES.find(([, pattern]) => pattern.test(cell.trim()))?.[0];
    if (role && !roles.has(role)) roles.set(role, index);
  });
  return roles;
}

function priorityOf(text: string): Priority | null {
  const value = text.trim().toLowerCase();
  if (/^(?:p[01]|high|critical|urgent|высокий|критичный|높음|高)/iu.test(value)) return 'high';
  if (/^(?:p2|medium|normal|средний|보통|中)/iu.test(value)) return 'medium';
  if (/^(?:p[3-9]|low|minor|низкий|낮음|低)/iu.test(value)) return 'low';
  return null;
}

function statusOf(cell: string, state: ReadState, line: number): TaskStatus {
  if (cell.trim() === '') return 'todo';
  const status = statusFromEmoji(cell, state.legend)?.status ?? statusFromWords(cell);
  if (status) return status;
  state.warnings.push({ line, message: `Unknown status "${cell}" in the table; read as todo.` });
  return 'todo';
}

function tableEstimate(text: string, state: ReadState, line: number): EstimateMinutes | null {
  if (text.trim() === '') return null;
  if (/^\d+(?:[.,]\d+)?$/u.test(text.trim())) {
    const minutes = Math.round(Number(text.replace(',', '.')) * 60);
    state.warnings.push({ line, message: `Estimate "${text}" has no unit; read as hours.` });
    return minutes > 0 && minutes <= MAX_ESTIMATE_MINUTES ? minutes : null;
  }
  const found = parseEstimate(text);
  if (!found) state.warnings.push({ line, message: `Could not read estimate "${text}"; ignored.` });
  return found?.estimate ?? null;
}

/**
 * A table is a backlog when one header names the work (Task, Title, Требование…): each row is a
 * task, with ID, Status, Estimate, Priority and Depends columns read when present. Other tables
 * (payments, metrics, documents) are facts and are left alone.
 */
export function readTable(table: Table, at: Placement, state: ReadState): void {
  const [header, ...rows] = table.children;
  if (!header || at.phase?.reference) return;
  const roles = rolesOf(header.children.map((cell) => textOf(cell)));
  const titleAt = roles.get('title');
  if (titleAt === undefined) return;
  for (const row of rows) {
    const cells = row.children.map((cell) => textOf(cell));
    const cell = (role: Role): string => {
      const index = roles.get(role);
      return index === undefined ? '' : (cells[index] ?? '');
    };
    const title = cell('title');
    if (title === '') continue;
    const line = lineOf(row);
    const sourceId = cell('id') || null;
    const n = state.positions.next(at.phase?.id ?? '');
    const wanted = sourceId ?? (at.phase ? `${at.phase.id}.t${n}` : `t${n}`);
    const estimate = tableEstimate(cell('estimate'), state, line);
    const task = blankTask({
      id: state.taskIds.claim(wanted),
      title,
      source: { line },
      sourceId,
      phase: at.phase?.id ?? null,
      status: statusOf(cell('status'), state, line),
      priority: priorityOf(cell('priority')),
      estimateMinutes: estimate,
    });
    const refs = cell('depends')
      .split(/\s*[,;]\s*/u)
      .filter((ref) => ref !== '' && !/^(?:none|-|—|нет)$/iu.test(ref));
    state.tasks.push({ task, dependencyRefs: refs });
  }
}
