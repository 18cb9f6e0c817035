import type { AuditRow } from '../../../../shared/api-contract';
import type { UserInfo } from '../../../../shared/records';

export interface UsersState {
  readonly users: readonly UserInfo[];
  readonly usersLoading: boolean;
  readonly usersError?: string;
  /** The audit entries about users, newest first: who changed whom, and how. */
  readonly userAudit: readonly AuditRow[];
}

export const usersInitialState: UsersState = {
  users: [],
  usersLoading: false,
  usersError: undefined,
  userAudit: [],
};
