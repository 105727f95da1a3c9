// `src/actions.ts`: the matcher behind each product's `is<Product>ActionError`, shared by all products
// (generator/runtime/actions.ts).
import type { Model } from "../model/model.ts";
import type { ModuleIR } from "./ir/module-ir.ts";
import { MODULE } from "./modules.ts";
import { runtimeDeclarations } from "./runtime.ts";

export function emitActions(model: Model): ModuleIR {
  return {
    path: MODULE.actions,
    reexports: [],
    declarations: runtimeDeclarations("actions", ["ActionTable", "ActionMatcher", "createActionMatcher", "matchAction"], model),
  };
}
