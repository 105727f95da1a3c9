// Arbitrary valid specs for property tests (fast-check): root codes of 1–3 segments, with lowercase,
// `_`, `-` and digit-first segments, categories with metadata, deprecations; products that repeat common codes, extend common
// categories, share categories of their own with other products, and have actions drawing on their own
// and the common codes (empty lists included); identifier collisions settled with `name:` as the
// importer settles them, plus a few names given by hand; an envelope of its own (nested paths, "." for the
// object itself, no message or request id, a request id successes may lack, a payload of its own, fields
// of every type, the built-in ones included), or Tencent Cloud's. Printed as YAML files in memory.
import fc from "fast-check";
import { assignNames } from "../../generator/import/build-import.ts";
import { identifierOf } from "../../generator/names/naming.ts";

export interface SpecFilesText {
  /** path → YAML text; the root is `spec.yaml`. */
  readonly files: Readonly<Record<string, string>>;
}

interface CodeEntry {
  readonly code: string;
  readonly description: string;
  readonly retryable?: boolean;
  readonly fault?: "client" | "server";
  readonly deprecated?: { readonly why: string; readonly since?: string | undefined };
  readonly name?: string;
}

interface ProductDraft {
  readonly name: string;
  readonly codes: readonly CodeEntry[];
  readonly actions: readonly { readonly name: string; readonly codes: readonly string[] }[];
}

const firstSegment = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,5}(-[A-Za-z0-9_]{1,3})?$/);
/** Later segments may start with a digit (`APIGW.0101`) and hold a `-` (`CCE-ADDONMGR`). */
const laterSegment = fc.stringMatching(/^[A-Za-z0-9_]{1,5}(-[A-Za-z0-9_]{1,3})?$/);
/** A code below `category`: the category itself, or one or two more segments. */
const codeBelow = (category: string) => fc.array(laterSegment, { minLength: 0, maxLength: 2 }).map((rest) => [category, ...rest].join("."));

const metadata = fc.record(
  {
    retryable: fc.boolean(),
    fault: fc.constantFrom("client" as const, "server" as const),
    deprecated: fc.record({ why: fc.constantFrom("Use another code.", "Gone in 2.0."), since: fc.option(fc.constantFrom("1.1.0", "0.9.0"), { nil: undefined }) }, { requiredKeys: ["why"] }),
    handName: fc.boolean(),
  },
  { requiredKeys: [] },
);

/** Codes below a pool of categories, each with metadata: `minLength` codes at least. */
function codesOver(categories: readonly string[], minLength: number, maxLength: number): fc.Arbitrary<CodeEntry[]> {
  if (categories.length === 0) return fc.constant([]);
  const code = fc.constantFrom(...categories).chain(codeBelow);
  return fc.uniqueArray(fc.tuple(code, metadata), { minLength, maxLength, selector: ([text]) => text }).map((entries) =>
    entries.map(([text, meta]) => ({
      code: text,
      description: `${text} happened.`,
      ...(meta.retryable === undefined ? {} : { retryable: meta.retryable }),
      ...(meta.fault === undefined ? {} : { fault: meta.fault }),
      ...(meta.deprecated === undefined ? {} : { deprecated: meta.deprecated }),
      // PascalCase, and one per code: a name cannot hold `.`, but `$` keeps codes apart.
      ...(meta.handName ? { name: `Hand_${text.replace(/[.-]/g, "$")}` } : {}),
    })),
  );
}

/** A path of one or two names from `pool` (each role has its own names, so that paths never overlap), or `.` where allowed. */
const pathFrom = (pool: readonly string[], self: boolean) =>
  fc.oneof(
    ...(self ? [fc.constant(".")] : []),
    fc.constantFrom(...pool),
    fc.tuple(fc.constantFrom("info", "detail"), fc.constantFrom(...pool)).map(([outer, inner]) => `${outer}.${inner}`),
  );

