// `--verify` (verify/verify-package.ts): the package is type-checked in memory by the compiler ts-morph
// bundles before anything is written or compared. Valid specs pass; a generated file that does not
// type-check is a diagnostic at its place in the package as it would be written.
import test from "ava";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { compile } from "../../generator/errgen.ts";
import { verifyPackage } from "../../generator/verify/verify-package.ts";
import { REPO_ROOT, runErrgen, tempDir } from "../helpers/run-cli.ts";

test("generate --verify and check --verify type-check the package and say so; the package is written", async (t) => {
  const out = join(tempDir(t), "out");
  const generated = await runErrgen(["generate", "--spec", "spec/examples/billing/spec.yaml", "--out", out, "--verify"]);
  t.is(generated.code, 0, generated.stderr);
  t.regex(generated.stdout, /: 65 written, 0 unchanged, 0 removed, type-checked with TypeScript 6\.\d+\.\d+ in /);
  t.true(existsSync(join(out, "src/index.ts")));
  const checked = await runErrgen(["check", "--spec", "spec/examples/billing/spec.yaml", "--out", out, "--verify"]);
  t.is(checked.code, 0, checked.stderr);
  t.regex(checked.stdout, /is up to date, type-checked with TypeScript 6\./);
  const again = await runErrgen(["generate", "--spec", "spec/examples/billing/spec.yaml", "--out", out, "--verify"]);
  t.notRegex(again.stdout, /up to date since the last run/, "--verify is always a full run");
});

test("a generated file that does not type-check is a diagnostic at its line and column in the package", async (t) => {
  const compiled = await compile({ cwd: REPO_ROOT, spec: "spec/examples/billing/spec.yaml" });
  if (!compiled.ok) return t.fail("the example is valid");
  t.deepEqual((await verifyPackage(compiled.files, compiled.outDir, REPO_ROOT)).diagnostics, []);
  // The shape of the action-table bug this check exists for: an index type with a hole in it.
  const broken = compiled.files.map((file) => (file.path === "src/products/invoices.ts" ? { ...file, contents: file.contents.replace(/InvoiceErrorCodeList\[1\]/, "InvoiceErrorCodeList[1 | ]") } : file));
  const { diagnostics } = await verifyPackage(broken, compiled.outDir, REPO_ROOT);
  const lines = broken.find((file) => file.path === "src/products/invoices.ts")!.contents.split("\n");
  const line = lines.findIndex((text) => text.includes("[1 | ]")) + 1;
  t.true(line > 0);
  const column = lines[line - 1]!.indexOf("[1 | ]") + "[1 | ".length + 1; // at the `]` where a type was expected
  t.deepEqual(diagnostics, [{ position: { file: "generated/billing-errors/src/products/invoices.ts", line, column }, message: "the generated code does not type-check (TS1110): Type expected." }]);
});
