// emit-package-json.ts: an exports map with types first for each entry, no dependencies, no side effects.
import test from "ava";
import { emitPackageJson } from "../../generator/emit/emit-package-json.ts";
import { modelOf, SAMPLE_SPEC } from "../helpers/model-of.ts";

test("the root and each product as subpaths, ESM and CJS, types first; nothing to install", (t) => {
  const json = JSON.parse(emitPackageJson(modelOf(SAMPLE_SPEC)).contents as string);
  t.like(json, { name: "@team/sample-errors", version: "1.2.0", type: "module", sideEffects: false });
  t.deepEqual(Object.keys(json.exports), [".", "./invoices", "./package.json", "./catalogue.json"]);
  t.deepEqual(json.exports["./invoices"], {
    import: { types: "./dist/esm/products/invoices.d.ts", default: "./dist/esm/products/invoices.js" },
    require: { types: "./dist/cjs/products/invoices.d.ts", default: "./dist/cjs/products/invoices.js" },
  });
  t.deepEqual(Object.keys(json.exports["."].import), ["types", "default"]);
  t.is(json.dependencies, undefined);
});

test("a module a plugin added is a subpath beside the products, ESM and CJS, types first, and in typesVersions for node10", (t) => {
  const added = [{ name: "http-status", plugin: "./status.ts", description: "" }, { name: "retry/invoices", plugin: "./retry.mjs", description: "" }];
  const json = JSON.parse(emitPackageJson(modelOf(SAMPLE_SPEC), { changelog: false, added }).contents as string);
  t.deepEqual(Object.keys(json.exports), [".", "./invoices", "./http-status", "./retry/invoices", "./package.json", "./catalogue.json"]);
  t.deepEqual(json.exports["./retry/invoices"], {
    import: { types: "./dist/esm/retry/invoices.d.ts", default: "./dist/esm/retry/invoices.js" },
    require: { types: "./dist/cjs/retry/invoices.d.ts", default: "./dist/cjs/retry/invoices.js" },
  });
  t.deepEqual(json.typesVersions["*"], {
    invoices: ["./dist/cjs/products/invoices.d.ts"],
    "http-status": ["./dist/cjs/http-status.d.ts"],
    "retry/invoices": ["./dist/cjs/retry/invoices.d.ts"],
  });
});
