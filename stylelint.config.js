// CSS checks for `npm run lint` (stylelint). Syntax errors — an unclosed block, a stray `}` — fail
// always (stylelint reports postcss's CssSyntaxError whatever the rules); a merge once dropped a
// closing brace and unstyled the whole app. The rules below catch obvious mistakes only; no style
// conventions. Duplicate selectors are left alone: the stylesheets repeat a selector on purpose
// for a state or theme further down.
/** @type {import('stylelint').Config} */
export default {
  // Built and generated output; node_modules is skipped by stylelint itself.
  ignoreFiles: ['out/**', 'dist/**', 'test-results/**', 'playwright-report/**', 'coverage/**'],
  rules: {
    'annotation-no-unknown': true,
    'at-rule-no-unknown': true,
    'block-no-empty': true,
    'color-no-invalid-hex': true,
    'comment-no-empty': true,
    'custom-property-no-missing-var-function': true,
    'declaration-block-no-duplicate-custom-properties': true,
    'declaration-block-no-duplicate-properties': [true, { ignore: ['consecutive-duplicates-with-different-syntaxes'] }],
    'declaration-block-no-shorthand-property-overrides': true,
    'font-family-no-duplicate-names': true,
    'function-calc-no-unspaced-operator': true,
    'function-no-unknown': true,
    'keyframe-block-no-duplicate-selectors': true,
    'keyframe-declaration-no-important': true,
    'media-feature-name-no-unknown': true,
    'no-invalid-double-slash-comments': true,
    'no-invalid-position-at-import-rule': true,
    'property-no-unknown': true,
    'selector-pseudo-class-no-unknown': true,
    'selector-pseudo-element-no-unknown': true,
    'selector-type-no-unknown': [true, { ignore: ['custom-elements'] }],
    'string-no-newline': true,
    'unit-no-unknown': true,
  },
};
