// Resolves every code's and category's identifiers once, from the merged codes (each code string once)
// and the categories. The validator checks the result for collisions and hands it to the model as is.
import type { CategoryInput, CodeInput, SpecInput } from "./spec-input.ts";
import { categoryGuardNameOf, categoryOf, categoryTypeNameOf, classNameOf, identifierOf } from "../names/naming.ts";

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
