// Every valid spec generates a package that compiles and behaves, by property: arbitrary valid specs
// (test/helpers/spec-arbitrary.ts) and fixed ones are generated, all their packages are type-checked in
// one tsc program (sources and both builds' declarations, strict with exactOptionalPropertyTypes and
// noUncheckedIndexedAccess, plus a file per package asserting each action's code type exactly), and each
// package's ESM and CJS builds are loaded and compared with the model: every code's class, parent and
// retryable, and which codes each action's guard accepts; and bodies built from its envelope: what the
// guards, toApiError (of a body, its error object, an error's JSON) and unwrapResponse make of them, and,
// broken anywhere along the envelope's paths, that the guards still answer and nothing else throws.
//
// The seed is random; a failure names it: ERRGEN_PROPERTY_SEED=<seed> npx ava test/package/every-valid-spec.test.ts
import test from "ava";
import fc from "fast-check";
import { execFile } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { compileFiles } from "../../generator/errgen.ts";
import { diskSpecFiles, memorySpecFiles, type SpecFiles } from "../../generator/load/spec-files.ts";
import type { ClassModel, CodeModel, Model, ProductModel } from "../../generator/model/model.ts";
import { REPO_ROOT, tempDir } from "../helpers/run-cli.ts";
import { specArbitrary } from "../helpers/spec-arbitrary.ts";

const run = promisify(execFile);
const SEED = Number(process.env["ERRGEN_PROPERTY_SEED"] ?? Math.floor(Math.random() * 2 ** 31));
const RUNS = Number(process.env["ERRGEN_PROPERTY_RUNS"] ?? 60);

/** Actions that list their product's codes, a common code the product repeats, one of a common category it extends, one it does not declare at all, and nothing. */
const ACTIONS_EXAMPLE = {
  "spec.yaml": [
    "specVersion: 1",
    "package: {name: actions-errors, version: 1.0.0}",
    "categories: {Quota: {retryable: true}}",
    "codes:",
    "  Quota.Daily: {description: Spent.}",
    "  Upstream.Timeout: {description: Late., fault: server}",
    "  InternalError: {description: Broken.}",
    "products: [products/invoices.yaml, products/ledger.yaml]",
    "",
  ].join("\n"),
  "products/invoices.yaml": [
    "product: invoices",
    "version: '1'",
    "codes:",
    "  Quota.Invoices: {description: Too many.}",
    "  Quota.Daily: {description: Spent today.}",
    "  Invoice.Voided: {description: Voided.}",
    "actions:",
    "  IssueInvoice: [Quota.Invoices, Upstream.Timeout, Quota.Daily]",
    "  VoidInvoice: [Invoice.Voided]",
    "  OnlyCommon: [InternalError, Upstream.Timeout]",
    "  Nothing: []",
    "",
  ].join("\n"),
  "products/ledger.yaml": "product: ledger\nversion: '2'\ncodes: {}\nactions:\n  Post: [Upstream.Timeout]\n",
};

/** A 300-character category that two products share: its module's file name must stay within what file systems allow. */
const LONG = `Long${"x".repeat(296)}`;
const LONG_NAMES_EXAMPLE = {
  "spec.yaml": "specVersion: 1\npackage: {name: long-errors, version: 1.0.0}\ncodes: {A.B: {description: d}}\nproducts: [products/p.yaml, products/q.yaml]\n",
  "products/p.yaml": `product: p\nversion: '1'\ncodes:\n  ${LONG}.One: {description: d}\nactions:\n  Act: [${LONG}.One, A.B]\n`,
  "products/q.yaml": `product: q\nversion: '1'\ncodes:\n  ${LONG}.Two: {description: d}\n  ${LONG}: {description: d}\n`,
};

interface Case {
  readonly name: string;
  readonly files: SpecFiles;
  /** The spec's text, to show when the case fails. */
  readonly text: string;
  /** Drawn by fast-check, rather than written by hand. */
  readonly sampled: boolean;
}

