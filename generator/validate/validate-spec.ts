// The validate stage: runs every rule over the loaded YAML of the root spec and its products, and
// collects every diagnostic. Never throws on user input; the caller builds a model only when there
// are none.
import { diagnostic, type Diagnostic } from "../diagnostics.ts";
import type { LoadedFile, LoadedSpec } from "../load/load-spec.ts";
import type { YamlMap } from "../load/load-yaml.ts";
import { checkCodes } from "./check-codes.ts";
import { checkEnvelope } from "./check-envelope.ts";
import { checkNames } from "./check-names.ts";
import { checkShape, describe, type CheckedObject } from "./check-shape.ts";
import { mergeDeclarations, mergedCodesOf } from "../declarations/merge-declarations.ts";
import { resolveNames, type ResolvedNames } from "./resolve-names.ts";
import { productShape, specShape } from "./spec-shape.ts";
import { readProductInput, readSpecInput, type CodeInput, type ProductInput, type SpecInput } from "./spec-input.ts";

/** What validation hands the model: the spec's input, with its declarations merged and its names resolved once. */
export interface ResolvedSpec {
  readonly input: SpecInput;
  /** Every code string with its declarations, root first then products by name; the first is the merged one (merge-declarations.ts). */
  readonly declarations: ReadonlyMap<string, readonly CodeInput[]>;
  readonly names: ResolvedNames;
}

export interface ValidatedSpec {
  /** Present when the root spec has the shape of a spec at all, even if some rules failed. */
  readonly spec: ResolvedSpec | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/** Validates the root spec, each product spec on its own, then all of them against each other. */
export function validateSpec(loaded: LoadedSpec): ValidatedSpec {
  const diagnostics: Diagnostic[] = [];
  const products = loaded.products.flatMap((file) => {
    const product = validateProduct(file, diagnostics);
    return product ? [product] : [];
  });
  const root = asMapping(loaded.root, "a spec is a mapping with specVersion, package and codes", diagnostics);
  if (!root) return { spec: undefined, diagnostics };
  const checked = checkShape(root, specShape, diagnostics) as CheckedObject;
  const input = readSpecInput(checked, loaded.root.location.sourceName, products);
  const declarations = mergeDeclarations(input.codes, input.products);
  const names = resolveNames({ codes: mergedCodesOf(declarations), categories: input.categories });
  // Appended one by one: a spec with 100,000s of problems would overflow the stack as spread arguments.
  for (const found of [checkEnvelope(input.envelope), checkCodes(input), checkNames(input, declarations, names)]) for (const entry of found) diagnostics.push(entry);
  return { spec: { input, declarations, names }, diagnostics };
}

/** Everything about one product spec that does not depend on other files. */
function validateProduct(file: LoadedFile, diagnostics: Diagnostic[]): ProductInput | undefined {
  const node = asMapping(file, "a product spec is a mapping with product, version and codes", diagnostics);
  return node ? readProductInput(checkShape(node, productShape, diagnostics) as CheckedObject, file.location.sourceName) : undefined;
}

/** The file's root node when it is a mapping; a diagnostic otherwise (nothing for a file that did not parse). */
function asMapping(file: LoadedFile, expected: string, diagnostics: Diagnostic[]): YamlMap | undefined {
  const node = file.root;
  if (node === undefined || node.kind === "map") return node;
  const empty = node.kind === "scalar" && node.value === null;
  const message = empty ? `the spec is empty: expected ${expected.replace(/^a (product )?spec is /, "")}` : `${expected}, but this is ${describe(node)}`;
  diagnostics.push(diagnostic(node.position, message));
  return undefined;
}
