/** What a member does in a workspace. A member may hold several (a solo builder organizes their own space). */
export const ROLES = ['organizer', 'witness', 'builder'] as const;
export type Role = (typeof ROLES)[number];

export const WORKSPACE_KINDS = ['solo', 'cohort', 'team'] as const;
export type WorkspaceKind = (typeof WORKSPACE_KINDS)[number];

/** The roles the creator of a workspace starts with. */
export function creatorRoles(kind: WorkspaceKind): Role[] {
  return kind === 'solo' ? ['organizer', 'builder'] : ['organizer'];
}
