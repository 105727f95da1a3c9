// The validate stage: runs every rule over the loaded YAML and collects every diagnostic.
// Never throws on user input; the caller builds a model only when there are no diagnostics.
import { diagnostic, type Diagnostic } from "../diagnostics.ts";
import type { YamlNode } from "../load/load-yaml.ts";
import { checkNames } from "./check-names.ts";
import { checkShape, describe, type CheckedObject } from "./check-shape.ts";
import { specShape } from "./spec-shape.ts";
import { readSpecInput, type SpecInput } from "./spec-input.ts";

export interface ValidatedSpec {
  /** Present when the spec has the shape of a spec at all, even if some rules failed. */
  readonly input: SpecInput | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

export function validateSpec(root: YamlNode, sourceName: string): ValidatedSpec {
  if (root.kind !== "map") {
    const empty = root.kind === "scalar" && root.value === null;
    const message = empty
      ? "the spec is empty: expected a mapping with specVersion, package and codes"
      : `a spec is a mapping with specVersion, package and codes, but this is ${describe(root)}`;
    return { input: undefined, diagnostics: [diagnostic(root.position, message)] };
  }
  const diagnostics: Diagnostic[] = [];
  const checked = checkShape(root, specShape, diagnostics) as CheckedObject;
  const input = readSpecInput(checked, sourceName);
  diagnostics.push(...checkNames(input));
  return { input, diagnostics };
}
