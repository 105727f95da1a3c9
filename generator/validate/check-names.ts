// Naming rules: two codes may not share an identifier, a generated name may not take a name the
// package already exports or a global it relies on, and overrides must be usable identifiers.
import { diagnostic, formatShortPosition, type Diagnostic, type SourcePosition } from "../diagnostics.ts";
import { RESERVED_WORDS, SHADOWED_GLOBALS, categoryOf } from "../model/naming.ts";
import { resolveNames } from "../model/resolve-names.ts";
import type { SpecInput } from "./spec-input.ts";

/** Names every generated package exports whatever the spec says (ARCHITECTURE.md, "the generated package"). */
export const FIXED_EXPORTS: readonly string[] = [
  "KnownErrorCode", "ErrorBody", "ErrorResponse", "ErrorEnvelope", "SuccessResponse", "SuccessEnvelope", "ApiEnvelope",
  "ApiErrorOptions", "ApiErrorJSON", "ErrorDescription", "ErrorLocale", "ErrorFault",
  "isErrorEnvelope", "isSuccessEnvelope", "isApiError", "toApiError", "unwrapResponse", "describeError",
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

export function checkNames(input: SpecInput): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const { baseClass, codeEnum } = input.naming;
  for (const located of [baseClass, codeEnum, ...input.codes.flatMap((code) => (code.name ? [code.name] : []))]) {
    if (RESERVED_WORDS.has(located.value)) {
      diagnostics.push(diagnostic(located.position, `"${located.value}" is a reserved word in TypeScript and cannot name an export: choose another name`));
    }
  }
  const claims = collectClaims(input);
  const first = new Map<string, Claim>();
  for (const claim of claims) {
    const earlier = first.get(claim.name);
    if (!earlier) {
      first.set(claim.name, claim);
      continue;
    }
    const [reported, other] = claim.position ? [claim, earlier] : [earlier, claim];
    const where = other.position ? ` at ${formatShortPosition(other.position)}` : "";
    const fix = reported.isCode && other.isCode ? "give one of them another identifier with `name:`" : reported.fix;
    const message = `${reported.owner} and ${other.owner}${where} would both export ${claim.name}: ${fix}`;
    diagnostics.push(diagnostic(reported.position ?? input.naming.baseClass.position, message));
  }
  for (const claim of claims) {
    if (SHADOWED_GLOBALS.has(claim.name)) {
      diagnostics.push(diagnostic(claim.position ?? baseClass.position, `${claim.owner} would be named ${claim.name}, hiding the JavaScript global of that name: ${claim.fix}`));
    }
  }
  return diagnostics;
}

/** Every exported name with what claims it, fixed exports first so collisions are reported at the spec's side. */
function collectClaims(input: SpecInput): Claim[] {
  const names = resolveNames(input);
  const claims: Claim[] = FIXED_EXPORTS.map((name) => ({ name, owner: `errgen's own export ${name}`, position: undefined, fix: "" }));
  const { baseClass, codeEnum } = input.naming;
  const renameNaming = (key: string) => `choose another naming.${key}`;
  claims.push({ name: baseClass.value, owner: `naming.baseClass (${baseClass.value})`, position: baseClass.position, fix: renameNaming("baseClass") });
  claims.push({ name: codeEnum.value, owner: `naming.codeEnum (${codeEnum.value})`, position: codeEnum.position, fix: renameNaming("codeEnum") });
  claims.push({ name: `is${codeEnum.value}`, owner: `the guard of naming.codeEnum`, position: codeEnum.position, fix: renameNaming("codeEnum") });
  const codePositions = new Map<string, SourcePosition>();
  const firstCodeOfCategory = new Map<string, SourcePosition>();
  for (const code of input.codes) {
    const category = categoryOf(code.code);
    if (!firstCodeOfCategory.has(category)) firstCodeOfCategory.set(category, code.position);
    const { className } = names.codes.get(code.code)!;
    const position = code.name?.position ?? code.position;
    codePositions.set(code.code, position);
    const via = code.name ? " through its name: override" : "";
    claims.push({ name: className, owner: `code "${code.code}" (class ${className}${via})`, position, fix: "give the code another identifier with `name:`", isCode: true });
  }
  const categoryPositions = new Map(input.categories.map((category) => [category.name, category.position]));
  for (const [category, { guardName, typeName }] of names.categories) {
    const position = codePositions.get(category) ?? categoryPositions.get(category) ?? firstCodeOfCategory.get(category);
    const fix = codePositions.has(category) ? "give the code another identifier with `name:`" : "rename the category's codes";
    claims.push({ name: guardName, owner: `category "${category}" (guard ${guardName})`, position, fix });
    claims.push({ name: typeName, owner: `category "${category}" (type ${typeName})`, position, fix });
    if (!names.codes.has(category)) {
      const { className } = names.categories.get(category)!;
      claims.push({ name: className, owner: `category "${category}" (class ${className})`, position, fix });
    }
  }
  return claims;
}