/** The `envelope:` lines of a spec, or none (Tencent Cloud's). Field names avoid every name an error has. */
const envelopeArbitrary: fc.Arbitrary<readonly string[]> = fc.option(
  fc
    .record({
      response: pathFrom(["Response", "data", "meta"], true),
      error: pathFrom(["Error", "err", "error"], true),
      code: pathFrom(["Code", "code", "status"], false),
      message: fc.oneof(pathFrom(["Message", "msg"], false), fc.constant("null")),
      requestId: fc.oneof(
        pathFrom(["RequestId", "request_id"], false),
        fc.constant("null"),
        pathFrom(["RequestId", "request_id"], false).map((path) => `{ path: ${path}, always: false }`),
      ),
      result: fc.option(fc.constantFrom(".", "Result", "payload"), { nil: undefined }),
      fields: fc.uniqueArray(
        fc.oneof(
          fc.tuple(fc.constantFrom("hostId", "codeN", "details", "flag"), fc.constantFrom("string", "number", "boolean", "json")),
          fc.constantFrom(["httpStatus", "number"] as const, ["traceId", "string"] as const),
        ),
        { maxLength: 3, selector: ([name]) => name },
      ),
    })
    .map(({ response, error, code, message, requestId, result, fields }) => [
      "envelope:",
      `  response: ${JSON.stringify(response)}`,
      `  error: ${JSON.stringify(error)}`,
      `  code: ${code}`,
      `  message: ${message}`,
      `  requestId: ${requestId}`,
      ...(result === undefined ? [] : [`  result: ${JSON.stringify(result)}`]),
      ...(fields.length === 0 ? [] : ["  fields:", ...fields.map(([name, type]) => `    ${name}: { path: ${name === "httpStatus" ? "info.status_code" : `info.${name}_field`}, type: ${type} }`)]),
    ]),
  { nil: [] },
);

const productName = fc.stringMatching(/^[a-z][a-z0-9]{1,6}$/);
const actionName = fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,7}$/);

/** A valid-looking spec; the validator has the last word (a few draws collide with reserved names and are skipped). */
export const specArbitrary: fc.Arbitrary<SpecFilesText> = fc
  .record({
    // Unique by identifier: categories `t` and `T` would share a class name, which only a code's `name:` could settle.
    rootCategories: fc.uniqueArray(firstSegment, { minLength: 1, maxLength: 4, selector: identifierOf }),
    productCategories: fc.uniqueArray(firstSegment, { minLength: 0, maxLength: 3, selector: identifierOf }),
    categoryMeta: fc.array(fc.record({ retryable: fc.boolean(), fault: fc.option(fc.constantFrom("client" as const, "server" as const), { nil: undefined }) }), { minLength: 4, maxLength: 4 }),
    productNames: fc.uniqueArray(productName, { minLength: 0, maxLength: 3 }),
    envelope: envelopeArbitrary,
  })
  .chain(({ rootCategories, productCategories, categoryMeta, productNames, envelope }) => {
    const own = productCategories.filter((category) => !rootCategories.some((root) => identifierOf(root) === identifierOf(category)));
    return fc.record({
      envelope: fc.constant(envelope),
      rootCategories: fc.constant(rootCategories),
      categoryMeta: fc.constant(categoryMeta),
      rootCodes: codesOver(rootCategories, 1, 8),
      products: fc.tuple(
        ...productNames.map((name) =>
          fc.record({
            name: fc.constant(name),
            // Codes of its own categories (some shared with other products), codes extending common categories.
            ownCodes: codesOver(own, 0, 5),
            extending: codesOver(rootCategories, 0, 3),
            repeatCount: fc.nat(3),
            actions: fc.uniqueArray(fc.tuple(actionName, fc.array(fc.nat(), { maxLength: 5 })), { maxLength: 4, selector: ([action]) => action }),
          }),
        ),
      ),
    });
  })
  .map(({ envelope, rootCategories, categoryMeta, rootCodes, products }) => {
    const rootSet = new Set(rootCodes.map((entry) => entry.code));
    const drafts: ProductDraft[] = products.map((product) => {
      // Codes the product declares: its own, codes extending common categories, and common codes it repeats as they are.
      const declared = new Map<string, CodeEntry>();
      for (const entry of [...product.ownCodes, ...product.extending]) if (!rootSet.has(entry.code)) declared.set(entry.code, sharedMetadata(entry.code));
      for (const entry of rootCodes.slice(0, product.repeatCount)) declared.set(entry.code, { code: entry.code, description: `${entry.code} in ${product.name}.` });
      const available = [...new Set([...declared.keys(), ...rootSet])].sort();
      const actions = product.actions.map(([name, picks]) => ({ name, codes: [...new Set(picks.map((pick) => available[pick % available.length]!))].sort() }));
      return { name: product.name, codes: [...declared.values()], actions };
    });
    return printSpec(envelope, rootCategories, categoryMeta, rootCodes, drafts);
  });

