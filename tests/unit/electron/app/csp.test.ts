import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, CSP_DIRECTIVES, META_CONTENT_SECURITY_POLICY } from '../../../../electron/app/csp';
import { PROJECT_ROOT, RENDERER_DIST } from '../../../e2e/support/build-renderer';

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

describe('one policy, in one place', () => {
  it('the built window carries the same policy in its index.html as the protocol sends', () => {
    const html = readFileSync(join(RENDERER_DIST, 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1];
    expect(meta).toBe(META_CONTENT_SECURITY_POLICY);
    // The same directives but the one a <meta> policy cannot carry.
    expect(CONTENT_SECURITY_POLICY).toBe(`${META_CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
    expect(readFileSync(join(PROJECT_ROOT, 'renderer', 'index.html'), 'utf8')).not.toMatch(/default-src|script-src/);
  });
});
