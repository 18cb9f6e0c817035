import { QUEUE_OF_ROLE } from '../../../../shared/permissions';
import type { DocumentState, UserInfo } from '../../../../shared/records';
import { call, errorMessage } from '../../api';
import type { SliceActions } from '../types';
import { dictionaryInitialState } from '../dictionary/initialState';
import { documentsInitialState } from '../documents/initialState';
import { importInitialState } from '../import/initialState';
import { reviewInitialState } from '../review/initialState';
import { usersInitialState } from '../users/initialState';
import type { Route } from './initialState';

export interface SessionAction {
  restoreSession: () => Promise<void>;
  login: (username: string, password: string) => Promise<boolean>;
  logout: () => Promise<void>;
  navigate: (route: Route) => void;
}

/**
 * Where a user starts: the administrator on 用户管理, the security officer on 词库管理, everyone in the
 * chain on the workbench tab of the documents waiting for them.
 */
function landing(user: UserInfo): { route: Route; stateFilter: DocumentState } {
  const stateFilter = QUEUE_OF_ROLE[user.role];
  if (user.role === 'admin') return { route: { screen: 'users' }, stateFilter };
  if (user.role === 'security-officer') return { route: { screen: 'dictionary' }, stateFilter };
  return { route: { screen: 'workbench' }, stateFilter };
}

export const createSessionActions: SliceActions<SessionAction> = (set, get) => ({
  restoreSession: async () => {
    try {
      const user = await call('session/current');
      set({ user, sessionChecked: true, ...(user ? landing(user) : {}) });
    } catch {
      set({ user: null, sessionChecked: true });
    }
  },

  login: async (username, password) => {
    if (!username.trim() || !password) {
      set({ loginError: '请输入用户名和密码。' });
      return false;
    }
    set({ loginPending: true, loginError: undefined });
    try {
      const user = await call('session/login', username.trim(), password);
      set({ user, loginPending: false, ...landing(user) });
      return true;
    } catch (error) {
      set({ loginPending: false, loginError: errorMessage(error) });
      return false;
    }
  },

  logout: async () => {
    try {
      await call('session/logout');
    } finally {
      // Nothing of the previous user's documents may stay on screen for the next one.
      set({ ...documentsInitialState, ...reviewInitialState, ...importInitialState, ...dictionaryInitialState, ...usersInitialState, user: null, loginError: undefined, route: { screen: 'workbench' } });
    }
  },

  navigate: (route) => {
    set({ route });
    if (route.screen === 'workbench' || route.screen === 'packages') void get().loadDocuments();
    if (route.screen === 'review' || route.screen === 'history') void get().openDocument(route.documentId);
    if (route.screen === 'users') void get().loadUsers();
  },
});
