// Every error class a committed package exports is named as it is exported, at run time: `name`
// (what stack traces and `console.log` show) and `errorName` (kept as data, which minifiers leave alone)
// both equal the export's name, in the ESM and CJS builds, for the root entry and every product.
import test from "ava";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { REPO_ROOT } from "../helpers/run-cli.ts";

const require = createRequire(import.meta.url);
type Conditions = { import: { default: string }; require: { default: string } };

for (const name of ["tencentcloud-api-errors", "billing-errors"]) {
  const folder = join(REPO_ROOT, "generated", name);
  const exportsMap = JSON.parse(readFileSync(join(folder, "package.json"), "utf8")).exports as Record<string, Conditions | string>;
  const entries = Object.entries(exportsMap).filter((entry): entry is [string, Conditions] => typeof entry[1] === "object");

  test(`${name}: every exported class's runtime name is its export name, in both builds and every entry`, async (t) => {
    let classes = 0;
    for (const [subpath, conditions] of entries) {
      for (const [build, api] of [
        ["esm", (await import(join(folder, conditions.import.default))) as Record<string, unknown>],
        ["cjs", require(join(folder, conditions.require.default)) as Record<string, unknown>],
      ] as const) {
        for (const [exported, value] of Object.entries(api)) {
          if (typeof value !== "function" || !(value.prototype instanceof Error)) continue;
          classes++;
          const errorName = (value as { errorName?: unknown }).errorName;
          t.is(value.name, exported, `${build} ${subpath}: ${exported}.name`);
          t.is(errorName, exported, `${build} ${subpath}: ${exported}.errorName`);
        }
      }
    }
    t.true(classes > 2 * entries.length, `${classes} classes checked`);
  });
}
