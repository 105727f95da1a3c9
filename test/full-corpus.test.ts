// The whole Tencent Cloud catalogue, end to end: imported, generated, type-checked and loaded.
// Skipped when ../shared/corpus is absent.
import test from "ava";
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runErrgen, tempDir, REPO_ROOT } from "./helpers/run-cli.ts";

const CORPUS = join(REPO_ROOT, "../shared/corpus");
const withCorpus = existsSync(join(CORPUS, "tencentcloud-error-codes.json")) ? test : test.skip;
const TSC7 = join(REPO_ROOT, "node_modules/typescript-7/bin/tsc");

withCorpus("the full catalogue generates a package that type-checks strictly and works", async (t) => {
  const dir = tempDir(t);
  t.is((await runErrgen(["import-corpus", CORPUS, join(dir, "spec")])).code, 0);
  const run = await runErrgen(["generate", "--spec", join(dir, "spec/tencentcloud.yaml"), "--out", join(dir, "out")]);
  t.is(run.code, 0, run.stderr);
  t.regex(run.stdout, /\(\d{5} codes, 272 products\): \d+ written/);

  // Every module, strictly, with the native compiler (the TypeScript 5.9 one takes five times as long here).
  const sources = [join(dir, "out/src/index.ts"), ...readdirSync(join(dir, "out/src/products")).map((name) => join(dir, "out/src/products", name))];
  const flags = ["--ignoreConfig", "--noEmit", "--strict", "--exactOptionalPropertyTypes", "--noUncheckedIndexedAccess", "--noImplicitOverride", "--target", "es2022", "--module", "nodenext", "--moduleResolution", "nodenext", "--types", ""];
  try {
    execFileSync(process.execPath, [TSC7, ...flags, ...sources], { encoding: "utf8", stdio: "pipe", maxBuffer: 1 << 26 });
  } catch (error) {
    return t.fail(`tsc failed:\n${String((error as { stdout?: string }).stdout).slice(0, 3000)}`);
  }

  // A large product works at run time, sharing the common classes.
  const probe = `
    const root = await import(${JSON.stringify(join(dir, "out/dist/esm/index.js"))});
    const cvm = await import(${JSON.stringify(join(dir, "out/dist/esm/products/cvm.js"))});
    const error = cvm.toCvmError({ Response: { Error: { Code: "InvalidParameterValue.InstanceTypeNotFound", Message: "m" }, RequestId: "r" } });
    console.log(JSON.stringify([error.name, error instanceof root.InvalidParameterValueError, cvm.isCvmActionError("RunInstances", error), Object.keys(cvm).length > 400]));
  `;
  const output = execFileSync(process.execPath, ["--input-type=module", "-e", probe], { encoding: "utf8" });
  t.deepEqual(JSON.parse(output), ["InvalidParameterValueInstanceTypeNotFoundError", true, true, true]);
});

withCorpus("the full catalogue with the example's plugins: a module per product (272) and the status map type-check, build and work", async (t) => {
  const dir = tempDir(t);
  t.is((await runErrgen(["import-corpus", CORPUS, join(dir, "spec")])).code, 0);
  for (const plugin of ["http-status.ts", "retry-helpers.mjs"]) copyFileSync(join(REPO_ROOT, "spec/examples/plugins/plugins", plugin), join(dir, "spec", plugin));
  const spec = join(dir, "spec/tencentcloud.yaml");
  writeFileSync(spec, `${readFileSync(spec, "utf8")}plugins:\n  - ./http-status.ts\n  - ./retry-helpers.mjs\n`);
  const run = await runErrgen(["generate", "--spec", spec, "--out", join(dir, "out")]);
  t.is(run.code, 0, run.stderr);
  const retry = readdirSync(join(dir, "out/dist/cjs/retry")).filter((name) => name.endsWith(".js"));
  t.is(retry.length, 272);
  const probe = `
    const root = require(${JSON.stringify(join(dir, "out/dist/cjs/index.js"))});
    const status = require(${JSON.stringify(join(dir, "out/dist/cjs/http-status.js"))});
    const cvm = require(${JSON.stringify(join(dir, "out/dist/cjs/retry/cvm.js"))});
    const error = root.toApiError({ Response: { Error: { Code: "ResourceNotFound.InstanceNotFound", Message: "m" }, RequestId: "r" } });
    console.log(JSON.stringify([status.httpStatusOf(error), Object.keys(status.httpStatusByCategory).length > 30, cvm.shouldRetryCvm(error)]));
  `;
  t.deepEqual(JSON.parse(execFileSync(process.execPath, ["-e", probe], { encoding: "utf8" })), [404, true, false]);
});
