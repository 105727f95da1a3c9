// The model stage: validated spec input → the intermediate model. Sorting, defaults, inheritance
// of `retryable` and `fault`, and the class tree are decided here.
import { compareText } from "../diagnostics.ts";
import type { CategoryInput, SpecInput } from "../validate/spec-input.ts";
import type { CategoryModel, ClassModel, CodeModel, Model } from "./model.ts";
import { ancestorsOf, categoryOf } from "./naming.ts";
import { resolveNames } from "./resolve-names.ts";

export function buildModel(input: SpecInput): Model {
  const names = resolveNames(input);
  const categoryInputs = new Map<string, CategoryInput>(input.categories.map((category) => [category.name, category]));
  const codeInputs = [...input.codes].sort((a, b) => compareText(a.code, b.code));

  const codes: CodeModel[] = codeInputs.map((code) => {
    const category = categoryOf(code.code);
    const meta = categoryInputs.get(category);
    const { identifier, className } = names.codes.get(code.code)!;
    return {
      code: code.code,
      identifier,
      className,
      category,
      description: code.description,
      descriptionZh: code.descriptionZh,
      retryable: code.retryable ?? meta?.retryable ?? false,
      fault: code.fault ?? meta?.fault,
    };
  });
  const codeByName = new Map(codes.map((code) => [code.code, code]));

  const categories: CategoryModel[] = [...names.categories]
    .sort(([a], [b]) => compareText(a, b))
    .map(([name, { className, guardName, typeName }]) => {
      const meta = categoryInputs.get(name);
      const asCode = codeByName.get(name);
      return {
        name,
        className,
        guardName,
        typeName,
        description: asCode?.description ?? meta?.description,
        descriptionZh: asCode?.descriptionZh ?? meta?.descriptionZh,
        retryable: asCode?.retryable ?? meta?.retryable ?? false,
        fault: asCode?.fault ?? meta?.fault,
        isCode: asCode !== undefined,
      };
    });

  return {
    source: input.file,
    package: {
      name: input.package.name,
      version: input.package.version,
      description: input.package.description ?? `Typed errors for ${input.package.name}`,
      license: input.package.license,
    },
    baseClass: input.naming.baseClass.value,
    codeEnum: input.naming.codeEnum.value,
    codeEnumGuard: `is${input.naming.codeEnum.value}`,
    envelope: input.envelope,
    brand: `errgen.error:${input.package.name}`,
    codes,
    categories,
    classes: buildClasses(codes, categories, input.naming.baseClass.value),
  };
}

/** One class per code and per category that is not a code, each extending its nearest ancestor's class. */
function buildClasses(codes: readonly CodeModel[], categories: readonly CategoryModel[], baseClass: string): ClassModel[] {
  const entries = [
    ...codes.map((code) => ({ ...code, name: code.className, kind: "code" as const })),
    ...categories
      .filter((category) => !category.isCode)
      .map((category) => ({ ...category, code: category.name, name: category.className, kind: "category" as const })),
  ].sort((a, b) => compareText(a.code, b.code));

  const byCode = new Map<string, ClassModel>();
  const classes: ClassModel[] = [];
  for (const entry of entries) {
    // Sorting by code puts every ancestor (a prefix) before its descendants.
    const parent = ancestorsOf(entry.code)
      .map((ancestor) => byCode.get(ancestor))
      .find((found) => found !== undefined);
    const parentRetryable = parent?.retryable ?? false;
    const model: ClassModel = {
      name: entry.name,
      code: entry.code,
      parent: parent?.name ?? baseClass,
      description: entry.description,
      descriptionZh: entry.descriptionZh,
      retryable: entry.retryable,
      fault: entry.fault,
      overridesRetryable: entry.retryable !== parentRetryable,
      overridesFault: entry.fault !== parent?.fault,
      kind: entry.kind,
    };
    byCode.set(entry.code, model);
    classes.push(model);
  }
  return classes;
}
