// `src/errors.ts`: one class per category and per code of the root spec, parents first, and the list
// `toApiError` looks codes up in.
import type { ClassModel, Model } from "../model/model.ts";
import type { EmitContext } from "./emit-context.ts";
import { errorClassIR } from "./error-class.ts";
import { names, type ModuleIR } from "./ir/module-ir.ts";
import { MODULE } from "./modules.ts";

export const ERROR_CLASSES = "ERROR_CLASSES";

export function emitErrors(context: EmitContext): ModuleIR {
  const { model } = context;
  const classes = rootClasses(model);
  const usesFault = classes.some((entry) => entry.overridesFault);
  return {
    path: MODULE.errors,
    imports: [{ from: MODULE.base, names: names(model.baseClass, ...(usesFault ? ["type ErrorFault"] : [])) }],
    reexports: [],
    declarations: [
      ...classes.map((entry) => errorClassIR(entry, context.parents.has(entry.name))),
      {
        kind: "const",
        name: ERROR_CLASSES,
        exported: true,
        type: `readonly (typeof ${model.baseClass})[]`,
        docs: "Every class of this module, for looking codes up. Not part of the package's API.",
        value: { layout: "array", items: classes.map((entry) => entry.name) },
      },
    ],
  };
}

/** The classes of the root entry: those the root spec uses. */
export function rootClasses(model: Model): ClassModel[] {
  return model.classes.filter((entry) => entry.home.kind === "root");
}
