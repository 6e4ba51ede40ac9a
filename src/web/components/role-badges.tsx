import type { Role } from '../../contracts/workspaces.contract.js';
import { capitalize } from '../lib/format.js';

export function RoleBadges({ roles }: { roles: readonly Role[] }) {
  return (
    <span className="badges">
      {roles.map((role) => (
        <span key={role} className={`badge badge-${role}`}>
          {capitalize(role)}
        </span>
      ))}
    </span>
  );
}
