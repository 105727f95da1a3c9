// The emit stage: the model → every file of the generated package, in memory, sorted by path.
// Each module is described once (ModuleIR) and printed as `src/*.ts`, `dist/esm/*.js`,
// `dist/cjs/*.js` and a `.d.ts` beside each build.
import { compareText } from "../diagnostics.ts";
import { CATALOGUE_FILE, CHANGELOG_FILE, printCatalogue, type Catalogue } from "../catalogue/catalogue.ts";
import type { Model } from "../model/model.ts";
import { buildCatalogue } from "./build-catalogue.ts";
import { withCollectedImports } from "./collect-imports.ts";
import { emitActions } from "./emit-actions.ts";
import { emitBase } from "./emit-base.ts";
import { emitContext } from "./emit-context.ts";
import { emitProduct } from "./emit-product.ts";
import { emitShared } from "./emit-shared.ts";
import { emitCategories } from "./emit-categories.ts";
import { emitCodes } from "./emit-codes.ts";
import { emitCatalogue, emitDescribeError } from "./emit-describe-error.ts";
import { emitEnvelope } from "./emit-envelope.ts";
import { emitErrors } from "./emit-errors.ts";
import { emitIndex } from "./emit-index.ts";
import { emitInternal } from "./emit-internal.ts";
import { emitPackageJson } from "./emit-package-json.ts";
import { NO_TEMPLATES, type Templates } from "../load/load-templates.ts";
import { emitProductDoc, emitReadme } from "./emit-readme.ts";
import { emitToApiError } from "./emit-to-api-error.ts";
import { generatedHeader, type AddedModule, type EmittedFile } from "./emitted-file.ts";
import type { ModuleIR } from "./ir/module-ir.ts";
import { printModuleFlavours } from "./ir/print-ir.ts";

/** The package's modules, each described once (ModuleIR) with the imports it uses, in the order they are printed. */
export function emitModules(model: Model): ModuleIR[] {
  return withCollectedImports([...eachModule(model)]);
}

/** The package's modules, one at a time: the root entry's, the shared classes', then each product's. */
function* eachModule(model: Model): Generator<ModuleIR> {
  const context = emitContext(model);
  yield emitInternal(model);
  yield emitEnvelope(model);
  yield emitBase(model);
  yield emitErrors(context);
  yield emitCodes(model);
  yield emitCategories(model);
  yield emitToApiError(model);
  yield emitCatalogue(model);
  yield emitDescribeError(model);
  yield emitIndex(model);
  if (model.products.length > 0) yield emitActions(model);
  for (const shared of model.sharedModules) yield emitShared(shared, context);
  for (const product of model.products) yield emitProduct(product, context);
}

/** The version the package is written with and its CHANGELOG.md: the release stage decides them. */
export interface Release {
  readonly version: string;
  /** The whole CHANGELOG.md; undefined for none. */
  readonly changelog: string | undefined;
  /** The spec hash to embed when the release changes the spec (its version). Default: the model's. */
  readonly specHash?: string | undefined;
}

/** The package's modules and its catalogue: everything the release is decided from. */
export interface DescribedPackage {
  readonly modules: readonly ModuleIR[];
  readonly catalogue: Catalogue;
}

export function describePackage(model: Model): DescribedPackage {
  const modules = emitModules(model);
  return { modules, catalogue: buildCatalogue(model, modules) };
}

/** Every file of the package, one at a time as each is printed, so that writing can overlap printing. */
export function* emitFiles(specModel: Model, described: DescribedPackage, release: Release, templates: Templates = NO_TEMPLATES): Generator<EmittedFile> {
  const { modules, catalogue } = described;
  const model = releasedModel(specModel, release);
  yield* emitListings(model, release, templates, []);
  yield { path: CATALOGUE_FILE, contents: printCatalogue({ ...catalogue, package: { ...catalogue.package, version: release.version }, specHash: release.specHash ?? catalogue.specHash }) };
  if (release.changelog !== undefined) yield { path: CHANGELOG_FILE, contents: release.changelog };
  for (const product of model.products) yield emitProductDoc(model, product, templates);
  yield { path: "dist/cjs/package.json", contents: `${JSON.stringify({ type: "commonjs" }, null, 2)}\n` };
  for (const module of modules) yield* printedModule(module, generatedHeader(module.source ?? model.source));
}

/** The files that list the package's modules, package.json and README.md, with the modules plugins added. */
export function emitListings(specModel: Model, release: Release, templates: Templates, added: readonly AddedModule[]): EmittedFile[] {
  const model = releasedModel(specModel, release);
  return [emitPackageJson(model, { changelog: release.changelog !== undefined, added }), emitReadme(model, templates, added)];
}

function releasedModel(model: Model, release: Release): Model {
  return release.version === model.package.version ? model : { ...model, package: { ...model.package, version: release.version } };
}

/** Every file of the package, sorted by path: with the spec's version, and the changelog given. */
export function emitPackage(model: Model, options: { readonly templates?: Templates; readonly changelog?: string | undefined } = {}): EmittedFile[] {
  const release = { version: model.package.version, changelog: options.changelog };
  return [...emitFiles(model, describePackage(model), release, options.templates)].sort((a, b) => compareText(a.path, b.path));
}

/** A module's five files: its source, both builds, and the declarations beside each build. */
export function printedModule(module: ModuleIR, header: string): EmittedFile[] {
  const printed = printModuleFlavours(module, header);
  return [
    { path: `src/${module.path}.ts`, contents: printed.ts },
    { path: `dist/esm/${module.path}.js`, contents: printed.esm },
    { path: `dist/esm/${module.path}.d.ts`, contents: printed.dts },
    { path: `dist/cjs/${module.path}.js`, contents: printed.cjs },
    { path: `dist/cjs/${module.path}.d.ts`, contents: printed.dts },
  ];
}
