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
