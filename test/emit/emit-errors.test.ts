// emit-errors.ts and error-class.ts: one class per code and category, each extending its parent's,
// made by defineErrorClass from a table entry that says only what differs from the rule and the parent.
import test from "ava";
import { emitContext } from "../../generator/emit/emit-context.ts";
import { emitErrors } from "../../generator/emit/emit-errors.ts";
import { emitModules } from "../../generator/emit/emit-package.ts";
import { classEntry, classTable } from "../../generator/emit/error-class.ts";
import { printModule } from "../../generator/emit/ir/print-ir.ts";
import { declarationNamed, declared } from "../helpers/emitted.ts";
import { modelOf, SAMPLE_SPEC } from "../helpers/model-of.ts";

const model = modelOf(SAMPLE_SPEC);
const errors = emitErrors(emitContext(model));
/** The module as the package holds it, with its imports collected. */
const errorsWithImports = emitModules(model).find((module) => module.path === "errors")!;

test("a const and an instance type per class, in code order, then the lookup table", (t) => {
  const perClass = (name: string) => [`const ${name}`, `type ${name}`, `class ${name}`];
  t.deepEqual(declared(errors), [
    "const errorClassBase",
    ...["AuthError", "AuthTokenError", "QuotaError", "QuotaDailyError", "UpstreamError", "LedgerTimeoutError"].flatMap(perClass),
    "const ERROR_CLASS_TABLE",
  ]);
  t.like(declarationNamed(errors, "QuotaDailyError", "const"), { type: 'ErrorClass<QuotaError, "Quota.Daily">', value: 'defineErrorClass(QuotaError, "Quota.Daily")', pure: true });
  t.like(declarationNamed(errors, "AuthError", "const"), { type: 'ErrorClass<SampleApiError, "Auth">' });
});

test("code gets the constant and its instance type; declarations get a class extending the parent's errors, with its own code", (t) => {
  const text = (flavour: "ts" | "esm" | "dts") => printModule(errorsWithImports, flavour, "// test");
  t.true(text("ts").includes('export const QuotaDailyError: ErrorClass<QuotaError, "Quota.Daily"> =\n  /* @__PURE__ */ defineErrorClass(QuotaError, "Quota.Daily");'));
  t.true(text("ts").includes("export type QuotaDailyError = InstanceType<typeof QuotaDailyError>;"));
  t.false(text("ts").includes("class QuotaDailyError") || text("ts").includes("errorClassBase"));
  t.true(text("esm").includes('export const QuotaDailyError = /* @__PURE__ */ defineErrorClass(QuotaError, "Quota.Daily");'));
  t.true(text("esm").startsWith('// test\nimport { SampleApiError, defineErrorClass } from "./base.js";\n'));
  t.true(text("dts").startsWith('// test\nimport { SampleApiError, type ErrorClassBase } from "./base.js";\n\ndeclare const errorClassBase: ErrorClassBase;\n'));
  t.true(text("dts").includes('export declare class QuotaDailyError extends errorClassBase<QuotaError> {\n  static readonly code: "Quota.Daily";\n  readonly code: "Quota.Daily" | `Quota.Daily.${string}`;\n}'));
  t.false(text("dts").includes("export declare const QuotaDailyError"));
});

test("an entry states a name override, and retryable or fault where they differ from the parent", (t) => {
  const byCode = new Map(model.classes.map((entry) => [entry.code, entry]));
  t.is(classEntry(byCode.get("Upstream.Timeout")!), "Upstream.Timeout name=LedgerTimeoutError fault=server");
  t.is(classEntry(byCode.get("Quota")!), "Quota retryable category", "a category that is not a code says so: its errors are never known");
  t.is(classEntry(byCode.get("Quota.Daily")!), "Quota.Daily", "inherits retryable from its category");
  t.is(classEntry(byCode.get("Auth.Token")!), "Auth.Token");
});

test("the table is one entry a line, codes below the category before them written from their dot", (t) => {
  t.is(classTable(model.classes.filter((entry) => entry.home.kind === "root")), "`\nAuth category\n.Token\nQuota retryable category\n.Daily\nUpstream category\n.Timeout name=LedgerTimeoutError fault=server\n`");
});

test("a code with a hyphen: its class is named by the identifier rule, which its table entry states, since the runtime's rule keeps the hyphen", (t) => {
  const hyphens = modelOf({ "spec/errors.yaml": "specVersion: 1\npackage:\n  name: hyphen-errors\n  version: 1.0.0\ncodes:\n  SVCSTG.CCE-ADDONMGR.4000003:\n    description: Add-on failed.\n  APIGW.0101:\n    description: Not found.\n" });
  const byCode = new Map(hyphens.classes.map((entry) => [entry.code, entry]));
  t.is(byCode.get("SVCSTG.CCE-ADDONMGR.4000003")!.name, "SVCSTGCCEADDONMGR4000003Error");
  t.is(classEntry(byCode.get("SVCSTG.CCE-ADDONMGR.4000003")!), "SVCSTG.CCE-ADDONMGR.4000003 name=SVCSTGCCEADDONMGR4000003Error");
  t.is(classEntry(byCode.get("SVCSTG")!), "SVCSTG category", "its category, without a hyphen, needs none");
  t.is(classEntry(byCode.get("APIGW.0101")!), "APIGW.0101", "digits need no name: the runtime's rule gives the same");
});
