// The emit stage: the model → every file of the generated package, in memory, sorted by path.
// Each module is described once (ModuleIR) and printed as `src/*.ts`, `dist/esm/*.js`,
// `dist/cjs/*.js` and a `.d.ts` beside each build.
import { compareText } from "../diagnostics.ts";
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
  const context = emitContext(model);
  const modules = [
    emitInternal(model),
    emitEnvelope(model),
    emitBase(model),
    emitErrors(context),
    emitCodes(model),
    emitCategories(model),
    emitToApiError(model),
    emitCatalogue(model),
    emitDescribeError(),
    emitIndex(model),
  ];
  if (model.products.length > 0) modules.push(emitActions(model));
  for (const shared of model.sharedModules) modules.push(emitShared(shared, context));
  for (const product of model.products) modules.push(emitProduct(product, context));
  return modules;
}

/** Every file of the package, sorted by path. */
export function emitPackage(model: Model, templates: Templates = NO_TEMPLATES): EmittedFile[] {
  const files: EmittedFile[] = [];
  emitEachFile(model, (file) => files.push(file), templates);
  return files.sort((a, b) => compareText(a.path, b.path));
}

/** Hands each file to `sink` as soon as it is printed, so that writing can overlap printing. */
export function emitEachFile(model: Model, sink: (file: EmittedFile) => void, templates: Templates = NO_TEMPLATES): void {
  sink(emitPackageJson(model));
  sink(emitReadme(model, templates));
  for (const product of model.products) sink(emitProductDoc(model, product, templates));
  sink({ path: "dist/cjs/package.json", contents: `${JSON.stringify({ type: "commonjs" }, null, 2)}\n` });
  for (const module of emitModules(model)) for (const file of printedModule(module, generatedHeader(module.source ?? model.source))) sink(file);
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
