// The generated packages as another team gets them: `npm pack`ed, installed from the tarball into a
// fresh project (the first twice, as two copies), compiled with TypeScript 5.9 `--strict`, run as ESM and CJS.
import test from "ava";
import { copyFileSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { compileConsumer, installConsumer, packPackage, runNode } from "../helpers/consumer.ts";
import { REPO_ROOT, tempDir } from "../helpers/run-cli.ts";

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

test("the second golden package (every feature of the spec format) compiles against a strict consumer and passes its checks in ESM and CJS", (t) => {
  const dir = tempDir(t, "errgen-consumer-billing-");
  const tarball = packPackage(join(REPO_ROOT, "generated/billing-errors"), join(dir, "pack"));
  const project = join(dir, "consumer");
  installConsumer(project, { "@team/billing-errors": tarball });
  for (const file of ["billing-esm.mts", "billing-cjs.cts"]) copyFileSync(join(FIXTURE, file), join(project, file));
  try {
    compileConsumer(project, ["billing-esm.mts", "billing-cjs.cts"], { exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true });
  } catch (error) {
    return t.fail(`tsc failed:\n${String((error as { stdout?: Buffer }).stdout ?? error)}`);
  }
  t.is(runNode(join(project, "out/billing-esm.mjs"), project), "billing esm consumer: ok\n");
  t.is(runNode(join(project, "out/billing-cjs.cjs"), project), "billing cjs consumer: ok\n");
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

test("the TypeScript examples of the generated README and product docs compile against the packed package", (t) => {
  const dir = tempDir(t, "errgen-readme-");
  const tarball = packPackage(PACKAGE_DIR, join(dir, "pack"));
  const project = join(dir, "consumer");
  installConsumer(project, { "tencentcloud-api-errors": tarball });
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  // What the examples take for granted: a fetch response, an API call, an SDK client.
  const preamble = [
    "declare const response: { json(): Promise<unknown> };",
    "declare function callTheApi(): Promise<void>;",
    // An SDK-shaped client of whichever product the example is about (attempt<Product> needs the action as a method).
    "declare const client: any;",
    "declare const params: unknown;",
    "",
  ].join("\n");
  const docs = [join(PACKAGE_DIR, "README.md"), ...readdirSync(join(PACKAGE_DIR, "docs")).map((name) => join(PACKAGE_DIR, "docs", name))];
  const files: string[] = [];
  for (const doc of docs) {
    const blocks = [...readFileSync(doc, "utf8").matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);
    blocks.forEach((block, i) => {
      // The SDK example needs the SDK, which this project does not install; test/package/sdk.test.ts runs that path for real.
      if (block.includes("tencentcloud-sdk-nodejs")) return;
      const name = `${doc.split("/").pop()!.replace(".md", "")}-${i}.mts`;
      writeFileSync(join(project, name), `${preamble}${block}\nexport {};\n`);
      files.push(name);
    });
  }
  t.true(files.length >= 4, `${files.length} examples`);
  try {
    compileConsumer(project, files, { noEmit: true, outDir: undefined, noUnusedLocals: false });
  } catch (error) {
    return t.fail(`tsc failed:\n${String((error as { stdout?: Buffer }).stdout ?? error)}`);
  }
  t.pass();
});
