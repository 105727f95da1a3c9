// Rules on codes across files: a code declared in several specs agrees with itself (it is one
// class), products are named once, actions list known codes.
import { diagnostic, formatPositionFrom, type Diagnostic, type SourcePosition } from "../diagnostics.ts";
import type { CodeInput, SpecInput } from "./spec-input.ts";

export function checkCodes(input: SpecInput): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const declarations = new Map<string, CodeInput[]>();
  for (const code of [...input.codes, ...input.products.flatMap((product) => product.codes)]) {
    const earlier = declarations.get(code.code);
    if (earlier) {
      diagnostics.push(...earlier.flatMap((first) => checkAgreement(first, code)).slice(0, 3));
      earlier.push(code);
    } else declarations.set(code.code, [code]);
  }
  diagnostics.push(...checkProducts(input));
  return diagnostics;
}

/**
 * A code declared again (in another product, or repeating a common code) is the same class: where two
 * declarations both say `retryable`, `fault` or `name`, they must agree. One that is silent takes the other's.
 */
function checkAgreement(first: CodeInput, again: CodeInput): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const say = (key: string, value: unknown, other: unknown, position: SourcePosition) => {
    const shown = (v: unknown) => (v === undefined ? "no " + key : `${key}: ${String(v)}`);
    problems.push(
      diagnostic(
        position,
        `code "${again.code}" has ${shown(value)} here but ${shown(other)} at ${formatPositionFrom(first.position, position)}: ` +
          `a code is one class in the package, so its ${key} must agree (descriptions may differ)`,
      ),
    );
  };
  const differ = (a: unknown, b: unknown) => a !== undefined && b !== undefined && a !== b;
  if (differ(again.retryable, first.retryable)) say("retryable", again.retryable, first.retryable, again.position);
  if (differ(again.fault, first.fault)) say("fault", again.fault, first.fault, again.position);
  if (differ(again.name?.value, first.name?.value)) say("name", again.name?.value, first.name?.value, again.name?.position ?? again.position);
  return problems;
}

function checkProducts(input: SpecInput): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const rootCodes = new Set(input.codes.map((code) => code.code));
  const seen = new Map<string, SourcePosition>();
  for (const product of input.products) {
    const name = product.product.value;
    const first = seen.get(name);
    if (first) {
      diagnostics.push(diagnostic(product.product.position, `product "${name}" is already defined at ${formatPositionFrom(first, product.product.position)}: merge the two specs`));
    }
    seen.set(name, product.product.position);
    const own = new Set(product.codes.map((code) => code.code));
    for (const action of product.actions) {
      const listed = new Set<string>();
      for (const code of action.codes) {
        if (listed.has(code.value)) diagnostics.push(diagnostic(code.position, `action "${action.name}" lists code "${code.value}" twice: keep one`));
        listed.add(code.value);
        if (!own.has(code.value) && !rootCodes.has(code.value)) {
          diagnostics.push(
            diagnostic(code.position, `action "${action.name}" lists code "${code.value}", which is neither a code of product "${name}" nor a common code: add it to the product's codes`),
          );
        }
      }
    }
  }
  return diagnostics;
}
