// Asserts that a service call is refused with a given ServiceError code; returns the message, so a
// test can check that the user is told why.
import { expect } from 'vitest';
import { ServiceError } from '../../shared/records';

export function refused(fn: () => unknown, code: ServiceError['code']): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ServiceError);
    expect((e as ServiceError).code).toBe(code);
    return (e as ServiceError).message;
  }
  throw new Error(`应被拒绝（${code}），却成功了`);
}
