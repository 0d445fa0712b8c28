// custom-elements.json for editors, docs and framework wrappers: every component class plus the
// shared base class (so inherited `client` and `lang` are listed). Tag names come from `@tagname`
// in each class's JSDoc, since the classes are registered in separate `<name>.ts` files.
// Run with `npm run analyze -w @os2kitos/widgets`; scripts/widget-docs.mjs runs the analyzer with
// this config too, to write the element reference in docs/guides/widgets.md.
export default {
  globs: [
    'src/components/**/*.component.ts',
    'src/internal/kitos-element.ts',
    'src/internal/kitos-card-element.ts',
    'src/internal/coordination.ts',
  ],
  exclude: ['src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  // package.json declares "customElements" itself. Left on, the analyzer would write that field into
  // the package.json of the directory it is *called from*, which for scripts/widget-docs.mjs is the
  // repository root.
  packagejson: false,
};
