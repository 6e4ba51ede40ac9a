import { importKiro, looksLikeKiro } from './kiro/kiro.importer.js';
import { importGsdRoadmap, looksLikeGsdRoadmap } from './markdown/gsd.importer.js';
import { placedEstimate } from './markdown/item-text.js';
import { importMarkdownPlan } from './markdown/markdown.importer.js';
import { checkPlan } from './plan-checks.js';
import { type ImportedPlan, type Importer, type PlanFormat, PlanImportError } from './plan.model.js';
import { importSpecKit, looksLikeSpecKit } from './speckit/speckit.importer.js';
import { importTaskMaster, looksLikeTaskMaster } from './taskmaster/taskmaster.importer.js';

const IMPORTERS: Record<PlanFormat, Importer> = {
  markdown: importMarkdownPlan,
  taskmaster: importTaskMaster,
  speckit: importSpecKit,
  kiro: importKiro,
  gsd: importGsdRoadmap,
};

/** Refuse what is not text before any parser sees it. */
function assertPlanText(text: string): void {
  if (text.trim().length === 0) {
    throw new PlanImportError(
      'The plan is empty.',
      { line: null },
      'Paste or upload a plan: a Markdown roadmap, Task Master tasks.json, or a spec-kit or Kiro tasks.md.',
    );
  }
  const nul = text.indexOf('\u0000');
  const sample = text.slice(0, 8192);
  const replacement = (sample.match(/\uFFFD/g) ?? []).length;
  // eslint-disable-next-line no-control-regex -- counting control characters is the point
  const control = (sample.match(/[\u0001-\u0008\u000E-\u001F]/g) ?? []).length;
  if (nul !== -1 || replacement > 8 || control > sample.length / 100 + 4) {
    const line = nul === -1 ? null : text.slice(0, nul).split('\n').length;
    throw new PlanImportError(
      'This is a binary file, not a plan.',
      { line },
      'Export the plan as Markdown (.md) or JSON (tasks.json) text and import that.',
    );
  }
}

/**
 * Which format a text is in: JSON → Task Master; T001-style tasks → spec-kit; numbered
 * checkbox tasks with `_Requirements:` → Kiro; GSD roadmaps; anything else Markdown.
 */
export function detectFormat(text: string, fileName?: string): PlanFormat {
  const trimmed = text.trimStart();
  if (fileName?.toLowerCase().endsWith('.json') || trimmed.startsWith('{') || trimmed.startsWith('['))
    return 'taskmaster';
  if (looksLikeTaskMaster(text)) return 'taskmaster';
  if (looksLikeSpecKit(text)) return 'speckit';
  if (looksLikeKiro(text)) return 'kiro';
  if (looksLikeGsdRoadmap(text)) return 'gsd';
  return 'markdown';
}

/**
 * Import a plan in any supported format: detect (or take) the format, parse it, and check the
 * result the same way for every format. Throws PlanImportError with a location and a hint when
 * the text cannot be used as a plan; everything it had to assume is in `warnings`.
 *
 * @example importPlan({ text: '- [ ] Write the landing page (2h)' }).tasks[0]?.estimateMinutes // 120
 */
export function importPlan(input: { text: string; fileName?: string; format?: PlanFormat }): ImportedPlan {
  assertPlanText(input.text);
  const format = input.format ?? detectFormat(input.text, input.fileName);
  const importer = IMPORTERS[format];
  const plan = importer({ text: input.text, ...(input.fileName ? { fileName: input.fileName } : {}) });
  return checkPlan(format === 'speckit' || format === 'kiro' ? estimatesFromTitles(plan) : plan);
}

/**
 * spec-kit and Kiro have no estimate field, but people add one the Markdown way ("T004 Write the
 * API (3h)"): read it where it is placed, and take it out of the title.
 */
function estimatesFromTitles(plan: ImportedPlan): ImportedPlan {
  const tasks = plan.tasks.map((task) => {
    if (task.estimateMinutes !== null) return task;
    const { estimate, rest } = placedEstimate(task.title);
    return estimate === null
      ? task
      : { ...task, estimateMinutes: estimate, title: rest.replace(/\s+/g, ' ').trim() };
  });
  return { ...plan, tasks };
}
