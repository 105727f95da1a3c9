// Product specs: where each class lives, one class per code string, and no product module that
// loads another. Specs are held in memory so that every rule can be exercised in isolation.
import test from "ava";
import { analyzeFiles, compileFiles } from "../../generator/errgen.ts";
import { emitModules } from "../../generator/emit/emit-package.ts";
import { memorySpecFiles } from "../../generator/load/spec-files.ts";
import type { Model } from "../../generator/model/model.ts";
import { formatDiagnostic } from "../../generator/diagnostics.ts";

const ROOT = `specVersion: 1
package:
  name: test-api-errors
  version: 1.0.0
naming:
  baseClass: TestApiError
  codeEnum: CommonErrorCode
categories:
  Throttled:
    retryable: true
codes:
  Auth.Token:
    description: Token error.
  Internal:
    description: Internal error.
  Throttled:
    description: Too many requests.
products:
  - products/alpha.yaml
  - products/beta.yaml
`;

const ALPHA = `product: alpha
version: "2024-01-01"
codes:
  Auth.Token:
    description: Alpha's own words for a common code.
  Auth.Alpha:
    description_zh: 只有 alpha。
  Shared.Thing:
    description: Used by alpha and beta.
  Shared.Thing.Deeper:
    description: Only alpha, below a shared code.
  Throttled.Burst:
    description: A product code in a retryable common category.
actions:
  DescribeAlpha: [Internal, Auth.Alpha]
  CreateAlpha: [Shared.Thing.Deeper]
`;

const BETA = `product: beta
version: "2024-02-02"
codes:
  Shared.Thing:
    description: Beta says it differently.
  Beta.Only:
    description: Only beta.
actions:
  RunBeta: [Shared.Thing, Beta.Only, Throttled]
`;

function files(overrides: Record<string, string> = {}) {
  return memorySpecFiles({ "spec/api.yaml": ROOT, "spec/products/alpha.yaml": ALPHA, "spec/products/beta.yaml": BETA, ...overrides }, "spec/api.yaml");
}

function model(): Model {
  const analyzed = analyzeFiles(files());
  if (!analyzed.ok) throw new Error(analyzed.diagnostics.map(formatDiagnostic).join("\n"));
  return analyzed.model;
}

test("each class lives in the root, a shared module, or its one product's module", (t) => {
  const homes = Object.fromEntries(model().classes.map((entry) => [entry.code, entry.home.kind === "root" ? "root" : entry.home.kind === "shared" ? entry.home.module : entry.home.product]));
  t.deepEqual(homes, {
    Auth: "root",
    "Auth.Alpha": "alpha",
    "Auth.Token": "root",
    Beta: "beta",
    "Beta.Only": "beta",
    Internal: "root",
    Shared: "shared/shared",
    "Shared.Thing": "shared/shared",
    "Shared.Thing.Deeper": "alpha",
    Throttled: "root",
    "Throttled.Burst": "alpha",
  });
});

test("a product code extends the class of its nearest ancestor, common or shared; retryable is inherited", (t) => {
  const byCode = new Map(model().classes.map((entry) => [entry.code, entry]));
  t.like(byCode.get("Auth.Alpha"), { parent: "AuthError" });
  t.like(byCode.get("Shared.Thing.Deeper"), { parent: "SharedThingError" });
  t.like(byCode.get("Throttled.Burst"), { parent: "ThrottledError", retryable: true, overridesRetryable: false });
  t.is(model().classes.filter((entry) => entry.code === "Shared.Thing").length, 1, "one class per code string");
});

test("a product keeps its own descriptions, also for codes it shares", (t) => {
  const [alpha, beta] = model().products;
  t.is(alpha!.codes.find((code) => code.code === "Auth.Token")?.description, "Alpha's own words for a common code.");
  t.is(beta!.codes.find((code) => code.code === "Shared.Thing")?.description, "Beta says it differently.");
  t.is(alpha!.codes.find((code) => code.code === "Auth.Alpha")?.description, undefined);
  t.deepEqual(alpha!.actions, [
    { name: "CreateAlpha", codes: ["Shared.Thing.Deeper"] },
    { name: "DescribeAlpha", codes: ["Auth.Alpha", "Internal"] },
  ]);
});

