import { createContext, use, useCallback, useMemo, useState, type ReactNode } from 'react';
import { listWorkspaces, type Workspace } from '../../contracts/workspaces.contract.js';
import { useApi, useUser } from './session.js';
import { useQuery } from './use-query.js';

interface WorkspacesContextValue {
  workspaces: Workspace[] | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
  /** The current workspace: the last one chosen on this device, else the first. */
  selected: Workspace | undefined;
  select(workspaceId: string): void;
}

const WorkspacesContext = createContext<WorkspacesContextValue | null>(null);

function storageKey(userId: string): string {
  return `recital.workspace.${userId}`;
}

function readStored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null; // storage can be disabled; the choice then lasts for this page only
  }
}

function writeStored(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // see readStored
  }
}

/** The signed-in user's workspaces, shared by the header switcher and the pages. */
export function WorkspacesProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const user = useUser();
  const key = storageKey(user.id);
  const query = useQuery(`workspaces:${user.id}`, () => api.call(listWorkspaces, {}));
  const [chosen, setChosen] = useState(() => readStored(key));

  const select = useCallback(
    (workspaceId: string) => {
      writeStored(key, workspaceId);
      setChosen(workspaceId);
    },
    [key],
  );

  const workspaces = query.data?.workspaces;
  const selected = workspaces?.find((workspace) => workspace.id === chosen) ?? workspaces?.[0];
  const value = useMemo(
    () => ({
      workspaces,
      error: query.error,
      loading: query.loading,
      reload: query.reload,
      selected,
      select,
    }),
    [workspaces, query.error, query.loading, query.reload, selected, select],
  );
  return <WorkspacesContext value={value}>{children}</WorkspacesContext>;
}

export function useWorkspaces(): WorkspacesContextValue {
  const value = use(WorkspacesContext);
  if (!value) throw new Error('useWorkspaces must be used inside <WorkspacesProvider>.');
  return value;
}