function cases(): Case[] {
  const fixed: Case[] = [
    { name: "the actions example", files: memorySpecFiles(ACTIONS_EXAMPLE, "spec.yaml"), text: JSON.stringify(ACTIONS_EXAMPLE, null, 2), sampled: false },
    { name: "the long names example", files: memorySpecFiles(LONG_NAMES_EXAMPLE, "spec.yaml"), text: JSON.stringify(LONG_NAMES_EXAMPLE, null, 2), sampled: false },
    { name: "the billing example (every feature)", files: diskSpecFiles(join(REPO_ROOT, "spec/examples/billing/spec.yaml"), REPO_ROOT), text: "spec/examples/billing", sampled: false },
  ];
  const sampled = fc.sample(specArbitrary, { numRuns: RUNS, seed: SEED }).map((spec, index) => ({
    name: `sample ${index} of seed ${SEED}`,
    files: memorySpecFiles(spec.files, "spec.yaml"),
    text: Object.entries(spec.files).map(([path, text]) => `--- ${path}\n${text}`).join(""),
    sampled: true,
  }));
  return [...fixed, ...sampled];
}

interface Generated {
  readonly case: Case;
  readonly model: Model;
  readonly dir: string;
}

/** `Equal<A, B>` holds only for identical types; each action's code type is pinned with it. */
function typeChecks(model: Model): string {
  const lines = ["type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;"];
  for (const [index, product] of model.products.entries()) {
    for (const [build, from] of [["src", `./src/${product.module}.js`], ["esm", `./dist/esm/${product.module}.js`], ["cjs", `./dist/cjs/${product.module}.js`]]) {
      const alias = `P${index}${build}`;
      lines.push(`import type { ${product.exports.actionErrorCode} as ${alias} } from ${JSON.stringify(from)};`);
      for (const action of product.actions) {
        const expected = action.codes.length === 0 ? "never" : action.codes.map((code) => JSON.stringify(code)).join(" | ");
        lines.push(`export const ${alias}_${action.name}: Equal<${alias}<${JSON.stringify(action.name)}>, ${expected}> = true;`);
      }
    }
  }
  return `${lines.join("\n")}\n`;
}

type Exports = Record<string, unknown>;
type ErrorLike = { readonly code: string; readonly retryable: boolean; readonly name: string };
type ErrorClassLike = (abstract new (...args: never[]) => unknown) & { readonly code?: string };

/** What a build's module says, against the model: classes, parents, retryable, action guards. */
function behaviourProblems(model: Model, load: (module: string) => Exports): string[] {
  const problems: string[] = [];
  const root = load("index");
  const base = root[model.baseClass] as ErrorClassLike;
  const checkClasses = (entry: Exports, classes: readonly ClassModel[], convert: (input: unknown) => ErrorLike, where: string) => {
    for (const cls of classes) {
      const own = entry[cls.name] as ErrorClassLike | undefined;
      const parent = (cls.parent === model.baseClass ? base : entry[cls.parent] ?? root[cls.parent]) as ErrorClassLike | undefined;
      if (typeof own !== "function") {
        problems.push(`${where}: ${cls.name} is not exported`);
        continue;
      }
      if (parent === undefined || Object.getPrototypeOf(own) !== parent) problems.push(`${where}: ${cls.name} does not extend ${cls.parent}`);
      const error = convert({ code: cls.code, message: "m" });
      if (!(error instanceof own)) problems.push(`${where}: ${cls.code} is not converted to ${cls.name}`);
      if (error.code !== cls.code || error.retryable !== cls.retryable) problems.push(`${where}: ${cls.code} converts with code ${error.code}, retryable ${error.retryable}; the model says ${cls.retryable}`);
    }
  };
  checkClasses(root, model.classes.filter((cls) => cls.home.kind === "root"), root["toApiError"] as (input: unknown) => ErrorLike, "root");
  for (const product of model.products) {
    const entry = load(product.module);
    const convert = entry[product.exports.toError] as (input: unknown) => ErrorLike;
    checkClasses(entry, product.classes, convert, product.name);
    const guard = entry[product.exports.actionGuard] as (action: string, error: unknown) => boolean;
    const candidates = [...new Set([...model.codes, ...product.codes].map((code: CodeModel) => code.code))];
    for (const action of product.actions) {
      for (const code of candidates) {
        if (guard(action.name, convert({ code })) !== action.codes.includes(code)) problems.push(`${product.name}: ${action.name} ${action.codes.includes(code) ? "rejects" : "accepts"} ${code}`);
      }
    }
  }
  for (const problem of envelopeProblems(model, root)) problems.push(problem);
  return problems;
}

type Json = Record<string, unknown>;

