// The catalogue.json of a package: its codes as the model has them, and the names each entry module
// exports, read from the modules' descriptions.
import { compareText } from "../diagnostics.ts";
import { CATALOGUE_FORMAT, type Catalogue, type CatalogueCode } from "../catalogue/catalogue.ts";
import type { Model } from "../model/model.ts";
import type { ModuleIR } from "./ir/module-ir.ts";

/** The catalogue of a model, with the export names of its entry modules (the index and each product's). */
export function buildCatalogue(model: Model, modules: readonly ModuleIR[]): Catalogue {
  const parents = new Map(model.classes.map((entry) => [entry.name, entry.parent]));
  const byPath = new Map(modules.map((module) => [module.path, module]));
  const entryNames = (path: string) => {
    const module = byPath.get(path);
    if (!module) throw new Error(`no module ${path}`);
    const names = [
      ...module.reexports.flatMap((reexport) => reexport.names.map((name) => name.name)),
      ...module.declarations.filter((declaration) => !("exported" in declaration) || declaration.exported).map((declaration) => declaration.name),
    ];
    return [...new Set(names)].sort(compareText);
  };
  const codeOf = (product: string | undefined) => (code: Model["codes"][number]): CatalogueCode => ({
    code: code.code,
    ...(product === undefined ? {} : { product }),
    identifier: code.identifier,
    className: code.className,
    parent: parents.get(code.className) ?? model.baseClass,
    ...(code.description === undefined ? {} : { description: code.description }),
    ...(code.descriptionZh === undefined ? {} : { descriptionZh: code.descriptionZh }),
    retryable: code.retryable,
    ...(code.fault === undefined ? {} : { fault: code.fault }),
    ...(code.deprecated === undefined ? {} : { deprecated: code.deprecated }),
    ...(code.since === undefined ? {} : { since: code.since }),
  });
  return {
    errgenCatalogue: CATALOGUE_FORMAT,
    package: { name: model.package.name, version: model.package.version },
    specHash: model.specHash,
    products: model.products.map((product) => ({ name: product.name, version: product.version })),
    entries: Object.fromEntries([[".", entryNames("index")], ...model.products.map((product) => [`./${product.name}`, entryNames(product.module)])]),
    codes: [...model.codes.map(codeOf(undefined)), ...model.products.flatMap((product) => product.codes.map(codeOf(product.name)))],
    categoryClasses: model.classes.filter((entry) => entry.kind === "category").map((entry) => ({ category: entry.code, className: entry.name, parent: entry.parent })),
  };
}
