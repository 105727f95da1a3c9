// The committed package under generated/ is exactly what the shipped spec generates, and the
// generator is deterministic. Fails when someone edits the spec or the generator without
// running `npm run generate`.
import test from "ava";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Project } from "ts-morph";
import { check, compile, DEFAULT_SPEC } from "../generator/errgen.ts";
import { FIXED_EXPORTS } from "../generator/validate/check-names.ts";
import { isGeneratedText } from "../generator/write/generated-marker.ts";
import { REPO_ROOT } from "./helpers/run-cli.ts";

test("generated/ is up to date with spec/ and the generator", (t) => {
  const result = check({ cwd: REPO_ROOT });
  if (!result.ok) return t.fail(result.diagnostics.map((d) => d.message).join("\n"));
  t.deepEqual(result.drift, { differing: [], missing: [], extra: [] }, "run `npm run generate` and commit generated/");
});

test("generating twice gives identical bytes", (t) => {
  const first = compile({ cwd: REPO_ROOT });
  const second = compile({ cwd: REPO_ROOT });
  if (!first.ok || !second.ok) return t.fail("the shipped spec is valid");
  t.deepEqual(second.files, first.files);
});

test("every generated file has LF line ends, a final newline, no absolute path, and a header", (t) => {
  const result = compile({ cwd: REPO_ROOT });
  if (!result.ok) return t.fail("the shipped spec is valid");
  for (const file of result.files) {
    t.false(file.contents.includes("\r"), `${file.path} has CR`);
    t.true(file.contents.endsWith("\n"), `${file.path} ends with a newline`);
    t.false(file.contents.includes(REPO_ROOT), `${file.path} holds an absolute path`);
    if (!file.path.endsWith(".json")) {
      t.true(isGeneratedText(file.contents), `${file.path} carries the header`);
      t.true(file.contents.includes(`from ${DEFAULT_SPEC}.`), `${file.path} names its spec`);
    }
  }
});

test("the shipped spec holds the 38 common codes of the corpus, in English and Chinese", async (t) => {
  const result = compile({ cwd: REPO_ROOT });
  if (!result.ok) return t.fail("the shipped spec is valid");
  const codes = result.model.codes;
  t.is(codes.length, 38);
  t.true(codes.every((code) => (code.description ?? "").length > 0 && (code.descriptionZh ?? "").length > 0));
  const throttling = codes.filter((code) => code.code === "RequestLimitExceeded" || code.code.startsWith("RequestLimitExceeded."));
  t.is(throttling.length, 4);
  t.true(throttling.every((code) => code.retryable));
  t.deepEqual(codes.filter((code) => code.retryable).map((code) => code.code), throttling.map((code) => code.code));
  t.deepEqual(codes.filter((code) => code.fault === "server").map((code) => code.code), ["InternalError", "ResponseSizeLimitExceeded", "ServiceUnavailable"]);
  const corpusFile = join(REPO_ROOT, "../shared/corpus/tencentcloud-common-error-codes.json");
  let corpus: { codes: { code: string; description_en: string; description_zh: string }[] };
  try {
    corpus = JSON.parse(readFileSync(corpusFile, "utf8"));
  } catch {
    return t.log("../shared/corpus is absent: compared the shipped spec with itself only");
  }
  t.deepEqual(
    codes.map((code) => [code.code, code.description, code.descriptionZh]),
    corpus.codes.map((code) => [code.code, code.description_en, code.description_zh]).sort(([a], [b]) => (a! < b! ? -1 : 1)),
  );
});

test("the package entry exports exactly the public API", async (t) => {
  const result = compile({ cwd: REPO_ROOT });
  if (!result.ok) return t.fail("the shipped spec is valid");
  const { model } = result;
  const entry = await import(join(REPO_ROOT, "generated", model.package.name, "dist/esm/index.js"));
  const values = FIXED_EXPORTS.filter((name) => /^[a-z]/.test(name));
  const expected = [
    ...values,
    model.baseClass,
    model.codeEnum,
    model.codeEnumGuard,
    ...model.classes.map((entry) => entry.name),
    ...model.categories.map((category) => category.guardName),
  ].sort();
  t.deepEqual(Object.keys(entry).sort(), expected);
});

test("the generated TypeScript sources pass tsc with the strictest options", (t) => {
  const result = compile({ cwd: REPO_ROOT });
  if (!result.ok) return t.fail("the shipped spec is valid");
  const sources = join(result.outDir, "src");
  const flags = ["--noEmit", "--strict", "--exactOptionalPropertyTypes", "--noUncheckedIndexedAccess", "--noImplicitOverride", "--isolatedDeclarations", "--declaration"];
  const options = [...flags, "--target", "ES2022", "--module", "NodeNext", "--moduleResolution", "NodeNext", "--lib", "ES2022"];
  try {
    execFileSync(process.execPath, [join(REPO_ROOT, "node_modules/typescript/bin/tsc"), ...options, join(sources, "index.ts")], { stdio: "pipe" });
    t.pass();
  } catch (error) {
    t.fail(String((error as { stdout?: Buffer }).stdout));
  }
});

test("every generated declaration and class member has a TSDoc comment", (t) => {
  const result = compile({ cwd: REPO_ROOT });
  if (!result.ok) return t.fail("the shipped spec is valid");
  const project = new Project({ useInMemoryFileSystem: true });
  const undocumented: string[] = [];
  for (const file of result.files.filter((f) => f.path.startsWith("src/") && f.path !== "src/index.ts")) {
    const source = project.createSourceFile(file.path, file.contents);
    const documented = [
      ...source.getFunctions(),
      ...source.getInterfaces(),
      ...source.getTypeAliases(),
      ...source.getEnums(),
      ...source.getVariableStatements(),
      ...source.getClasses(),
      ...source.getEnums().flatMap((e) => e.getMembers()),
      ...source.getInterfaces().flatMap((i) => i.getProperties()),
      ...source.getClasses().flatMap((c) => [...c.getProperties(), ...c.getMethods(), ...c.getConstructors()]),
    ];
    for (const node of documented) {
      if (node.getJsDocs().length === 0) undocumented.push(`${file.path}:${node.getStartLineNumber()}: ${node.getText().split("\n")[0]}`);
    }
  }
  t.deepEqual(undocumented, []);
});
