// The JSON Schemas an editor uses for specs (generated/schema/, built from the validator's shapes):
// every spec errgen accepts passes them, and every invalid fixture errgen rejects is rejected by them
// too, unless it is listed below with the reason a JSON Schema cannot say it.
import test from "ava";
import { Ajv } from "ajv";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join, relative } from "node:path";
import { loadYaml, type YamlNode } from "../../generator/load/load-yaml.ts";
import { buildJsonSchemas, SCHEMA_FILES } from "../../generator/schema/build-json-schema.ts";
import { REPO_ROOT, runErrgen, tempDir } from "../helpers/run-cli.ts";

const SHIPPED = join(REPO_ROOT, "generated/schema");
const INVALID = join(REPO_ROOT, "test/fixtures/invalid");
const VALID = join(REPO_ROOT, "test/fixtures/valid");

/**
 * The rules errgen checks that a JSON Schema cannot say: each is a relation between values after
 * errgen's naming, not a property of one value. (README, "Editor support", lists them for users.)
 */
const BEYOND_SCHEMA = {
  collisions: "two codes resolving to the same identifier (PascalCase joining, the Error suffix rule, name: overrides)",
  exports: "a code's identifier, or a naming: value, colliding with a name the package itself exports",
  unavailable: "a generated name that is a JavaScript or Node.js global, or a name errgen's own code declares (`baseClass: Promise`, a code `Aggregate`)",
  actions: "an action naming a code that neither the product nor the common codes define",
  crossFile: "a product code repeating a common code with different metadata",
  envelope: "envelope paths that put two values in one place or one inside another, and a built-in field (`httpStatus`, `traceId`) of another type",
} as const;

/** The invalid fixtures whose every problem is beyond the schema (the schema accepts them), and which rules. */
const ACCEPTED_BY_SCHEMA: Readonly<Record<string, readonly (keyof typeof BEYOND_SCHEMA)[]>> = {
  "identifier-collisions": ["collisions"],
  "naming-collisions": ["exports"],
  "unavailable-names": ["unavailable"],
  "overlapping-envelope-paths": ["envelope"],
};

/** The YAML as an editor's language server hands it to the schema: plain JSON, keys as strings. */
function toJson(node: YamlNode): unknown {
  switch (node.kind) {
    case "scalar":
      return node.value;
    case "seq":
      return node.items.map(toJson);
    case "map": {
      const object: Record<string, unknown> = {};
      for (const { key, value } of node.entries) {
        const name = key.kind === "scalar" ? String(key.value) : JSON.stringify(toJson(key));
        if (Object.hasOwn(object, name)) throw new DuplicateKey(name);
        Object.defineProperty(object, name, { value: toJson(value), enumerable: true, writable: true, configurable: true });
      }
      return object;
    }
  }
}

class DuplicateKey extends Error {}

type Verdict = "valid" | "schema rejects" | "YAML rejects";

// strictRequired off: it cannot see that `anyOf: [{ required: [description] }, …]` refers to properties declared beside it.
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
const validators = Object.fromEntries(
  Object.values(SCHEMA_FILES).map((file) => [file, ajv.compile(JSON.parse(readFileSync(join(SHIPPED, file), "utf8")))]),
) as Record<(typeof SCHEMA_FILES)[keyof typeof SCHEMA_FILES], ReturnType<Ajv["compile"]>>;

/** How an editor with the schema sees a file: a YAML problem (duplicate keys included), a schema problem, or fine. */
function verdict(file: string, schema: keyof typeof validators): { verdict: Verdict; errors: string } {
  const loaded = loadYaml(readFileSync(file, "utf8"), file);
  if (loaded.diagnostics.length > 0 || loaded.root === undefined) return { verdict: "YAML rejects", errors: loaded.diagnostics.map((d) => d.message).join("; ") };
  let value: unknown;
  try {
    value = toJson(loaded.root);
  } catch (error) {
    if (error instanceof DuplicateKey) return { verdict: "YAML rejects", errors: `duplicate key ${error.message}` };
    throw error;
  }
  const validate = validators[schema];
  return validate(value) ? { verdict: "valid", errors: "" } : { verdict: "schema rejects", errors: ajv.errorsText(validate.errors) };
}

test("the shipped schemas are what the validator's shapes build (npm run generate writes them)", (t) => {
  for (const { path, contents } of buildJsonSchemas()) t.is(readFileSync(join(SHIPPED, path), "utf8"), contents, `generated/schema/${path} is stale`);
});

