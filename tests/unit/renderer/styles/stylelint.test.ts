import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import stylelint from 'stylelint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../fixtures/built-app';

const configFile = join(ROOT, 'stylelint.config.js');

/** stylelint's verdict on `code` under the project's config (the one `npm run lint` uses). */
async function lint(code: string) {
  const { results } = await stylelint.lint({ code, codeFilename: join(ROOT, 'src/renderer/styles/check.css'), configFile });
  const [result] = results;
  return { errored: Boolean(result?.errored), warnings: (result?.warnings ?? []).map((w) => `${w.rule}: ${w.text}`) };
}

/** `css` with its `n`-th closing brace (0-based) removed, as a bad merge left one. */
function dropBrace(css: string, n: number): string {
  let seen = -1;
  return css.replace(/\}/g, (brace) => (++seen === n ? '' : brace));
}

/**
 * The CSS check in `npm run lint`: a stylesheet that does not parse fails it, so a merge that drops
 * a brace (which once unstyled the whole app) cannot land.
 */
describe('stylelint in npm run lint', () => {
  it('fails a stylesheet with a missing closing brace: Unclosed block', async () => {
    const verdict = await lint('.a { color: red;\n.b { color: blue; }\n');
    expect(verdict.errored).toBe(true);
    expect(verdict.warnings).toEqual([expect.stringMatching(/^CssSyntaxError: Unclosed block/)]);
  });

  it("fails the app's own Compose stylesheet with one closing brace dropped in the middle", async () => {
    const compose = readFileSync(join(ROOT, 'src/renderer/views/compose/compose.css'), 'utf8');
    const braces = compose.match(/\}/g)?.length ?? 0;
    expect(braces).toBeGreaterThan(20);
    expect((await lint(compose)).errored).toBe(false);
    const broken = await lint(dropBrace(compose, Math.floor(braces / 2)));
    expect(broken.errored).toBe(true);
    expect(broken.warnings.some((w) => w.startsWith('CssSyntaxError'))).toBe(true);
  });

  it('fails a stray closing brace, a misspelt property and a bad hex colour', async () => {
    expect((await lint('.a { color: red; } }\n')).warnings).toEqual([expect.stringMatching(/^CssSyntaxError: Unexpected }/)]);
    expect((await lint('.a { colr: red; }\n')).warnings).toEqual([expect.stringMatching(/^property-no-unknown/)]);
    expect((await lint('.a { color: #ff00zz; }\n')).warnings).toEqual([expect.stringMatching(/^color-no-invalid-hex/)]);
  });

  it('passes what our stylesheets do on purpose: a theme override of the same selector, custom properties, nesting', async () => {
    const css = ".a { --star: #b7791f; color: var(--star); }\n:root[data-theme='dark'] .a { --star: #f5c451; }\n.a { gap: 4px; }\n.b { &:hover { color: red; } }\n";
    expect(await lint(css)).toEqual({ errored: false, warnings: [] });
  });
});
