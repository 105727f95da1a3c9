// The products' part of the model: per product its codes (with its own descriptions), the classes
// they need, its categories and actions; and the shared modules for classes several products use.
import { compareText } from "../diagnostics.ts";
import type { CodeInput, ProductInput } from "../validate/spec-input.ts";
import type { CategoryModel, ClassModel, CodeModel, ProductModel, SharedModuleModel } from "./model.ts";
import { ancestorsOf, categoryOf, identifierOfProduct, productExportsOf } from "../names/naming.ts";

interface Context {
  readonly codeModel: (code: CodeInput) => CodeModel;
  readonly classes: readonly ClassModel[];
  readonly categories: ReadonlyMap<string, CategoryModel>;
}

export function buildProducts(products: readonly ProductInput[], context: Context): ProductModel[] {
  const classByCode = new Map(context.classes.map((entry) => [entry.code, entry]));
  return products.map((product) => {
    const name = product.product.value;
    const codes = [...product.codes].sort((a, b) => compareText(a.code, b.code)).map(context.codeModel);
    const needed = new Set<string>();
    for (const { code } of codes) {
      needed.add(code);
      for (const ancestor of ancestorsOf(code)) if (classByCode.has(ancestor)) needed.add(ancestor);
    }
    const categoryNames = [...new Set(codes.map((code) => categoryOf(code.code)))].sort(compareText);
    return {
      name,
      source: product.file,
      version: product.version,
      description: product.description,
      module: `products/${name}`,
      exports: productExportsOf(product.identifier?.value ?? identifierOfProduct(name)),
      codes,
      classes: [...needed].sort(compareText).map((code) => classByCode.get(code)!),
      categories: categoryNames.map((category) => context.categories.get(category)!),
      actions: [...product.actions]
        .sort((a, b) => compareText(a.name, b.name))
        .map((action) => ({ name: action.name, codes: [...new Set(action.codes.map((code) => code.value))].sort(compareText) })),
    };
  });
}

export function buildSharedModules(classes: readonly ClassModel[], categories: ReadonlyMap<string, CategoryModel>): SharedModuleModel[] {
  const modules = new Map<string, ClassModel[]>();
  for (const entry of classes) {
    if (entry.home.kind !== "shared") continue;
    const list = modules.get(entry.home.module);
    if (list) list.push(entry);
    else modules.set(entry.home.module, [entry]);
  }
  return [...modules]
    .sort(([a], [b]) => compareText(a, b))
    .map(([path, list]) => {
      // A shared class's category class is shared too (or root), and lives in the same module when shared.
      const category = categories.get(categoryOf(list[0]!.code));
      return { path, classes: list, category: category?.home.kind === "shared" && category.home.module === path ? category : undefined };
    });
}
