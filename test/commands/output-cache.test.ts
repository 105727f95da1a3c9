// The output cache (write/output-cache.ts, around a run in commands/generate.ts): a record per output folder in the spec's project
// (node_modules/.cache/errgen), never in errgen's own folder; any change to the specs or the output
// defeats it; a project where it cannot be written still generates, every time in full.
import test from "ava";
import { existsSync, readdirSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generate } from "../../generator/commands/generate.ts";
import { ERRGEN_ROOT } from "../../generator/errgen-files.ts";
import { tempDir } from "../helpers/run-cli.ts";
import { specText } from "../helpers/spec-text.ts";

function project(t: Parameters<typeof tempDir>[0]): string {
  const dir = tempDir(t);
  writeFileSync(join(dir, "package.json"), "{}\n");
  writeFileSync(join(dir, "errors.yaml"), specText([{ code: "Auth.Token" }]));
  return dir;
}

async function cached(cwd: string): Promise<boolean> {
  const result = await generate({ cwd });
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join("\n"));
  return result.cached;
}

test("the record goes into the spec's project; an unchanged rerun is cached, a changed spec or output file is not", async (t) => {
  const dir = project(t);
  const records = join(dir, "node_modules/.cache/errgen");
  const inErrgen = (): string[] => (existsSync(join(ERRGEN_ROOT, "node_modules/.cache/errgen")) ? readdirSync(join(ERRGEN_ROOT, "node_modules/.cache/errgen")) : []);
  const errgenBefore = inErrgen();
  t.false(await cached(dir));
  t.is(readdirSync(records).length, 1, "one record, in the project");
  t.deepEqual(inErrgen(), errgenBefore, "nothing recorded in errgen's own folder");
  t.true(await cached(dir));

  writeFileSync(join(dir, "errors.yaml"), specText([{ code: "Auth.Token" }, { code: "Auth.Other" }]));
  t.false(await cached(dir), "a changed spec");
  t.true(await cached(dir));

  const readme = join(dir, "generated/test-api-errors/README.md");
  utimesSync(readme, new Date(), new Date(Date.now() + 5_000));
  t.false(await cached(dir), "an output file touched since");
  t.true(await cached(dir));
});

test("a project whose cache folder cannot be made still generates, in full every time", async (t) => {
  const dir = project(t);
  // A file where the folder would go: refused to root as to anyone, unlike a permission.
  writeFileSync(join(dir, "node_modules"), "not a folder\n");
  t.false(await cached(dir));
  t.true(existsSync(join(dir, "generated/test-api-errors/src/index.ts")));
  t.false(await cached(dir), "no record, so no shortcut");
});
