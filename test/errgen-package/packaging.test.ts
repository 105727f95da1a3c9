// Packaging lint: publint and arethetypeswrong (`attw --pack`) find nothing wrong with the generated
// package, nor with errgen's own, whose tarball holds the build, templates, schemas, README and
// LICENSE and nothing else, and whose dependencies are exactly the packages its build imports.
import test from "ava";
import { execFile, execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { packErrgen } from "../helpers/errgen-package.ts";
import { REPO_ROOT, tempDir } from "../helpers/run-cli.ts";

const run = promisify(execFile);
const PACKAGE = join(REPO_ROOT, "generated/tencentcloud-api-errors");

test("publint: all good", async (t) => {
  const { stdout } = await run(process.execPath, [join(REPO_ROOT, "node_modules/publint/src/cli.js"), PACKAGE, "--strict"]);
  t.regex(stdout, /All good!/);
});

test("arethetypeswrong --pack: no problems, for the root entry and every product subpath, in every resolution", async (t) => {
  const cli = join(REPO_ROOT, "node_modules/@arethetypeswrong/cli/dist/index.js");
  try {
    const { stdout } = await run(process.execPath, [cli, "--pack", PACKAGE, "--format", "table-flipped"], { maxBuffer: 1 << 24 });
    t.regex(stdout, /No problems found/);
    t.notRegex(stdout, /💀|❗️|⚠️/);
  } catch (error) {
    t.fail(String((error as { stdout?: string }).stdout));
  }
});

test("errgen's own package: only the build, templates, schemas, README and LICENSE; the dependencies its build imports; publint and attw clean", async (t) => {
  const dir = tempDir(t, "errgen-self-pack-");
  const copy = join(dir, "copy");
  const tarball = packErrgen(copy, join(dir, "pack"));
  t.regex(tarball, /errgen-\d+\.\d+\.\d+\.tgz$/);
  const files = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" }).trim().split("\n").map((path) => path.replace(/^package\//, "")).sort();
  const allowed = /^(package\.json|README\.md|LICENSE|generator\/bin\/errgen\.js|generator\/dist\/[\w-]+\.js|generator\/dist\/index\.d\.ts|generator\/dist\/sources\.sha256|templates\/[\w.-]+\.hbs|generated\/schema\/[\w.-]+\.schema\.json)$/;
  t.deepEqual(files.filter((path) => !allowed.test(path)), [], "nothing else: no tests, fixtures, benchmarks, sources, source maps or example packages");
  const required = ["generator/bin/errgen.js", "generator/dist/cli.js", "generator/dist/index.js", "generator/dist/index.d.ts", "generated/schema/errgen-spec.schema.json", "generated/schema/errgen-product.schema.json"];
  for (const path of [...required, ...readdirSync(join(REPO_ROOT, "templates")).map((name) => `templates/${name}`)]) t.true(files.includes(path), path);

  const manifest = JSON.parse(readFileSync(join(copy, "package.json"), "utf8"));
  t.is(manifest.private, undefined);
  const built = readdirSync(join(copy, "generator/dist")).filter((name) => name.endsWith(".js")).map((name) => readFileSync(join(copy, "generator/dist", name), "utf8"));
  // esbuild puts a bundle's imports at the start of lines; generated code inside template strings is indented.
  const imported = new Set(built.flatMap((text) => [...text.matchAll(/^import\s(?:[^;]*?\sfrom\s)?"([^".][^"]*)";$/gm)].map((match) => match[1]!)).filter((name) => !name.startsWith("node:")));
  // Loaded when a run needs it: ts-morph for --verify.
  const loadedLater = new Set(built.flatMap((text) => [...text.matchAll(/\bimport\("([^".][^"]*)"\)/g)].map((match) => match[1]!)).filter((name) => !name.startsWith("node:")));
  t.deepEqual([...loadedLater], ["ts-morph"]);
  for (const name of loadedLater) imported.add(name);
  t.deepEqual(Object.keys(manifest.dependencies).sort(), [...imported].sort(), "dependencies are exactly what the build imports");

  const publint = await run(process.execPath, [join(REPO_ROOT, "node_modules/publint/src/cli.js"), copy, "--strict"]);
  t.regex(publint.stdout, /All good!/);
  // An ESM-only package: its one expected finding is that require() from CommonJS needs import() instead.
  const attw = await run(process.execPath, [join(REPO_ROOT, "node_modules/@arethetypeswrong/cli/dist/index.js"), tarball, "--profile", "esm-only", "--format", "json"], { maxBuffer: 1 << 24 });
  const problems = Object.values(JSON.parse(attw.stdout).problems as Record<string, { kind: string; resolutionKind?: string }[]>).flat();
  t.deepEqual(problems.filter((problem) => problem.resolutionKind !== "node16-cjs"), []);
  t.deepEqual(problems.map((problem) => problem.kind), ["CJSResolvesToESM"]);
});
