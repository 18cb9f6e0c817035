// A rule's answer (shared/permissions.ts) turned into the service's refusal: its code and its sentence.
import type { Permission } from '../../shared/permissions';
import { ServiceError } from '../../shared/records';

export function enforce(permission: Permission): void {
  if (!permission.allowed) throw new ServiceError(permission.code!, permission.reason!);
}
