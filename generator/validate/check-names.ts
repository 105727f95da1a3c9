// Naming rules: two codes may not share an identifier anywhere in the package (one class per code),
// a generated name may not take a name its module already exports or a global the code relies on,
// and overrides must be usable identifiers.
import { diagnostic, formatPositionFrom, type Diagnostic, type SourcePosition } from "../diagnostics.ts";
import { RESERVED_WORDS, UNAVAILABLE_NAMES, categoryOf, identifierOfProduct, productExportsOf } from "../names/naming.ts";
import { mergedCodesOf } from "../declarations/merge-declarations.ts";
import type { ResolvedNames } from "./resolve-names.ts";
import type { CodeInput, Located, SpecInput } from "./spec-input.ts";

/** Names every generated package exports whatever the spec says (ARCHITECTURE.md, "the generated package"). */
export const FIXED_EXPORTS: readonly string[] = [
  "KnownErrorCode", "ErrorBody", "ErrorResponse", "ErrorEnvelope", "SuccessResponse", "SuccessEnvelope", "ApiEnvelope",
  "ApiErrorOptions", "ApiErrorJSON", "ConvertedError", "ErrorExtras", "ErrorDescription", "ErrorLocale", "ErrorFault",
  "isErrorEnvelope", "isSuccessEnvelope", "isApiError", "toApiError", "unwrapResponse", "parseResponse", "withTypedErrors", "describeError", "ApiResult",
];

interface Claim {
  readonly name: string;
  /** What takes the name, for messages: `code "AuthFailure.X" (class AuthFailureXError)`. */
  readonly owner: string;
  /** Set when the spec can change the name at this place. */
  readonly position: SourcePosition | undefined;
  /** How to change this claim's name, when it is the one reported. */
  readonly fix: string;
  readonly isCode?: boolean;
}

export function checkNames(input: SpecInput, declarations: ReadonlyMap<string, readonly CodeInput[]>, names: ResolvedNames): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const codes = mergedCodesOf(declarations);
  const overrides = [input.naming.baseClass, input.naming.codeEnum, ...codes.flatMap((code) => (code.name ? [code.name] : []))];
  for (const product of input.products) if (product.identifier) overrides.push(product.identifier);
  for (const located of overrides) {
    if (RESERVED_WORDS.has(located.value)) {
      diagnostics.push(diagnostic(located.position, `"${located.value}" is a reserved word in TypeScript and cannot name an export: choose another name`));
    }
  }
  const { root, claims, byPath } = packageClaims(input, codes, names);
  reportCollisions([...root, ...claims], input.naming.baseClass.position, diagnostics);
  const ofProducts = input.products.map(productClaims);
  input.products.forEach((product, index) => {
    reportCollisions([...ofProducts[index]!, ...namespaceOf(product.codes, byPath)], input.naming.baseClass.position, diagnostics, true);
  });
  // One rule for every name a generated module declares, whoever chose it.
  for (const claim of [...root, ...claims, ...ofProducts.flat()]) {
    const taken = UNAVAILABLE_NAMES.get(claim.name);
    if (taken !== undefined && claim.position !== undefined) {
      const hides = taken.startsWith("the") ? `hiding ${taken}` : `which is ${taken}`;
      diagnostics.push(diagnostic(claim.position, `${claim.owner} would be named ${claim.name}, ${hides}: ${claim.fix}`));
    }
  }
  return diagnostics;
}

function reportCollisions(claims: readonly Claim[], fallback: SourcePosition, diagnostics: Diagnostic[], onlyFirstSide = false): void {
  const first = new Map<string, Claim>();
  for (const claim of claims) {
    const earlier = first.get(claim.name);
    if (!earlier) {
      first.set(claim.name, claim);
      continue;
    }
    // Per product, only a product export meeting a class or guard is new; class against class was reported once already.
    if (onlyFirstSide && earlier.isCode === claim.isCode) continue;
    const [reported, other] = claim.position ? [claim, earlier] : [earlier, claim];
    const at = reported.position ?? fallback;
    const where = other.position ? ` at ${formatPositionFrom(other.position, at)}` : "";
    const fix = reported.isCode && other.isCode ? "give one of them another identifier with `name:`" : reported.fix;
    diagnostics.push(diagnostic(at, `${reported.owner} and ${other.owner}${where} would both export ${claim.name}: ${fix}`));
  }
}