test("every spec in spec/ passes the schemas", (t) => {
  const root = join(REPO_ROOT, "spec/tencentcloud.yaml");
  t.is(verdict(root, SCHEMA_FILES.spec).verdict, "valid", verdict(root, SCHEMA_FILES.spec).errors);
  const products = readdirSync(join(REPO_ROOT, "spec/products")).filter((name) => name.endsWith(".yaml"));
  t.true(products.length >= 3);
  for (const name of products) {
    const result = verdict(join(REPO_ROOT, "spec/products", name), SCHEMA_FILES.product);
    t.is(result.verdict, "valid", `${name}: ${result.errors}`);
  }
});

test("every valid fixture and example spec passes the schemas, and errgen generates it", async (t) => {
  const examples = join(REPO_ROOT, "spec/examples");
  const folders = [...readdirSync(VALID).map((name) => join(VALID, name)), ...readdirSync(examples).map((name) => join(examples, name))].sort();
  t.true(folders.length >= 2);
  for (const dir of folders) {
    const name = relative(REPO_ROOT, dir);
    const result = verdict(join(dir, "spec.yaml"), SCHEMA_FILES.spec);
    t.is(result.verdict, "valid", `${name}: ${result.errors}`);
    if (existsSync(join(dir, "products"))) {
      for (const product of readdirSync(join(dir, "products"))) {
        const productResult = verdict(join(dir, "products", product), SCHEMA_FILES.product);
        t.is(productResult.verdict, "valid", `${name}/products/${product}: ${productResult.errors}`);
      }
    }
    const run = await runErrgen(["generate", "--spec", "spec.yaml", "--out", join(tempDir(t), "out")], dir);
    t.is(run.code, 0, `${name}: ${run.stderr}`);
  }
});

for (const name of readdirSync(INVALID).sort()) {
  test(`invalid fixture ${name}: rejected by the schema too, or listed as beyond it`, (t) => {
    const result = verdict(join(INVALID, name, "spec.yaml"), SCHEMA_FILES.spec);
    const rules = ACCEPTED_BY_SCHEMA[name];
    if (rules === undefined) t.not(result.verdict, "valid", `the schema accepts ${name}, which errgen rejects: tighten the shapes or list it in ACCEPTED_BY_SCHEMA`);
    else t.is(result.verdict, "valid", `${name} is listed as beyond the schema, yet the schema rejects it (${result.errors}): take it off the list`);
  });
}

test("the README lists every rule beyond the schema", (t) => {
  const readme = readFileSync(join(REPO_ROOT, "README.md"), "utf8");
  for (const rule of Object.values(BEYOND_SCHEMA)) t.true(readme.includes(rule), `README.md does not list: ${rule}`);
});

test("the schema rejects each kind of shape error on its own", (t) => {
  const base = { specVersion: 1, package: { name: "x-errors", version: "1.0.0" }, codes: { InternalError: { description: "Internal error." } } };
  const validate = validators[SCHEMA_FILES.spec];
  t.true(validate(base), ajv.errorsText(validate.errors));
  const broken: [string, unknown][] = [
    ["unknown key", { ...base, colour: "blue" }],
    ["missing codes", { ...base, codes: undefined }],
    ["retryable not a boolean", { ...base, codes: { InternalError: { description: "x", retryable: "yes" } } }],
    ["no description", { ...base, codes: { InternalError: { retryable: true } } }],
    ["blank description", { ...base, codes: { InternalError: { description: "  " } } }],
    ["trailing dot", { ...base, codes: { "InternalError.": { description: "x" } } }],
    ["space in a code", { ...base, codes: { "Internal Error": { description: "x" } } }],
    ["specVersion 2", { ...base, specVersion: 2 }],
    ["fault neither client nor server", { ...base, codes: { InternalError: { description: "x", fault: "network" } } }],
    ["name not an identifier", { ...base, codes: { InternalError: { description: "x", name: "2fast" } } }],
    ["bad package name", { ...base, package: { name: "Big Name", version: "1.0.0" } }],
    ["bad version", { ...base, package: { name: "x-errors", version: "1.0" } }],
  ];
  for (const [what, spec] of broken) t.false(validate(JSON.parse(JSON.stringify(spec))), what);
});
