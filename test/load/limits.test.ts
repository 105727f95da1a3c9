// errgen's documented limits (README, "Limits"): a spec larger than they allow gets a diagnostic at its
// place, never an internal error or a run that exhausts memory; and what is within them generates.
import test from "ava";
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { MAX_SPEC_BYTES } from "../../generator/load/spec-files.ts";
import { MAX_CODES } from "../../generator/validate/check-codes.ts";
import { runErrgen, tempDir } from "../helpers/run-cli.ts";

const HEAD = "specVersion: 1\npackage: {name: big-errors, version: 1.0.0}\n";

test(`one code more than ${MAX_CODES.toLocaleString("en-US")} is a diagnostic at the code that passes the limit`, async (t) => {
  const dir = tempDir(t);
  const codes = Array.from({ length: MAX_CODES + 1 }, (_, i) => `  C${i % 97}.X${i}: {description: d}`);
  writeFileSync(join(dir, "spec.yaml"), `${HEAD}codes:\n${codes.join("\n")}\n`);
  const over = await runErrgen(["generate", "--spec", "spec.yaml", "--out", "out"], dir);
  t.is(over.code, 1);
  t.is(over.stderr, `spec.yaml:${MAX_CODES + 4}:3: error: code "C${MAX_CODES % 97}.X${MAX_CODES}" is code number 200,001: a package holds at most 200,000 codes (errgen's limit): split the API into several packages\nerrgen: 1 error; nothing was written\n`);
});

test("a spec file larger than errgen reads is refused before it is read; so is one that is not a regular file", async (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, "huge.yaml"), `# ${"x".repeat(MAX_SPEC_BYTES)}\n`);
  const root = await runErrgen(["generate", "--spec", "huge.yaml", "--out", "out"], dir);
  t.is(root.code, 2);
  t.is(root.stderr, "errgen: cannot read spec huge.yaml: it holds 64 MiB, more than errgen reads (64 MiB for all spec files together)\n");
  const device = await runErrgen(["generate", "--spec", "/dev/zero", "--out", "out"], dir);
  t.is(device.code, 2);
  t.is(device.stderr, "errgen: cannot read spec /dev/zero: it is not a regular file\n");

  execFileSync("mkfifo", [join(dir, "pipe.yaml")]); // a reader of a pipe waits for ever
  writeFileSync(join(dir, "spec.yaml"), `${HEAD}codes: {A.B: {description: d}}\nproducts: [huge.yaml, pipe.yaml]\n`);
  const included = await runErrgen(["generate", "--spec", "spec.yaml", "--out", "out"], dir);
  t.is(included.code, 1);
  t.is(
    included.stderr,
    [
      'spec.yaml:4:12: error: cannot read product spec "huge.yaml" (huge.yaml): it holds 64 MiB, more than errgen reads (64 MiB for all spec files together)',
      'spec.yaml:4:23: error: cannot read product spec "pipe.yaml" (pipe.yaml): it is not a regular file',
      "errgen: 2 errors; nothing was written",
      "",
    ].join("\n"),
  );
});

test("product specs that together pass the limit: the one that passes it is a diagnostic where the root lists it", async (t) => {
  const dir = tempDir(t);
  const filler = `# ${"x".repeat(MAX_SPEC_BYTES / 2)}\n`;
  for (const name of ["a", "b"]) writeFileSync(join(dir, `${name}.yaml`), `${filler}product: ${name}\nversion: "1"\ncodes: {}\n`);
  writeFileSync(join(dir, "spec.yaml"), `${HEAD}codes: {A.B: {description: d}}\nproducts: [a.yaml, b.yaml]\n`);
  const run = await runErrgen(["generate", "--spec", "spec.yaml", "--out", "out"], dir);
  t.is(run.code, 1);
  t.regex(run.stderr, /^spec\.yaml:4:20: error: product spec "b\.yaml" brings the spec files to 64 MiB, more than errgen reads \(64 MiB together\): split the API into several packages\nerrgen: 1 error; nothing was written\n$/);
});

test("a product name is a file name and a subpath: at most 64 characters", async (t) => {
  const dir = tempDir(t);
  for (const [file, name] of [["ok.yaml", "p".repeat(64)], ["long.yaml", "p".repeat(65)]]) writeFileSync(join(dir, file!), `product: ${name}\nversion: "1"\ncodes: {}\n`);
  writeFileSync(join(dir, "spec.yaml"), `${HEAD}codes: {A.B: {description: d}}\nproducts: [ok.yaml, long.yaml]\n`);
  const run = await runErrgen(["generate", "--spec", "spec.yaml", "--out", "out"], dir);
  t.is(run.code, 1);
  t.is(run.stderr, `long.yaml:1:10: error: "product" must be lowercase letters and digits, starting with a letter (such as lke), at most 64 characters, got "${"p".repeat(65)}"\nerrgen: 1 error; nothing was written\n`);
});
