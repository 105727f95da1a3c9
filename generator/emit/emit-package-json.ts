// `package.json` of the generated package: dual ESM/CJS exports with types first, no dependencies.
import type { Model } from "../model/model.ts";
import type { EmittedFile } from "./emitted-file.ts";

export function emitPackageJson(model: Model): EmittedFile {
  const { name, version, description, license } = model.package;
  const manifest = {
    name,
    version,
    description,
    ...(license ? { license } : {}),
    type: "module",
    sideEffects: false,
    exports: {
      ".": {
        import: { types: "./dist/esm/index.d.ts", default: "./dist/esm/index.js" },
        require: { types: "./dist/cjs/index.d.ts", default: "./dist/cjs/index.js" },
      },
      "./package.json": "./package.json",
    },
    main: "./dist/cjs/index.js",
    module: "./dist/esm/index.js",
    types: "./dist/cjs/index.d.ts",
    files: ["dist", "src", "README.md"],
    // Object.hasOwn and Error's `cause` option.
    engines: { node: ">=16.9" },
    keywords: ["errors", "error-codes", "typescript", "errgen"],
  };
  return { path: "package.json", contents: `${JSON.stringify(manifest, null, 2)}\n` };
}
