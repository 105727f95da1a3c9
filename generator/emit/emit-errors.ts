// `src/errors.ts`: one class per category and per code of the root spec, parents first, and the list
// `toApiError` looks codes up in.
import type { Model } from "../model/model.ts";
import { errorClassIR } from "./error-class.ts";
import { names, type ModuleIR } from "./ir/module-ir.ts";
import { MODULE } from "./modules.ts";

export const ERROR_CLASSES = "ERROR_CLASSES";

export function emitErrors(model: Model): ModuleIR {
  const parents = new Set(model.classes.map((entry) => entry.parent));
  const usesFault = model.classes.some((entry) => entry.overridesFault);
  return {
    path: MODULE.errors,
    imports: [{ from: MODULE.base, names: names(model.baseClass, ...(usesFault ? ["type ErrorFault"] : [])) }],
    reexports: [],
    declarations: [
      ...model.classes.map((entry) => errorClassIR(entry, parents.has(entry.name))),
      {
        kind: "const",
        name: ERROR_CLASSES,
        exported: true,
        type: `readonly (typeof ${model.baseClass})[]`,
        docs: "Every class of this module, for looking codes up. Not part of the package's API.",
        value: { layout: "array", items: model.classes.map((entry) => entry.name) },
      },
    ],
  };
}
