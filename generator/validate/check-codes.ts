// Rules on codes across files: a code declared in several specs agrees with itself (it is one
// class), products are named once, actions list known codes.
import { diagnostic, formatPositionFrom, type Diagnostic, type SourcePosition } from "../diagnostics.ts";
import type { CodeInput, SpecInput } from "./spec-input.ts";

/**
 * The most codes a package may have, root and products together: thirteen times the whole Tencent Cloud
 * catalogue (15,676). Generating near the limit takes 25–45 s and up to 5 GB of memory (README, "Limits").
 */
export const MAX_CODES = 200_000;

export function checkCodes(input: SpecInput): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  // Each code's class-level fields as first given, each with the declaration that gave it.
  const given = new Map<string, ClassLevel>();
  for (const code of [...input.codes, ...input.products.flatMap((product) => product.codes)]) {
    const first = given.get(code.code);
    if (first) for (const problem of checkAgreement(first, code)) diagnostics.push(problem);
    else if (given.size === MAX_CODES) {
      diagnostics.push(diagnostic(code.position, `code "${code.code}" is code number ${(MAX_CODES + 1).toLocaleString("en-US")}: a package holds at most ${MAX_CODES.toLocaleString("en-US")} codes (errgen's limit): split the API into several packages`));
    }
    given.set(code.code, {
      retryable: first?.retryable ?? (code.retryable === undefined ? undefined : code),
      fault: first?.fault ?? (code.fault === undefined ? undefined : code),
      name: first?.name ?? (code.name === undefined ? undefined : code),
      deprecated: first?.deprecated ?? (code.deprecated === undefined ? undefined : code),
      since: first?.since ?? (code.since === undefined ? undefined : code),
    });
  }
  for (const problem of checkProducts(input)) diagnostics.push(problem);
  return diagnostics;
}

/** For one code, the first declaration that gave each class-level field. */
interface ClassLevel {
  readonly retryable: CodeInput | undefined;
  readonly fault: CodeInput | undefined;
  readonly name: CodeInput | undefined;
  readonly deprecated: CodeInput | undefined;
  readonly since: CodeInput | undefined;
}

/**
 * A code declared again (in another product, or repeating a common code) is the same class: where two
 * declarations both say `retryable`, `fault`, `name`, `deprecated` or `since`, they must agree. One that is silent takes the other's.
 */
function checkAgreement(first: ClassLevel, again: CodeInput): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const compare = (key: "retryable" | "fault" | "name" | "deprecated" | "since", value: unknown, earlier: CodeInput | undefined, earlierValue: unknown, position: SourcePosition) => {
    if (value === undefined || earlier === undefined || value === earlierValue) return;
    problems.push(
      diagnostic(
        position,
        `code "${again.code}" has ${key}: ${String(value)} here but ${key}: ${String(earlierValue)} at ${formatPositionFrom(earlier.position, position)}: ` +
          `a code is one class in the package, so its ${key} must agree (descriptions may differ)`,
      ),
    );
  };
  compare("retryable", again.retryable, first.retryable, first.retryable?.retryable, again.position);
  compare("fault", again.fault, first.fault, first.fault?.fault, again.position);
  compare("name", again.name?.value, first.name, first.name?.name?.value, again.name?.position ?? again.position);
  compare("deprecated", again.deprecated === undefined ? undefined : JSON.stringify(again.deprecated), first.deprecated, first.deprecated && JSON.stringify(first.deprecated.deprecated), again.position);
  compare("since", again.since?.value, first.since, first.since?.since?.value, again.since?.position ?? again.position);
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
