// `package.json` of the generated package: dual ESM/CJS exports with types first, no dependencies.
import type { Model } from "../model/model.ts";
import type { EmittedFile } from "./emitted-file.ts";

/** Conditions for one entry: types first in each, as TypeScript and the packaging linters require. */
function entry(module: string) {
  return {
    import: { types: `./dist/esm/${module}.d.ts`, default: `./dist/esm/${module}.js` },
    require: { types: `./dist/cjs/${module}.d.ts`, default: `./dist/cjs/${module}.js` },
  };
}

export function emitPackageJson(model: Model, options: { readonly changelog: boolean } = { changelog: false }): EmittedFile {
  const { name, version, description, license } = model.package;
  const manifest = {
    name,
    version,
    description,
    ...(license ? { license } : {}),
    type: "module",
    sideEffects: false,
    exports: {
      ".": entry("index"),
      ...Object.fromEntries(model.products.map((product) => [`./${product.name}`, entry(product.module)])),
      "./package.json": "./package.json",
      // The catalogue, for `errgen diff` and for tools: codes, metadata, exports and the spec hash.
      "./catalogue.json": "./catalogue.json",
    },
    main: "./dist/cjs/index.js",
    module: "./dist/esm/index.js",
    types: "./dist/cjs/index.d.ts",
    // TypeScript's older `node10` resolution ignores `exports`; this maps the product subpaths for it.
    ...(model.products.length > 0
      ? { typesVersions: { "*": Object.fromEntries(model.products.map((product) => [product.name, [`./dist/cjs/${product.module}.d.ts`]])) } }
      : {}),
    files: ["dist", "src", "docs", "README.md", "catalogue.json", ...(options.changelog ? ["CHANGELOG.md"] : [])],
    // Object.hasOwn and Error's `cause` option.
    engines: { node: ">=16.9" },
    keywords: ["errors", "error-codes", "typescript", "errgen"],
  };
  return { path: "package.json", contents: `${JSON.stringify(manifest, null, 2)}\n` };
}
