import { admin } from '../access/rules';
import { createUnit } from '../operations/admin/create-unit';
import { createUser } from '../operations/admin/create-user';
import { listUnits } from '../operations/admin/list-units';
import { listUsers } from '../operations/admin/list-users';
import { setDisabled } from '../operations/admin/set-disabled';
import { setRoles } from '../operations/admin/set-roles';
import { updateUnit } from '../operations/admin/update-unit';
import { createRouter, guarded } from '../trpc';
import {
  createUnitInput,
  createUserInput,
  listUnitsInput,
  listUsersInput,
  setDisabledInput,
  setRolesInput,
  updateUnitInput,
} from './admin.schema';

/** Accounts, roles and the organisation tree: administrators only; every write is audited. */
export const adminRouter = createRouter({
  listUsers: guarded(admin, listUsersInput).query(({ ctx, input }) => listUsers(ctx, input)),
  /** The temporary password is in this answer only; the audit row never holds it. */
  createUser: guarded(admin, createUserInput).mutation(({ ctx, input }) => createUser(ctx, input)),
  setRoles: guarded(admin, setRolesInput).mutation(({ ctx, input }) => setRoles(ctx, input)),
  setDisabled: guarded(admin, setDisabledInput).mutation(({ ctx, input }) => setDisabled(ctx, input)),
  listUnits: guarded(admin, listUnitsInput).query(({ ctx }) => listUnits(ctx)),
  createUnit: guarded(admin, createUnitInput).mutation(({ ctx, input }) => createUnit(ctx, input)),
  updateUnit: guarded(admin, updateUnitInput).mutation(({ ctx, input }) => updateUnit(ctx, input)),
});
