import type { MishenStore } from '../types';

export const sessionSelectors = {
  user: (s: MishenStore) => s.user,
  sessionChecked: (s: MishenStore) => s.sessionChecked,
  loginPending: (s: MishenStore) => s.loginPending,
  loginError: (s: MishenStore) => s.loginError,
  route: (s: MishenStore) => s.route,
};