/** `value` at `path` below `target`, making the objects on the way; the empty path merges an object into `target`. */
function put(target: Json, path: readonly string[], value: unknown): void {
  if (path.length === 0) {
    Object.assign(target, value);
    return;
  }
  let at = target;
  for (const name of path.slice(0, -1)) at = (at[name] ??= {}) as Json;
  at[path[path.length - 1]!] = value;
}

function read(value: unknown, path: readonly string[]): unknown {
  return path.reduce((at: unknown, name) => (at as Json | undefined)?.[name], value);
}

const FIELD_VALUES = { string: "text", number: 7, boolean: true, json: { list: [1, "two", null] } } as const;

/** An error body and a success body built from the model's envelope, and what the package must make of them. */
function envelopeProblems(model: Model, root: Exports): string[] {
  const problems: string[] = [];
  const { response, error, code, message, requestId, result, fields } = model.envelope;
  const isErrorEnvelope = root["isErrorEnvelope"] as (value: unknown) => boolean;
  const isSuccessEnvelope = root["isSuccessEnvelope"] as (value: unknown) => boolean;
  const toApiError = root["toApiError"] as (value: unknown) => Json & { toJSON(): Json };
  const unwrapResponse = root["unwrapResponse"] as (value: unknown) => unknown;
  const known = model.classes.find((cls) => cls.home.kind === "root")!;

  const errorBody: Json = {};
  put(errorBody, [...response, ...error, ...code], known.code);
  if (message) put(errorBody, [...response, ...error, ...message], "went wrong");
  if (requestId) put(errorBody, [...response, ...requestId], "r-1");
  for (const field of fields) put(errorBody, [...response, ...error, ...field.path], FIELD_VALUES[field.type]);
  const expected: Json = { code: known.code, message: message ? "went wrong" : "", requestId: requestId ? "r-1" : undefined };
  for (const field of fields) expected[field.name] = FIELD_VALUES[field.type];

  const same = (what: string, actual: Json, wanted: Json) => {
    for (const [key, value] of Object.entries(wanted)) {
      if (JSON.stringify(actual[key]) !== JSON.stringify(value)) problems.push(`envelope: ${what} has ${key} ${JSON.stringify(actual[key])}, expected ${JSON.stringify(value)}`);
    }
  };
  if (!isErrorEnvelope(errorBody) || isSuccessEnvelope(errorBody)) problems.push(`envelope: ${JSON.stringify(errorBody)} is not told an error`);
  const converted = toApiError(errorBody);
  if (converted["name"] !== known.name) problems.push(`envelope: ${JSON.stringify(errorBody)} converts to ${String(converted["name"])}, not ${known.name}`);
  same("the error of a body", converted, expected);
  same("the error of its JSON", toApiError(JSON.parse(JSON.stringify(converted.toJSON()))), expected);
  // The error object alone: the request id comes with it only where the error object is the response object.
  same("the error of the error object", toApiError(read(errorBody, [...response, ...error])), { ...expected, requestId: error.length === 0 ? expected["requestId"] : undefined });
  try {
    unwrapResponse(errorBody);
    problems.push("envelope: unwrapResponse returned for an error body");
  } catch (thrown) {
    same("what unwrapResponse throws", thrown as Json, expected);
  }

  const successBody: Json = {};
  put(successBody, response, {});
  if (requestId) put(successBody, [...response, ...requestId], "r-2");
  put(successBody, result, { ...(read(successBody, result) as Json | undefined), Items: [1, 2] });
  if (!isSuccessEnvelope(successBody) || isErrorEnvelope(successBody)) problems.push(`envelope: ${JSON.stringify(successBody)} is not told a success`);
  else if (unwrapResponse(successBody) !== read(successBody, result)) problems.push(`envelope: unwrapResponse(${JSON.stringify(successBody)}) is not its payload`);

  // Bodies broken anywhere along their paths (arrays, primitives, null, any JSON): the guards still answer,
  // toApiError and unwrapResponse still return or throw as documented.
  const paths = [response, [...response, ...error], [...response, ...error, ...code], ...(requestId ? [[...response, ...requestId]] : []), result, ...fields.map((field) => [...response, ...error, ...field.path])];
  const broken = fc.tuple(fc.constantFrom(errorBody, successBody), fc.constantFrom(...paths), fc.nat(), fc.oneof(fc.jsonValue(), fc.constantFrom(null, [], [1], "", 0, false)));
  fc.assert(
    fc.property(broken, ([body, path, cut, value]) => {
      const copy = JSON.parse(JSON.stringify(body)) as Json;
      const prefix = path.slice(0, path.length === 0 ? 0 : (cut % path.length) + 1);
      if (prefix.length > 0) put(copy, prefix, value);
      if (typeof isErrorEnvelope(copy) !== "boolean" || typeof isSuccessEnvelope(copy) !== "boolean") return false;
      for (const run of [() => toApiError(copy), () => unwrapResponse(copy)]) {
        try {
          run();
        } catch (thrown) {
          if (!(thrown instanceof TypeError) && !(thrown instanceof (root[model.baseClass] as ErrorClassLike))) return false;
        }
      }
      return true;
    }),
    { numRuns: 100, seed: SEED },
  );
  return problems;
}

