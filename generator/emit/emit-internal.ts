// `src/internal.ts`: small helpers the other modules share (generator/runtime/internal.ts); not exported
// from the package entry. The brand is the spec's: it holds the package's name; the data an error carries
// adds the spec's fields.
import type { Model } from "../model/model.ts";
import type { ModuleIR } from "./ir/module-ir.ts";
import { MODULE } from "./modules.ts";
import { runtimeDeclaration, runtimeDeclarations } from "./runtime.ts";
import { stringLiteral } from "./safe-text.ts";

export function emitInternal(model: Model): ModuleIR {
  return {
    path: MODULE.internal,
    reexports: [],
    declarations: [
      runtimeDeclaration("internal", "ERROR_BRAND", model, { value: `Symbol.for(${stringLiteral(model.brand)})` }),
      runtimeDeclaration("internal", "ERROR_DATA", model, {
        value: `[${["requestId", "httpStatus", "traceId", ...model.envelope.fields.filter((field) => !field.builtIn).map((field) => field.name)].map(stringLiteral).join(", ")}]`,
      }),
      ...runtimeDeclarations("internal", ["FieldTypes", "typed", "isOptional", "ownField", "unchecked", "isCodeIn"], model),
    ],
  };
}