/** The claims a product module re-exports or defines for its codes: their classes, their ancestors', their categories'. */
function namespaceOf(codes: readonly CodeInput[], byPath: ReadonlyMap<string, readonly Claim[]>): Claim[] {
  const paths = new Set<string>();
  for (const { code } of codes) {
    paths.add(code);
    for (let dot = code.lastIndexOf("."); dot !== -1; dot = code.lastIndexOf(".", dot - 1)) paths.add(code.slice(0, dot));
  }
  return [...paths].flatMap((path) => byPath.get(path) ?? []);
}

/** Names of the root entry, and of every class, category guard and category type in the package (also by code path). */
function packageClaims(input: SpecInput, codes: readonly CodeInput[], names: ResolvedNames): { root: Claim[]; claims: Claim[]; byPath: Map<string, Claim[]> } {
  const root: Claim[] = FIXED_EXPORTS.map((name) => ({ name, owner: `errgen's own export ${name}`, position: undefined, fix: "" }));
  const { baseClass, codeEnum } = input.naming;
  const renameNaming = (key: string) => `choose another naming.${key}`;
  root.push({ name: baseClass.value, owner: `naming.baseClass (${baseClass.value})`, position: baseClass.position, fix: renameNaming("baseClass") });
  root.push({ name: codeEnum.value, owner: `naming.codeEnum (${codeEnum.value})`, position: codeEnum.position, fix: renameNaming("codeEnum") });
  root.push({ name: `is${codeEnum.value}`, owner: `the guard of naming.codeEnum`, position: codeEnum.position, fix: renameNaming("codeEnum") });
  root.push({ name: `${codeEnum.value}s`, owner: `the object form of naming.codeEnum`, position: codeEnum.position, fix: renameNaming("codeEnum") });

  const claims: Claim[] = [];
  const byPath = new Map<string, Claim[]>();
  const add = (path: string, claim: Claim) => {
    claims.push(claim);
    byPath.set(path, [...(byPath.get(path) ?? []), claim]);
  };
  const codePositions = new Map<string, SourcePosition>();
  const firstCodeOfCategory = new Map<string, SourcePosition>();
  for (const code of codes) {
    const category = categoryOf(code.code);
    if (!firstCodeOfCategory.has(category)) firstCodeOfCategory.set(category, code.position);
    const { className } = names.codes.get(code.code)!;
    const position = code.name?.position ?? code.position;
    codePositions.set(code.code, position);
    const via = code.name ? " through its name: override" : "";
    add(code.code, { name: className, owner: `code "${code.code}" (class ${className}${via})`, position, fix: "give the code another identifier with `name:`", isCode: true });
  }
  const categoryPositions = new Map(input.categories.map((category) => [category.name, category.position]));
  for (const [category, { guardName, typeName, className }] of names.categories) {
    const position = codePositions.get(category) ?? categoryPositions.get(category) ?? firstCodeOfCategory.get(category);
    const fix = codePositions.has(category) ? "give the code another identifier with `name:`" : "rename the category's codes";
    add(category, { name: guardName, owner: `category "${category}" (guard ${guardName})`, position, fix, isCode: true });
    add(category, { name: typeName, owner: `category "${category}" (type ${typeName})`, position, fix, isCode: true });
    if (!names.codes.has(category)) add(category, { name: className, owner: `category "${category}" (class ${className})`, position, fix, isCode: true });
  }
  return { root, claims, byPath };
}

/** A product module's own exports (LkeErrorCode, toLkeError, …). */
function productClaims(product: SpecInput["products"][number]): Claim[] {
  const identifier: Located<string> = product.identifier ?? { value: identifierOfProduct(product.product.value), position: product.product.position };
  const exports = productExportsOf(identifier.value);
  const fix = product.identifier ? "choose another name: for the product" : "set the product's name: to another identifier";
  return Object.entries(exports)
    .filter(([role]) => role !== "identifier")
    .map(([, name]) => ({ name, owner: `product "${product.product.value}" (${name})`, position: identifier.position, fix }));
}
