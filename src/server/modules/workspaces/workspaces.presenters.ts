import type { Member, Workspace } from '../../../contracts/workspaces.contract.js';
import type { Role } from '../../../core/access/roles.js';
import type { WorkspaceRow } from './workspaces.repository.js';

export function presentWorkspace(row: WorkspaceRow, myRoles: Role[]): Workspace {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    kind: row.kind,
    whyMode: row.why_mode,
    atRiskBelow: row.at_risk_below,
    createdAt: row.created_at,
    myRoles,
  };
}

export function presentMember(row: {
  id: string;
  display_name: string;
  email: string;
  time_zone: string;
  created_at: string;
  roles: Role[];
}): Member {
  return {
    userId: row.id,
    displayName: row.display_name,
    email: row.email,
    timeZone: row.time_zone,
    roles: row.roles,
    joinedAt: row.created_at,
  };
}
