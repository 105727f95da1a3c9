// `package.json` of the generated package: dual ESM/CJS exports with types first, no dependencies.
import type { Model } from "../model/model.ts";
import type { AddedModule, EmittedFile } from "./emitted-file.ts";

/** Conditions for one entry: types first in each, as TypeScript and the packaging linters require. */
function entry(module: string) {
  return {
    import: { types: `./dist/esm/${module}.d.ts`, default: `./dist/esm/${module}.js` },
    require: { types: `./dist/cjs/${module}.d.ts`, default: `./dist/cjs/${module}.js` },
  };
}

export function emitPackageJson(model: Model, options: { readonly changelog: boolean; readonly added?: readonly AddedModule[] } = { changelog: false }): EmittedFile {
  const { name, version, description, license } = model.package;
  const added = options.added ?? [];
  // Products and modules plugins add, by subpath: `lke` → products/lke, `http-status` → http-status.
  const subpaths = [...model.products.map((product) => [product.name, product.module] as const), ...added.map((module) => [module.name, module.name] as const)];
  const manifest = {
    name,
    version,
    description,
    ...(license ? { license } : {}),
    type: "module",
    sideEffects: false,
    exports: {
      ".": entry("index"),
      ...Object.fromEntries(subpaths.map(([subpath, module]) => [`./${subpath}`, entry(module)])),
      "./package.json": "./package.json",
      // The catalogue, for `errgen diff` and for tools: codes, metadata, exports and the spec hash.
      "./catalogue.json": "./catalogue.json",
    },
    main: "./dist/cjs/index.js",
    module: "./dist/esm/index.js",
    types: "./dist/cjs/index.d.ts",
    // TypeScript's older `node10` resolution ignores `exports`; this maps the subpaths for it.
    ...(subpaths.length > 0 ? { typesVersions: { "*": Object.fromEntries(subpaths.map(([subpath, module]) => [subpath, [`./dist/cjs/${module}.d.ts`]])) } } : {}),
    files: ["dist", "src", "docs", "README.md", "catalogue.json", ...(options.changelog ? ["CHANGELOG.md"] : [])],
    // Object.hasOwn and Error's `cause` option.
    engines: { node: ">=16.9" },
    keywords: ["errors", "error-codes", "typescript", "errgen"],
  };
  return { path: "package.json", contents: `${JSON.stringify(manifest, null, 2)}\n` };
}
