// `src/shared/<category>.ts`: classes (and the category's guard) that several products use, so that
// each code string has exactly one class in the package and no product module imports another.
import type { SharedModuleModel } from "../model/model.ts";
import { categoryDeclarations } from "./emit-categories.ts";
import type { EmitContext } from "./emit-context.ts";
import { ERROR_CLASS_BASE_DECLARATION, errorClassDeclarations } from "./error-class.ts";
import type { ModuleIR } from "./ir/module-ir.ts";

export function emitShared(module: SharedModuleModel, context: EmitContext): ModuleIR {
  return {
    path: module.path,
    reexports: [],
    declarations: [
      ERROR_CLASS_BASE_DECLARATION,
      ...module.classes.flatMap(errorClassDeclarations),
      ...(module.category ? categoryDeclarations(module.category) : []),
    ],
  };
}
