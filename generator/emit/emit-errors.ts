// `src/errors.ts`: one class per category and per code of the root spec, parents first, and the list
// `toApiError` looks codes up in.
import type { ClassModel, Model } from "../model/model.ts";
import type { EmitContext } from "./emit-context.ts";
import { classTable, ERROR_CLASS_BASE_DECLARATION, errorClassDeclarations } from "./error-class.ts";
import type { ModuleIR } from "./ir/module-ir.ts";
import { MODULE } from "./modules.ts";

export const ERROR_CLASS_TABLE = "ERROR_CLASS_TABLE";

export function emitErrors(context: EmitContext): ModuleIR {
  const { model } = context;
  const classes = rootClasses(model);
  return {
    path: MODULE.errors,
    reexports: [],
    declarations: [
      ERROR_CLASS_BASE_DECLARATION,
      ...classes.flatMap(errorClassDeclarations),
      {
        kind: "const",
        name: ERROR_CLASS_TABLE,
        exported: true,
        type: "string",
        docs: "The classes of this module as data, for looking codes up without bundling every class. Not part of the package's API.",
        value: classTable(classes),
      },
    ],
  };
}

/** The classes of the root entry: those the root spec uses. */
export function rootClasses(model: Model): ClassModel[] {
  return model.classes.filter((entry) => entry.home.kind === "root");
}
