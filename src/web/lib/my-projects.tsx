import { createContext, use, useCallback, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useMatch } from 'react-router';
import type { WitnessedProjectSchema } from '../../contracts/cohort.contract.js';
import type { Project } from '../../contracts/projects.contract.js';
import type { Workspace } from '../../contracts/workspaces.contract.js';
import type { z } from 'zod';
import { useLiveEvents } from './live.js';
import { useApi, useUser } from './session.js';
import { useQuery } from './use-query.js';
import { useWorkspaces } from './workspaces.js';

export type WitnessedProject = z.infer<typeof WitnessedProjectSchema>;
export interface KnownProject extends Project {
  workspace: Workspace;
}

interface MyProjectsContextValue {
  /** Every project in the person's workspaces, newest first; undefined while loading. */
  projects: KnownProject[] | undefined;
  projectsError: unknown;
  /** Projects whose builder the person witnesses (or backs up). */
  witnessed: WitnessedProject[] | undefined;
  /** Submissions waiting for the person's review. */
  waitingReviews: number | undefined;
  reload(): void;
}

const MyProjectsContext = createContext<MyProjectsContextValue | null>(null);

function rememberKey(userId: string): string {
  return `recital.project.${userId}`;
}

function readRemembered(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function remember(key: string, projectId: string): void {
  try {
    localStorage.setItem(key, projectId);
  } catch {
    // storage can be disabled; the current project then follows the URL only
  }
}

/**
 * The projects the navigation and the home page need: every project of the person's workspaces, the
 * builders they witness and their review queue. Witnessing and reviews follow live events; a project
 * in the URL that is not known yet (just created) makes the lists load again.
 */
export function MyProjectsProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const user = useUser();
  const { workspaces, reload: reloadWorkspaces } = useWorkspaces();
  const workspaceKey = workspaces?.map((workspace) => workspace.id).join(',');

  // Endpoints are imported when first called, so their schemas stay out of the first page's bundle.
  const projects = useQuery(`my-projects:${user.id}:${workspaceKey ?? ''}`, async () => {
    if (!workspaces) return undefined;
    const { listProjects } = await import('../../contracts/projects.contract.js');
    const answers = await Promise.allSettled(
      workspaces.map((workspace) => api.call(listProjects, { params: { workspaceId: workspace.id } })),
    );
    // One workspace failing (left a moment ago) should not hide the others.
    if (answers.length > 0 && answers.every((answer) => answer.status === 'rejected'))
      throw (answers[0] as PromiseRejectedResult).reason;
    return answers
      .flatMap((answer, i) =>
        answer.status === 'fulfilled'
          ? answer.value.projects.map((project) => ({ ...project, workspace: workspaces[i]! }))
          : [],
      )
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  });
  const witnessed = useQuery(`witnessing:${user.id}`, async () => {
    const { listWitnessed } = await import('../../contracts/cohort.contract.js');
    return api.call(listWitnessed, {});
  });
  const reviews = useQuery(`reviews:${user.id}`, async () => {
    const { listReviews } = await import('../../contracts/checkpoints.contract.js');
    return api.call(listReviews, {});
  });

  const { reload: reloadProjects } = projects;
  const { reload: reloadWitnessed } = witnessed;
  const { reload: reloadReviews } = reviews;
  const reload = useCallback(() => {
    reloadWorkspaces();
    reloadProjects();
    reloadWitnessed();
    reloadReviews();
  }, [reloadWorkspaces, reloadProjects, reloadWitnessed, reloadReviews]);

  useLiveEvents((event) => {
    if (event.kind.startsWith('contract.') || event.kind.startsWith('checkpoint.')) {
      reloadWitnessed();
      reloadReviews();
    }
  });

  // A project in the URL that none of the lists knows was probably just created: look again, once.
  const match = useMatch('/projects/:projectId/*');
  const urlProjectId = match?.params.projectId;
  const tried = useRef(new Set<string>());
  const known = projects.data;
  useEffect(() => {
    if (!urlProjectId || !known || projects.loading) return;
    if (known.some((project) => project.id === urlProjectId) || tried.current.has(urlProjectId)) return;
    tried.current.add(urlProjectId);
    reloadWorkspaces();
    reloadProjects();
  }, [urlProjectId, known, projects.loading, reloadWorkspaces, reloadProjects]);

  const value = useMemo(
    () => ({
      projects: projects.data,
      projectsError: projects.error,
      witnessed: witnessed.data?.projects,
      waitingReviews: reviews.data?.items.length,
      reload,
    }),
    [projects.data, projects.error, witnessed.data, reviews.data, reload],
  );
  return <MyProjectsContext value={value}>{children}</MyProjectsContext>;
}

export function useMyProjects(): MyProjectsContextValue {
  const value = use(MyProjectsContext);
  if (!value) throw new Error('useMyProjects must be used inside <MyProjectsProvider>.');
  return value;
}

export interface CurrentProject {
  id: string;
  /** Undefined while the project lists load (or for a project outside them). */
  name: string | undefined;
}

/**
 * The project the navigation offers Today, Plan and Contract for: the one in the URL; else the last
 * one opened on this device; else the newest the person builds; else the newest they witness.
 */
export function useCurrentProject(): CurrentProject | null {
  const user = useUser();
  const { projects, witnessed } = useMyProjects();
  const match = useMatch('/projects/:projectId/*');
  const urlProjectId = match?.params.projectId;
  const key = rememberKey(user.id);

  useEffect(() => {
    if (urlProjectId) remember(key, urlProjectId);
  }, [key, urlProjectId]);

  const byId = (id: string | null | undefined) => (id ? projects?.find((p) => p.id === id) : undefined);
  if (urlProjectId) return { id: urlProjectId, name: byId(urlProjectId)?.name };
  const chosen =
    byId(readRemembered(key)) ??
    projects?.find((project) => project.builderId === user.id) ??
    byId(witnessed?.[0]?.projectId);
  if (chosen) return { id: chosen.id, name: chosen.name };
  const first = witnessed?.[0];
  return first ? { id: first.projectId, name: first.projectName } : null;
}
