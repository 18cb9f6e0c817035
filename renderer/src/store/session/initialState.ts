import type { UserInfo } from '../../../../shared/records';

/** Where the window is. The login screen shows whenever nobody is signed in. */
export type Route =
  | { readonly screen: 'workbench' }
  | { readonly screen: 'import' }
  | { readonly screen: 'review'; readonly documentId: string }
  | { readonly screen: 'history'; readonly documentId: string }
  | { readonly screen: 'dictionary' }
  | { readonly screen: 'users' }
  /** 送审包: this installation's key, the installations it trusts, the packages sent and taken. */
  | { readonly screen: 'packages' };

export interface SessionState {
  readonly user: UserInfo | null;
  /** False until the main process said whether a session is still open (avoids a login flash). */
  readonly sessionChecked: boolean;
  readonly loginPending: boolean;
  readonly loginError?: string;
  readonly route: Route;
}

export const sessionInitialState: SessionState = {
  user: null,
  sessionChecked: false,
  loginPending: false,
  loginError: undefined,
  route: { screen: 'workbench' },
};
