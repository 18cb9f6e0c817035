import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, CSP_DIRECTIVES } from '../../../../electron/app/csp';

const directive = (name: string) =>
  CONTENT_SECURITY_POLICY.split('; ')
    .find((d) => d.startsWith(`${name} `))
    ?.slice(name.length + 1);

describe('content security policy', () => {
  it('runs only the app’s own scripts', () => {
    expect(directive('script-src')).toBe("'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
    expect(directive('script-src')).not.toContain('unsafe-inline');
  });

  it('has the expected directives', () => {
    expect(directive('default-src')).toBe("'self'");
    expect(directive('style-src')).toBe("'self' 'unsafe-inline'");
    expect(directive('img-src')).toBe("'self' data: blob:");
    expect(directive('font-src')).toBe("'self' data:");
    expect(directive('connect-src')).toBe("'self'");
    expect(directive('object-src')).toBe("'none'");
    expect(directive('base-uri')).toBe("'none'");
    expect(directive('frame-src')).toBe("'self' data: blob:");
  });

  it('says why for every directive', () => {
    for (const [name, , why] of CSP_DIRECTIVES) expect(why.length, name).toBeGreaterThan(10);
    expect(new Set(CSP_DIRECTIVES.map(([d]) => d)).size).toBe(CSP_DIRECTIVES.length);
  });
});
