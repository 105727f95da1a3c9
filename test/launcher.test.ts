// The executable runs errgen from a bundle of its sources (generator/.bundle/), rebuilt whenever a
// source changes. Each test works on a copy of the project, so the real bundle is never touched.
import test from "ava";
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT, tempDir } from "./helpers/run-cli.ts";

/** A copy of errgen (sources, templates, package.json) using this checkout's node_modules. */
function copyOfErrgen(dir: string): string {
  for (const entry of ["generator", "templates", "spec", "package.json"]) {
    cpSync(join(REPO_ROOT, entry), join(dir, entry), { recursive: true, filter: (source) => !source.includes(`${join("generator", ".bundle")}`) });
  }
  symlinkSync(join(REPO_ROOT, "node_modules"), join(dir, "node_modules"));
  return dir;
}

function errgen(root: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): string {
  return execFileSync(process.execPath, [join(root, "generator/bin/errgen.js"), ...args], { cwd: root, encoding: "utf8", env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
}

const VERSION = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")).version;

test("the first run builds the bundle; a changed source is rebuilt before it runs, never run stale", (t) => {
  const root = copyOfErrgen(tempDir(t));
  const bundle = join(root, "generator/.bundle");
  t.false(existsSync(bundle));
  t.is(errgen(root, ["--version"]).trim(), VERSION);
  t.true(existsSync(join(bundle, "cli.js")) && existsSync(join(bundle, "helper-thread.js")), "both entry points are bundled");
  const signature = readFileSync(join(bundle, "sources.sha256"), "utf8");

  const versionModule = join(root, "generator/cli/version.ts");
  writeFileSync(versionModule, `${readFileSync(versionModule, "utf8")}\nexport const CHANGED = true;\n`.replace('.version;', '.version + "-changed";'));
  t.is(errgen(root, ["--version"]).trim(), `${VERSION}-changed`);
  t.not(readFileSync(join(bundle, "sources.sha256"), "utf8"), signature);
});

test("ERRGEN_BUNDLE=0 runs from the sources through tsx and builds nothing", (t) => {
  const root = copyOfErrgen(tempDir(t));
  t.is(errgen(root, ["--version"], { ERRGEN_BUNDLE: "0" }).trim(), VERSION);
  t.false(existsSync(join(root, "generator/.bundle")));
});

test("a source that does not compile is reported from the source, with its position", (t) => {
  const root = copyOfErrgen(tempDir(t));
  writeFileSync(join(root, "generator/cli/version.ts"), "export const ERRGEN_VERSION: string = ;\n");
  const error = t.throws(() => errgen(root, ["--version"]));
  t.regex(String((error as { stderr?: string }).stderr), /version\.ts:1:\d+/);
  t.false(existsSync(join(root, "generator/.bundle/cli.js")), "no bundle of broken sources");
});

test("the bundled command line generates the same package as the sources do", (t) => {
  const root = copyOfErrgen(tempDir(t));
  errgen(root, ["generate", "--out", "bundled"]);
  errgen(root, ["generate", "--out", "from-source"], { ERRGEN_BUNDLE: "0" });
  const read = (folder: string, path: string) => readFileSync(join(root, folder, path), "utf8");
  for (const path of ["src/index.ts", "dist/esm/errors.js", "dist/cjs/errors.d.ts", "README.md", "catalogue.json"]) t.is(read("bundled", path), read("from-source", path), path);
});

test("a build killed half-way leaves nothing that lasts: the next build removes its folders", (t) => {
  const root = copyOfErrgen(tempDir(t));
  // Folders as a killed build leaves them, of a process that is gone (no pid is this large).
  for (const name of [".bundle-4999999", ".bundle-old-4999998"]) mkdirSync(join(root, "generator", name, "part"), { recursive: true });
  t.is(errgen(root, ["--version"]).trim(), VERSION);
  t.deepEqual(readdirSync(join(root, "generator")).filter((name) => name.startsWith(".bundle")), [".bundle"]);
});
