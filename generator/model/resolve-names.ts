// Resolves every code's and category's identifiers once, from the spec input. The validator
// checks the result for collisions; the model builder uses it as is.
import type { CategoryInput, CodeInput, SpecInput } from "../validate/spec-input.ts";
import { allCodes } from "./merge-declarations.ts";
import { categoryGuardNameOf, categoryOf, categoryTypeNameOf, classNameOf, identifierOf } from "./naming.ts";

export interface CodeNames {
  readonly identifier: string;
  readonly className: string;
}

export interface CategoryNames extends CodeNames {
  readonly guardName: string;
  readonly typeName: string;
}

export interface ResolvedNames {
  readonly codes: ReadonlyMap<string, CodeNames>;
  /** Every category: first segments of codes, and keys of `categories:`. */
  readonly categories: ReadonlyMap<string, CategoryNames>;
}

const namesBySpec = new WeakMap<SpecInput, ResolvedNames>();

/** The names of a whole spec's codes (each code string once, as merged) and categories, resolved once per spec. */
export function resolveSpecNames(input: SpecInput): ResolvedNames {
  let names = namesBySpec.get(input);
  if (names === undefined) namesBySpec.set(input, (names = resolveNames({ codes: allCodes(input), categories: input.categories })));
  return names;
}

export function resolveNames(input: Pick<SpecInput, "codes" | "categories">): ResolvedNames {
  const codes = new Map<string, CodeNames>();
  for (const code of input.codes) codes.set(code.code, namesOfCode(code));
  const categories = new Map<string, CategoryNames>();
  for (const name of categoryNamesOf(input.codes, input.categories)) {
    // A category that is itself a code shares that code's class (and its `name:` override).
    const names = codes.get(name) ?? namesOfIdentifier(identifierOf(name));
    categories.set(name, {
      ...names,
      guardName: categoryGuardNameOf(names.identifier),
      typeName: categoryTypeNameOf(names.identifier),
    });
  }
  return { codes, categories };
}

function namesOfCode(code: CodeInput): CodeNames {
  return namesOfIdentifier(code.name?.value ?? identifierOf(code.code));
}

function namesOfIdentifier(identifier: string): CodeNames {
  return { identifier, className: classNameOf(identifier) };
}

function categoryNamesOf(codes: readonly CodeInput[], categories: readonly CategoryInput[]): string[] {
  const names = new Set(categories.map((category) => category.name));
  for (const code of codes) names.add(categoryOf(code.code));
  return [...names];
}