/**
 * A product code's metadata, decided by the code alone: several products may declare the same code of a
 * category they share, and `retryable`, `fault` and `name` must agree wherever they are given.
 */
function sharedMetadata(code: string): CodeEntry {
  let hash = 0;
  for (const char of code) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return {
    code,
    description: `${code} happened.`,
    ...(hash % 3 === 0 ? { retryable: hash % 2 === 0 } : {}),
    ...(hash % 5 === 0 ? { fault: "server" as const } : {}),
    ...(hash % 7 === 0 ? { deprecated: { why: "Use another code.", ...(hash % 2 === 0 ? { since: "1.1.0" } : {}) } } : {}),
  };
}

function printSpec(envelope: readonly string[], categories: readonly string[], categoryMeta: readonly { retryable: boolean; fault: "client" | "server" | undefined }[], rootCodes: readonly CodeEntry[], products: readonly ProductDraft[]): SpecFilesText {
  // Settle identifier collisions across the whole package (a code is one class everywhere), as the importer does.
  const everyCode = [...rootCodes.map((entry) => entry.code), ...products.flatMap((product) => product.codes.map((entry) => entry.code))];
  const settled = assignNames(everyCode, new Map());
  const nameOf = (entry: CodeEntry) => entry.name ?? settled.get(entry.code)?.name;
  const rootNames = new Map(rootCodes.map((entry) => [entry.code, nameOf(entry)]));
  const q = (text: string) => JSON.stringify(text);
  const codeLines = (codes: readonly CodeEntry[], named: (entry: CodeEntry) => string | undefined) =>
    codes.flatMap((entry) => {
      const name = named(entry);
      return [
        `  ${q(entry.code)}:`,
        `    description: ${q(entry.description)}`,
        ...(entry.retryable === undefined ? [] : [`    retryable: ${entry.retryable}`]),
        ...(entry.fault === undefined ? [] : [`    fault: ${entry.fault}`]),
        ...(entry.deprecated === undefined ? [] : [`    deprecated: ${q(entry.deprecated.why)}`, ...(entry.deprecated.since ? [`    since: ${entry.deprecated.since}`] : [])]),
        ...(name === undefined ? [] : [`    name: ${name}`]),
      ];
    });
  const root = [
    "specVersion: 1",
    "package:",
    "  name: property-errors",
    "  version: 1.0.0",
    "naming:",
    "  baseClass: PropertyApiError",
    "  codeEnum: PropertyErrorCode",
    ...envelope,
    "categories:",
    ...categories.flatMap((category, index) => {
      const meta = categoryMeta[index % categoryMeta.length]!;
      return [`  ${q(category)}:`, `    retryable: ${meta.retryable}`, ...(meta.fault ? [`    fault: ${meta.fault}`] : [])];
    }),
    "codes:",
    ...codeLines(rootCodes, nameOf),
    ...(products.length > 0 ? ["products:", ...products.map((product) => `  - products/${product.name}.yaml`)] : []),
  ];
  const files: Record<string, string> = { "spec.yaml": `${root.join("\n")}\n` };
  for (const product of products) {
    const lines = [
      `product: ${product.name}`,
      'version: "2025-01-01"',
      product.codes.length > 0 ? "codes:" : "codes: {}",
      // A repeated common code carries the common code's name, since names must agree.
      ...codeLines(product.codes, (entry) => (rootNames.has(entry.code) ? rootNames.get(entry.code) : nameOf(entry))),
      ...(product.actions.length > 0 ? ["actions:", ...product.actions.map((action) => `  ${action.name}: [${action.codes.map(q).join(", ")}]`)] : []),
    ];
    files[`products/${product.name}.yaml`] = `${lines.join("\n")}\n`;
  }
  return { files };
}