test("no product module imports another product's module", (t) => {
  for (const module of emitModules(model())) {
    if (!module.path.startsWith("products/") && !module.path.startsWith("shared/")) continue;
    const own = module.path;
    const products = (module.imports ?? []).map((entry) => entry.from).filter((from) => from.startsWith("products/") && from !== own);
    t.deepEqual(products, [], `${own} imports ${products.join(", ")}`);
  }
});

test("an action listing a code its product lacks is an error in the product spec, at the code", (t) => {
  const compiled = compileFiles(files({ "spec/products/beta.yaml": BETA.replace("[Shared.Thing, Beta.Only, Throttled]", "[Shared.Thing, Nope.Nope]") }));
  t.false(compiled.ok);
  if (compiled.ok) return;
  t.deepEqual(compiled.diagnostics.map(formatDiagnostic), [
    'spec/products/beta.yaml:9:27: error: action "RunBeta" lists code "Nope.Nope", which is neither a code of product "beta" nor a common code: add it to the product\'s codes',
  ]);
});

test("a code that disagrees with itself across specs is an error naming both places", (t) => {
  const compiled = compileFiles(
    files({
      "spec/products/alpha.yaml": ALPHA.replace("    description: Used by alpha and beta.", "    description: Used by alpha and beta.\n    retryable: false"),
      "spec/products/beta.yaml": BETA.replace("    description: Beta says it differently.", "    description: Beta says it differently.\n    retryable: true"),
    }),
  );
  t.false(compiled.ok);
  if (compiled.ok) return;
  t.deepEqual(compiled.diagnostics.map(formatDiagnostic), [
    'spec/products/beta.yaml:4:3: error: code "Shared.Thing" has retryable: true here but retryable: false at spec/products/alpha.yaml:8:3: a code is one class in the package, so its retryable must agree (descriptions may differ)',
  ]);
});

test("a silent declaration takes the class-level fields another gives", (t) => {
  const analyzed = analyzeFiles(files({ "spec/products/beta.yaml": BETA.replace("    description: Beta says it differently.", "    description: Beta says it differently.\n    fault: server") }));
  if (!analyzed.ok) return t.fail(analyzed.diagnostics.map(formatDiagnostic).join("\n"));
  t.like(analyzed.model.classes.find((entry) => entry.code === "Shared.Thing"), { fault: "server" });
  t.like(analyzed.model.products[0]!.codes.find((code) => code.code === "Shared.Thing"), { fault: "server" });
});

test("an action that lists a code twice is an error at the second", (t) => {
  const compiled = compileFiles(files({ "spec/products/alpha.yaml": ALPHA.replace("[Internal, Auth.Alpha]", "[Internal, Auth.Alpha, Internal]") }));
  t.false(compiled.ok);
  if (compiled.ok) return;
  t.deepEqual(compiled.diagnostics.map(formatDiagnostic), ['spec/products/alpha.yaml:15:41: error: action "DescribeAlpha" lists code "Internal" twice: keep one']);
});

test("the same product twice, and an unreadable product spec, are errors at the root's list", (t) => {
  const root = ROOT.replace("  - products/beta.yaml", "  - products/beta.yaml\n  - products/alpha.yaml\n  - products/missing.yaml");
  const compiled = compileFiles(files({ "spec/api.yaml": root }));
  t.false(compiled.ok);
  if (compiled.ok) return;
  t.deepEqual(compiled.diagnostics.map(formatDiagnostic), [
    'spec/api.yaml:21:5: error: product spec "products/alpha.yaml" is listed twice (first at 19:5): keep one',
    'spec/api.yaml:22:5: error: cannot read product spec "products/missing.yaml" (spec/products/missing.yaml): no such file',
  ]);
});
