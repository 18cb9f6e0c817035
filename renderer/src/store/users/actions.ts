import type { UserChange } from '../../../../shared/api-contract';
import type { Role } from '../../../../shared/records';
import { call, errorMessage } from '../../api';
import type { SliceActions } from '../types';

export interface NewUserInput {
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly division: string;
  readonly password: string;
}

export interface UsersAction {
  loadUsers: () => Promise<void>;
  /** Rejects with the service's refusal (a name taken, a short password …). */
  createUser: (user: NewUserInput) => Promise<void>;
  updateUser: (userId: string, change: UserChange) => Promise<void>;
}

/** How many audit entries the screen reads to find the changes to users among them. */
const AUDIT_WINDOW = 500;

export const createUsersActions: SliceActions<UsersAction> = (set, get) => {
  const reload = async () => {
    const [users, audit] = await Promise.all([call('users/list'), call('audit/list', AUDIT_WINDOW)]);
    set({ users, userAudit: audit.filter((e) => e.action.startsWith('user.')).sort((a, b) => b.seq - a.seq), usersLoading: false });
  };
  return {
    loadUsers: async () => {
      set({ usersLoading: true, usersError: undefined });
      try {
        await reload();
      } catch (error) {
        set({ usersLoading: false, usersError: errorMessage(error) });
      }
    },
    createUser: async (user) => {
      await call('users/create', user);
      await reload();
    },
    updateUser: async (userId, change) => {
      await call('users/update', userId, change);
      await reload();
      // A change to oneself (a division, a password) is the session's too.
      if (get().user?.id === userId) set({ user: get().users.find((u) => u.id === userId) ?? get().user });
    },
  };
};