test(`every valid spec generates a package that type-checks strictly and behaves as its model says (${RUNS} sampled specs, seed ${SEED})`, async (t) => {
  const dir = tempDir(t, "errgen-every-spec-");
  const generated: Generated[] = [];
  const skipped: string[] = [];
  for (const entry of cases()) {
    const compiled = compileFiles(entry.files);
    if (!compiled.ok) {
      const why = `${entry.name} is not valid: ${compiled.diagnostics.map((d) => `${d.position.file}:${d.position.line}: ${d.message}`).join("; ")}\n${entry.text}`;
      // The arbitrary aims at valid specs; the validator has the last word on the rare draw that is not.
      if (entry.sampled) {
        skipped.push(why);
        continue;
      }
      return t.fail(why);
    }
    const packageDir = join(dir, `p${generated.length}`); // pN is generated[N], for naming a failing spec
    for (const file of compiled.files) {
      mkdirSync(dirname(join(packageDir, file.path)), { recursive: true });
      writeFileSync(join(packageDir, file.path), file.contents);
    }
    writeFileSync(join(packageDir, "check-actions.ts"), typeChecks(compiled.model));
    generated.push({ case: entry, model: compiled.model, dir: packageDir });
  }
  t.true(skipped.length <= RUNS / 10, `most sampled specs are valid; skipped:\n${skipped.join("\n")}`);
  t.true(generated.filter((entry) => entry.model.products.some((product) => product.actions.length > 0)).length > RUNS / 3, "enough specs have actions");

  const tsconfig = {
    compilerOptions: {
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      noEmit: true,
      module: "nodenext",
      moduleResolution: "nodenext",
      target: "es2022",
      lib: ["es2022"],
      types: [],
      skipLibCheck: false,
    },
    include: ["p*/src/**/*.ts", "p*/dist/**/*.d.ts", "p*/check-actions.ts"],
  };
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify(tsconfig, null, 2));
  try {
    await run(process.execPath, [join(REPO_ROOT, "node_modules/typescript/bin/tsc"), "-p", dir], { maxBuffer: 1 << 26 });
  } catch (error) {
    const output = String((error as { stdout?: string }).stdout ?? error);
    const failing = [...new Set([...output.matchAll(/^p(\d+)\//gm)].map((match) => Number(match[1])))];
    return t.fail(`tsc failed (seed ${SEED}):\n${output.slice(0, 4000)}\n${failing.map((index) => `${generated[index]!.case.name}:\n${generated[index]!.case.text}`).join("\n")}`);
  }

  const require = createRequire(import.meta.url);
  for (const entry of generated) {
    for (const [build, load] of [
      ["esm", async (module: string) => (await import(pathToFileURL(join(entry.dir, "dist/esm", `${module}.js`)).href)) as Exports],
      ["cjs", async (module: string) => require(join(entry.dir, "dist/cjs", `${module}.js`)) as Exports],
    ] as const) {
      const modules = new Map<string, Exports>();
      for (const module of ["index", ...entry.model.products.map((product: ProductModel) => product.module)]) modules.set(module, await load(module));
      const problems = behaviourProblems(entry.model, (module) => modules.get(module)!);
      if (problems.length > 0) return t.fail(`${entry.case.name}, ${build} build:\n${problems.slice(0, 20).join("\n")}\n${entry.case.text}`);
    }
  }
  t.pass(`${generated.length} packages`);
});
