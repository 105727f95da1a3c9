// The emit stage: the model → every file of the generated package, in memory, sorted by path.
// Each module is described once (ModuleIR) and printed as `src/*.ts`, `dist/esm/*.js`,
// `dist/cjs/*.js` and a `.d.ts` beside each build.
import { compareText } from "../diagnostics.ts";
import { buildCatalogue, CATALOGUE_FILE, printCatalogue, type Catalogue } from "../catalogue/catalogue.ts";
import { CHANGELOG_FILE } from "../catalogue/changelog.ts";
import type { Model } from "../model/model.ts";
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
import { generatedHeader, type EmittedFile } from "./emitted-file.ts";
import type { ModuleIR } from "./ir/module-ir.ts";
import { printModule } from "./ir/print-ir.ts";

export function emitModules(model: Model): ModuleIR[] {
  return [...eachModule(model)];
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
  yield emitDescribeError();
  yield emitIndex(model);
  if (model.products.length > 0) yield emitActions(model);
  for (const shared of model.sharedModules) yield emitShared(shared, context);
  for (const product of model.products) yield emitProduct(product, context);
}

/** What a run adds to the model's own files: the team's templates, and the release. */
export interface EmitExtras {
  readonly templates?: Templates | undefined;
  /**
   * Told the package's catalogue before anything is printed; decides the version the package is
   * written with and its CHANGELOG.md. Without it: the spec's version and no changelog.
   */
  readonly release?: ((catalogue: Catalogue) => Release) | undefined;
}

export interface Release {
  readonly version: string;
  /** The whole CHANGELOG.md; undefined for none. */
  readonly changelog: string | undefined;
  /** The spec hash to embed when the release changes the spec (its version). Default: the model's. */
  readonly specHash?: string | undefined;
}

/** Every file of the package, sorted by path. */
export function emitPackage(model: Model, extras: EmitExtras = {}): EmittedFile[] {
  const files: EmittedFile[] = [];
  emitEachFile(model, (file) => files.push(file), extras);
  return files.sort((a, b) => compareText(a.path, b.path));
}

/** Hands each file to `sink` as soon as it is printed, so that writing can overlap printing. */
export function emitEachFile(specModel: Model, sink: (file: EmittedFile) => void, extras: EmitExtras = {}): void {
  const templates = extras.templates ?? NO_TEMPLATES;
  const header = (module: ModuleIR) => generatedHeader(module.source ?? specModel.source);
  const modules = [...eachModule(specModel)];
  // The modules do not depend on the version, so the release can be decided from their catalogue first.
  const catalogue = buildCatalogue(specModel, modules);
  const release = extras.release?.(catalogue) ?? { version: specModel.package.version, changelog: undefined };
  const model = release.version === specModel.package.version ? specModel : { ...specModel, package: { ...specModel.package, version: release.version } };
  sink(emitPackageJson(model, { changelog: release.changelog !== undefined }));
  sink({ path: CATALOGUE_FILE, contents: printCatalogue({ ...catalogue, package: { ...catalogue.package, version: release.version }, specHash: release.specHash ?? catalogue.specHash }) });
  if (release.changelog !== undefined) sink({ path: CHANGELOG_FILE, contents: release.changelog });
  sink(emitReadme(model, templates));
  for (const product of model.products) sink(emitProductDoc(model, product, templates));
  sink({ path: "dist/cjs/package.json", contents: `${JSON.stringify({ type: "commonjs" }, null, 2)}\n` });
  for (const module of modules) for (const file of printedModule(module, header(module))) sink(file);
}

/** A module's five files: its source, both builds, and the declarations beside each build. */
export function printedModule(module: ModuleIR, header: string): EmittedFile[] {
  const declarations = printModule(module, "dts", header);
  return [
    { path: `src/${module.path}.ts`, contents: printModule(module, "ts", header) },
    { path: `dist/esm/${module.path}.js`, contents: printModule(module, "esm", header) },
    { path: `dist/esm/${module.path}.d.ts`, contents: declarations },
    { path: `dist/cjs/${module.path}.js`, contents: printModule(module, "cjs", header) },
    { path: `dist/cjs/${module.path}.d.ts`, contents: declarations },
  ];
}
