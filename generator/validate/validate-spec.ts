// The validate stage: runs every rule over the loaded YAML of the root spec and its products, and
// collects every diagnostic. Never throws on user input; the caller builds a model only when there
// are none.
import { diagnostic, type Diagnostic } from "../diagnostics.ts";
import { loadProductFile, type LoadedFile, type LoadedSpec, type ProductFile } from "../load/load-spec.ts";
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

/** What one product spec file yields on its own: its input, when it has the shape of one, and its diagnostics. */
export interface ProductRead {
  readonly product: ProductInput | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Loads and validates one product spec: everything about it that does not depend on other files.
 * Products are independent here, so a share of them can be read on another thread.
 */
export function readProductSpec(file: ProductFile): ProductRead {
  const { loaded, diagnostics } = loadProductFile(file);
  const all = [...diagnostics];
  const node = asMapping(loaded, "a product spec is a mapping with product, version and codes", all);
  if (!node) return { product: undefined, diagnostics: all };
  return { product: readProductInput(checkShape(node, productShape, all) as CheckedObject, file.location.sourceName), diagnostics: all };
}

/** Validates the root spec, and the products (read by readProductSpec, in the root's order) against it and each other. */
export function validateSpec(loaded: LoadedSpec, products: readonly ProductRead[]): ValidatedSpec {
  const diagnostics: Diagnostic[] = products.flatMap((read) => read.diagnostics);
  const root = asMapping(loaded.root, "a spec is a mapping with specVersion, package and codes", diagnostics);
  if (!root) return { input: undefined, diagnostics };
  const checked = checkShape(root, specShape, diagnostics) as CheckedObject;
  const inputs = products.flatMap((read) => (read.product ? [read.product] : []));
  const input = readSpecInput(checked, loaded.root.location.sourceName, inputs);
  // Appended one by one: a spec with 100,000s of problems would overflow the stack as spread arguments.
  for (const found of [checkCodes(input), checkNames(input)]) for (const entry of found) diagnostics.push(entry);
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
