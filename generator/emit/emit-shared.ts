// `src/shared/<category>.ts`: classes (and the category's guard) that several products use, so that
// each code string has exactly one class in the package and no product module imports another.
import type { SharedModuleModel } from "../model/model.ts";
import { categoryDeclarations } from "./emit-categories.ts";
import { importsFor, type EmitContext } from "./emit-context.ts";
import { ERROR_CLASS_SUPPORT, errorClassDeclarations } from "./error-class.ts";
import { names, type ImportIR, type ModuleIR } from "./ir/module-ir.ts";
import { MODULE } from "./modules.ts";

export function emitShared(module: SharedModuleModel, context: EmitContext): ModuleIR {
  const extra: ImportIR[] = [{ from: MODULE.base, names: ERROR_CLASS_SUPPORT.imports }];
  if (module.category) extra.push({ from: MODULE.internal, names: names("isCodeIn") });
  return {
    path: module.path,
    imports: importsFor(context, module.path, module.classes.map((entry) => entry.parent), extra),
    reexports: [],
    declarations: [
      ERROR_CLASS_SUPPORT.declaration,
      ...module.classes.flatMap(errorClassDeclarations),
      ...(module.category ? categoryDeclarations(module.category) : []),
    ],
  };
}
