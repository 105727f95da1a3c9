// `src/index.ts`: the package entry, re-exporting every public name by name.
import type { Model } from "../model/model.ts";
import { rootClasses } from "./emit-errors.ts";
import { names, type ModuleIR } from "./ir/module-ir.ts";
import { MODULE } from "./modules.ts";

export function emitIndex(model: Model): ModuleIR {
  const types = (...list: string[]) => list.map((name) => `type ${name}`);
  return {
    path: MODULE.index,
    declarations: [],
    reexports: [
      { from: MODULE.codes, names: names(model.codeEnum, model.codeObject, model.codeEnumGuard, ...types("KnownErrorCode")) },
      {
        from: MODULE.envelope,
        names: names("isErrorEnvelope", "isSuccessEnvelope", ...types("ErrorBody", "ErrorResponse", "ErrorEnvelope", "SuccessResponse", "SuccessEnvelope", "ApiEnvelope")),
      },
      { from: MODULE.base, names: names(model.baseClass, "isApiError", ...types("ErrorFault", "ApiErrorOptions", "ApiErrorJSON", "ConvertedError")) },
      { from: MODULE.errors, names: names(rootClasses(model).map((entry) => entry.name)) },
      { from: MODULE.categories, names: names(model.categories.flatMap((category) => [category.guardName, `type ${category.typeName}`])) },
      { from: MODULE.toApiError, names: names("toApiError", "unwrapResponse", "parseResponse", "withTypedErrors", "type ErrorExtras", "type ApiResult") },
      { from: MODULE.describeError, names: names("describeError", ...types("ErrorDescription", "ErrorLocale")) },
    ],
  };
}
