// The validate stage: runs every rule over the loaded YAML of the root spec and its products, and
// collects every diagnostic. Never throws on user input; the caller builds a model only when there
// are none.
import { diagnostic, type Diagnostic } from "../diagnostics.ts";
import type { LoadedFile, LoadedSpec } from "../load/load-spec.ts";
import type { YamlMap } from "../load/load-yaml.ts";
import { checkCodes } from "./check-codes.ts";
import { checkNames } from "./check-names.ts";
import { checkShape, describe, type CheckedObject } from "./check-shape.ts";
import { productShape, specShape } from "./spec-shape.ts";
import { readProductInput, readSpecInput, type ProductInput, type SpecInput } from "./spec-input.ts";

export interface ValidatedSpec {
  /** Present when the root spec has the shape of a spec at all, even if some rules failed. */
  readonly input: SpecInput | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

export function validateSpec(loaded: LoadedSpec): ValidatedSpec {
  const diagnostics: Diagnostic[] = [];
  const root = asMapping(loaded.root, "a spec is a mapping with specVersion, package and codes", diagnostics);
  if (!root) return { input: undefined, diagnostics };
  const checked = checkShape(root, specShape, diagnostics) as CheckedObject;
  const products: ProductInput[] = [];
  for (const file of loaded.products) {
    const node = asMapping(file, "a product spec is a mapping with product, version and codes", diagnostics);
    if (!node) continue;
    const product = readProductInput(checkShape(node, productShape, diagnostics) as CheckedObject, file.location.sourceName);
    if (product) products.push(product);
  }
  const input = readSpecInput(checked, loaded.root.location.sourceName, products);
  diagnostics.push(...checkCodes(input), ...checkNames(input));
  return { input, diagnostics };
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
