// `src/base.ts`: the root error class, `defineErrorClass` and `isApiError`, all from
// generator/runtime/base.ts, with the naming rule (generator/runtime/naming.ts) the classes are named by.
import type { Model } from "../model/model.ts";
import type { ModuleIR } from "./ir/module-ir.ts";
import { MODULE } from "./modules.ts";
import { runtimeDeclaration, runtimeDeclarations } from "./runtime.ts";

export function emitBase(model: Model): ModuleIR {
  return {
    path: MODULE.base,
    reexports: [],
    declarations: [
      ...runtimeDeclarations("base", ["ErrorFault", "ApiErrorOptions", "ApiErrorJSON", "ApiError", "ErrorClass", "ErrorClassBase", "ERROR_CLASSES", "defineErrorClass"], model),
      runtimeDeclaration("naming", "nameOf", model, { exported: false }),
      ...runtimeDeclarations("base", ["hasCodePath", "isApiError"], model),
    ],
  };
}
