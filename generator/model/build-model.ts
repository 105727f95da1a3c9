// The model stage: validated spec input → the intermediate model. Sorting, defaults, inheritance
// of `retryable` and `fault`, the class tree and where each class lives are decided here.
import { compareText } from "../diagnostics.ts";
import type { CategoryInput, CodeInput, EnvelopeInput } from "../validate/spec-input.ts";
import { BUILT_IN_FIELDS } from "../validate/spec-shape.ts";
import type { ResolvedSpec } from "../validate/validate-spec.ts";
import { buildProducts, buildSharedModules } from "./build-products.ts";
import { ROOT_OWNER, declarationsOf, type Declaration } from "../declarations/merge-declarations.ts";
import type { CategoryModel, ClassHome, ClassModel, CodeModel, EnvelopeModel, Model, WirePath } from "./model.ts";
import { ancestorsOf, categoryOf, fileNameOf } from "../names/naming.ts";
import type { ResolvedNames } from "../validate/resolve-names.ts";

export function buildModel({ input, declarations, names }: ResolvedSpec, specHash = ""): Model {
  const products = [...input.products].sort((a, b) => compareText(a.product.value, b.product.value));
  const merged = new Map([...declarations].map(([code, list]) => [code, list[0]!]));
  const categoryInputs = new Map<string, CategoryInput>(input.categories.map((category) => [category.name, category]));
  /** A code as one spec declares it: its own descriptions, the class-level fields of the merged declaration. */
  const codeModel = (code: CodeInput): CodeModel => {
    const category = categoryOf(code.code);
    const meta = categoryInputs.get(category);
    const classLevel = merged.get(code.code)!;
    const { identifier, className } = names.codes.get(code.code)!;
    return {
      code: code.code,
      identifier,
      className,
      category,
      description: code.description,
      descriptionZh: code.descriptionZh,
      retryable: classLevel.retryable ?? meta?.retryable ?? false,
      fault: classLevel.fault ?? meta?.fault,
      deprecated: classLevel.deprecated,
      since: classLevel.since?.value,
    };
  };
  // One model per code string, described as the root declares it, else as the first product (by name) does.
  const primary = new Map([...merged].map(([code, declaration]) => [code, codeModel(declaration)]));
  const homes = homesOf(declarationsOf(input.codes, products), names, input.categories);
  const categories = buildCategories(names, categoryInputs, primary, homes);
  const classes = buildClasses([...primary.values()], categories, input.naming.baseClass.value, homes);
  const byCategory = new Map(categories.map((category) => [category.name, category]));
  const rootCodes = sortByCode(input.codes.map(codeModel));
  return {
    source: input.file,
    specHash,
    package: {
      name: input.package.name,
      version: input.package.version,
      description: input.package.description ?? `Typed errors for ${input.package.name}`,
      license: input.package.license,
    },
    baseClass: input.naming.baseClass.value,
    codeEnum: input.naming.codeEnum.value,
    codeEnumGuard: `is${input.naming.codeEnum.value}`,
    codeObject: `${input.naming.codeEnum.value}s`,
    envelope: envelopeModel(input.envelope),
    brand: `errgen.error:${input.package.name}`,
    codes: rootCodes,
    categories: categories.filter((category) => category.home.kind === "root"),
    classes,
    products: buildProducts(products, { codeModel, classes, categories: byCategory }),
    sharedModules: buildSharedModules(classes, byCategory),
    sdk: input.sdk,
    example: exampleOf(rootCodes, input.naming.baseClass.value),
  };
}

/**
 * The example of the docs and README: the first root code below a category that is not itself a code
 * (the most telling: `instanceof` the category then reads as "anything in it"), else the first code below
 * any category, else the first code.
 */
function exampleOf(codes: readonly CodeModel[], baseClass: string): Model["example"] {
  const isCode = new Set(codes.map((code) => code.code));
  const below = codes.filter((code) => code.code !== code.category);
  const chosen = below.find((code) => !isCode.has(code.category)) ?? below[0] ?? codes[0];
  if (chosen === undefined) return { code: "Some.Code", identifier: "SomeCode", className: baseClass };
  return { code: chosen.code, identifier: chosen.identifier, className: chosen.className };
}

/**
 * The home of every class, codes' and categories': the root when the root spec uses it or anything
 * below it, else a shared module when two or more products do, else its one product's module.
 */
function homesOf(declarations: readonly Declaration<CodeInput>[], names: ResolvedNames, rootCategories: readonly CategoryInput[]): Map<string, ClassHome> {
  const users = new Map<string, Set<string>>();
  const use = (path: string, owner: string) => {
    const set = users.get(path);
    if (set) set.add(owner);
    else users.set(path, new Set([owner]));
  };
  for (const { owner, code } of declarations) {
    use(code.code, owner);
    for (const ancestor of ancestorsOf(code.code)) use(ancestor, owner);
  }
  for (const category of rootCategories) use(category.name, ROOT_OWNER);
  const homes = new Map<string, ClassHome>();
  for (const path of [...names.codes.keys(), ...names.categories.keys()]) {
    const owners = users.get(path) ?? new Set([ROOT_OWNER]);
    const home: ClassHome = owners.has(ROOT_OWNER)
      ? { kind: "root" }
      : owners.size > 1
        ? { kind: "shared", module: `shared/${fileNameOf(categoryOf(path))}` }
        : { kind: "product", product: [...owners][0]! };
    homes.set(path, home);
  }
  return homes;
}

function buildCategories(
  names: ResolvedNames,
  categoryInputs: ReadonlyMap<string, CategoryInput>,
  codes: ReadonlyMap<string, CodeModel>,
  homes: ReadonlyMap<string, ClassHome>,
): CategoryModel[] {
  return [...names.categories]
    .sort(([a], [b]) => compareText(a, b))
    .map(([name, { className, guardName, typeName }]) => {
      const meta = categoryInputs.get(name);
      const asCode = codes.get(name);
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
        deprecated: asCode?.deprecated,
        since: asCode?.since,
        home: homes.get(name)!,
      };
    });
}

/** One class per code and per category that is not a code, each extending its nearest ancestor's class. */
function buildClasses(codes: readonly CodeModel[], categories: readonly CategoryModel[], baseClass: string, homes: ReadonlyMap<string, ClassHome>): ClassModel[] {
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
      deprecated: entry.deprecated,
      since: entry.since,
      kind: entry.kind,
      home: homes.get(entry.code)!,
    };
    byCode.set(entry.code, model);
    classes.push(model);
  }
  return classes;
}

export function sortByCode<T extends { readonly code: string }>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => compareText(a.code, b.code));
}

function envelopeModel(envelope: EnvelopeInput): EnvelopeModel {
  const path = (text: string): WirePath => (text === "." ? [] : text.split("."));
  const response = path(envelope.response.value);
  return {
    response,
    error: path(envelope.error.value),
    code: path(envelope.code.value),
    message: envelope.message.value === null ? undefined : path(envelope.message.value),
    requestId: envelope.requestId.value === null ? undefined : path(envelope.requestId.value),
    requestIdAlways: envelope.requestIdAlways,
    result: envelope.result === undefined ? response : path(envelope.result.value),
    fields: envelope.fields.map((field) => ({ name: field.name, path: path(field.path.value), type: field.type.value, builtIn: Object.hasOwn(BUILT_IN_FIELDS, field.name) })),
  };
}
