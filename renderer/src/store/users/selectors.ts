import type { MishenStore } from '../types';

export const usersSelectors = {
  users: (s: MishenStore) => s.users,
  loading: (s: MishenStore) => s.usersLoading,
  error: (s: MishenStore) => s.usersError,
  audit: (s: MishenStore) => s.userAudit,
  divisions: (s: MishenStore) => [...new Set(s.users.map((u) => u.division))].sort((a, b) => a.localeCompare(b, 'zh-CN')),
};
