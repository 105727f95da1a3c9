// `src/index.ts`: the package entry, re-exporting every public module by name.
import type { Model } from "../model/model.ts";
import { CATEGORIES_MODULE } from "./emit-categories.ts";
import { CODES_MODULE } from "./emit-codes.ts";
import { DESCRIBE_ERROR_MODULE } from "./emit-describe-error.ts";
import { ENVELOPE_MODULE } from "./emit-envelope.ts";
import { ERRORS_MODULE } from "./emit-errors.ts";
import { TO_API_ERROR_MODULE } from "./emit-to-api-error.ts";
import type { EmittedFile } from "./emitted-file.ts";
import { namedModuleStatement, type TypeScriptPrinter } from "./print-typescript.ts";

export function emitIndex(model: Model, printer: TypeScriptPrinter): EmittedFile {
  const exportsOf = (module: string, values: readonly string[], types: readonly string[]) =>
    namedModuleStatement("export", [...values, ...types.map((type) => `type ${type}`)], module);
  const categoryGuards = model.categories.map((category) => category.guardName);
  const categoryTypes = model.categories.map((category) => category.typeName);
  return printer.print("src/index.ts", [], [
    exportsOf(CODES_MODULE, [model.codeEnum, model.codeEnumGuard], ["KnownErrorCode"]),
    exportsOf(ENVELOPE_MODULE, ["isErrorEnvelope", "isSuccessEnvelope"], ["ErrorBody", "ErrorResponse", "ErrorEnvelope", "SuccessResponse", "SuccessEnvelope", "ApiEnvelope"]),
    exportsOf(ERRORS_MODULE, [model.baseClass, "isApiError", ...model.classes.map((entry) => entry.name)], ["ErrorFault", "ApiErrorOptions", "ApiErrorJSON"]),
    exportsOf(CATEGORIES_MODULE, categoryGuards, categoryTypes),
    exportsOf(TO_API_ERROR_MODULE, ["toApiError", "unwrapResponse"], []),
    exportsOf(DESCRIBE_ERROR_MODULE, ["describeError"], ["ErrorDescription", "ErrorLocale"]),
  ]);
}
