// In this repository the executable runs errgen from its build (generator/dist/), rebuilt whenever a
// source changes. Each test works on a copy of the project, so the real build is never touched.
import test from "ava";
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT, tempDir } from "../helpers/run-cli.ts";

/** A copy of errgen (sources, templates, package.json) using this checkout's node_modules. */
function copyOfErrgen(dir: string): string {
  for (const entry of ["generator", "templates", "spec", "package.json"]) {
    cpSync(join(REPO_ROOT, entry), join(dir, entry), { recursive: true, filter: (source) => !/[\\/]generator[\\/](dist|\.dist-)/.test(source) });
  }
  symlinkSync(join(REPO_ROOT, "node_modules"), join(dir, "node_modules"));
  return dir;
}

function errgen(root: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): string {
  return execFileSync(process.execPath, [join(root, "generator/bin/errgen.js"), ...args], { cwd: root, encoding: "utf8", env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
}

const VERSION = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")).version;

test("the first run builds generator/dist; a changed source is rebuilt before it runs, never run stale", (t) => {
  const root = copyOfErrgen(tempDir(t));
  const build = join(root, "generator/dist");
  t.false(existsSync(build));
  t.is(errgen(root, ["--version"]).trim(), VERSION);
  for (const entry of ["cli.js", "index.js"]) t.true(existsSync(join(build, entry)), `${entry} is built`);
  const signature = readFileSync(join(build, "sources.sha256"), "utf8");

  const versionModule = join(root, "generator/errgen-files.ts");
  const source = readFileSync(versionModule, "utf8");
  t.true(source.includes("= found.version;"));
  writeFileSync(versionModule, source.replace("= found.version;", '= `${found.version}-changed`;'));
  t.is(errgen(root, ["--version"]).trim(), `${VERSION}-changed`);
  t.not(readFileSync(join(build, "sources.sha256"), "utf8"), signature);
});

test("ERRGEN_BUNDLE=0 runs from the sources through tsx and builds nothing", (t) => {
  const root = copyOfErrgen(tempDir(t));
  t.is(errgen(root, ["--version"], { ERRGEN_BUNDLE: "0" }).trim(), VERSION);
  t.false(existsSync(join(root, "generator/dist")));
});

test("a source that does not compile is reported from the source, with its position", (t) => {
  const root = copyOfErrgen(tempDir(t));
  writeFileSync(join(root, "generator/errgen-files.ts"), "export const ERRGEN_VERSION: string = ;\n");
  const error = t.throws(() => errgen(root, ["--version"]));
  t.regex(String((error as { stderr?: string }).stderr), /errgen-files\.ts:1:\d+/);
  t.false(existsSync(join(root, "generator/dist/cli.js")), "no build of broken sources");
});

test("the built command line generates the same package as the sources do", (t) => {
  const root = copyOfErrgen(tempDir(t));
  errgen(root, ["generate", "--out", "built"]);
  errgen(root, ["generate", "--out", "from-source"], { ERRGEN_BUNDLE: "0" });
  const read = (folder: string, path: string) => readFileSync(join(root, folder, path), "utf8");
  for (const path of ["src/index.ts", "dist/esm/errors.js", "dist/cjs/errors.d.ts", "README.md", "catalogue.json"]) t.is(read("built", path), read("from-source", path), path);
});

test("a build killed half-way leaves nothing that lasts: the next build removes its folders", (t) => {
  const root = copyOfErrgen(tempDir(t));
  // Folders as a killed build leaves them, of a process that is gone (no pid is this large).
  for (const name of [".dist-4999999", ".dist-old-4999998"]) mkdirSync(join(root, "generator", name, "part"), { recursive: true });
  t.is(errgen(root, ["--version"]).trim(), VERSION);
  t.deepEqual(readdirSync(join(root, "generator")).filter((name) => name.includes("dist")), ["dist"]);
});
