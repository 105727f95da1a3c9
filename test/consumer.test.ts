// The generated package as another team gets it: `npm pack`ed, installed from the tarball into a
// fresh project (twice, as two copies), compiled with TypeScript 5.9 `--strict`, run as ESM and CJS.
import test from "ava";
import { copyFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { compileConsumer, installConsumer, packPackage, runNode } from "./helpers/consumer.ts";
import { REPO_ROOT, tempDir } from "./helpers/run-cli.ts";

const PACKAGE_DIR = join(REPO_ROOT, "generated/tencentcloud-api-errors");
const FIXTURE = join(REPO_ROOT, "test/fixtures/consumer");

test("a strict TypeScript consumer compiles against the packed package and passes its checks in ESM and CJS", (t) => {
  const dir = tempDir(t, "errgen-consumer-");
  const tarball = packPackage(PACKAGE_DIR, join(dir, "pack"));
  const project = join(dir, "consumer");
  installConsumer(project, { "tencentcloud-api-errors": tarball, "errors-copy": tarball });
  for (const file of ["esm.mts", "cjs.cts"]) copyFileSync(join(FIXTURE, file), join(project, file));
  try {
    compileConsumer(project, ["esm.mts", "cjs.cts"]);
  } catch (error) {
    return t.fail(`tsc failed:\n${String((error as { stdout?: Buffer }).stdout ?? error)}`);
  }
  t.is(runNode(join(project, "out/esm.mjs"), project), "esm consumer: ok\n");
  t.is(runNode(join(project, "out/cjs.cjs"), project), "cjs consumer: ok\n");
});

test("the packed package holds the builds, declarations, sources and README, and has no dependencies", (t) => {
  const dir = tempDir(t, "errgen-pack-");
  const tarball = packPackage(PACKAGE_DIR, dir);
  const project = join(dir, "consumer");
  installConsumer(project, { "tencentcloud-api-errors": tarball });
  const installed = join(project, "node_modules/tencentcloud-api-errors");
  const manifest = JSON.parse(readFileSync(join(installed, "package.json"), "utf8"));
  t.is(manifest.dependencies, undefined);
  t.is(manifest.sideEffects, false);
  t.deepEqual(Object.keys(manifest.exports["."].import), ["types", "default"], "types come first");
  t.deepEqual(Object.keys(manifest.exports["."].require), ["types", "default"], "types come first");
  for (const file of ["README.md", "dist/esm/index.js", "dist/esm/index.d.ts", "dist/cjs/index.js", "dist/cjs/index.d.ts", "dist/cjs/package.json", "src/index.ts"]) {
    t.notThrows(() => readFileSync(join(installed, file)), file);
  }
});
