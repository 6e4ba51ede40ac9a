import type { User } from '../../../contracts/auth.contract.js';
import type { UserRow } from './users.repository.js';

export function presentUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    timeZone: row.time_zone,
    instanceRole: row.instance_role,
    createdAt: row.created_at,
  };
}
