// `src/to-api-error.ts`: turning whatever a failure arrived as (an envelope, its Response, the SDK's
// exception, a serialized error) into the most specific error class; and `unwrapResponse`. The
// lookup (generator/runtime/to-api-error.ts) and the conversion are shared with the product modules,
// each with its own list of classes; the conversion reads the spec's envelope, so it is written here.
import type { Model } from "../model/model.ts";
import { ERROR_CLASS_TABLE } from "./emit-errors.ts";
import type { ModuleIR } from "./ir/module-ir.ts";
import { MODULE } from "./modules.ts";
import { runtimeDeclaration, runtimeDeclarations } from "./runtime.ts";
import { optionalAccess, propertyAccess as access, stringLiteral } from "./safe-text.ts";

export function emitToApiError(model: Model): ModuleIR {
  const base = model.baseClass;
  const { response, requestId, error, code, message } = model.envelope;
  const key = stringLiteral;
  return {
    path: MODULE.toApiError,
    reexports: [],
    declarations: [
      ...runtimeDeclarations("to-api-error", ["ErrorClassLookup", "createClassLookup", "findClass"], model),
      {
        kind: "const",
        name: "classOf",
        exported: false,
        type: "ErrorClassLookup",
        docs: "The lookup over this package's root classes.",
        value: `createClassLookup([${ERROR_CLASS_TABLE}])`,
        pure: true,
      },
      {
        kind: "function",
        name: "toApiError",
        exported: true,
        docs:
          `The most specific error class for a failure: the code's own class, else its nearest known ancestor's, else ${base}. ` +
          "The code is kept exactly.\n\n" +
          `Accepts a whole envelope, its \`${response}\`, or any object with \`code\`, \`message\` and \`requestId\` ` +
          "(an SDK's exception, an error's `toJSON()`). An error of this copy of the package whose class is already the most specific is returned as it is.\n\n" +
          "@throws TypeError when the input carries no string code.",
        parameters: [{ name: "input", type: "unknown" }],
        returnType: base,
        body: ['return convertError(input, classOf, "toApiError");'],
      },
      runtimeDeclaration("to-api-error", "convertError", model),
      {
        kind: "function",
        name: "readFields",
        exported: false,
        docs:
          "Code, message and request id from an envelope, its Response, or an error-like object, and the input's prototype. " +
          "Field names are fixed, so plain property reads are safe; the code itself is only ever looked up in a Map.",
        parameters: [{ name: "input", type: "unknown" }],
        returnType: "{ code?: unknown; message?: unknown; requestId?: unknown; isError?: boolean; prototype?: unknown }",
        body: [
          "try {",
          '  if (typeof input !== "object" || input === null) return {};',
          "  const isError = input instanceof Error;",
          "  const prototype = Object.getPrototypeOf(input);",
          "  const record = unchecked(input);",
          `  const response = record${access(response)};`,
          '  const body = typeof response === "object" && response !== null ? response : record;',
          `  if (!(${key(error)} in body)) {`,
          "    return { code: record.code, message: record.message, requestId: record.requestId, isError, prototype };",
          "  }",
          `  const wire = body${access(error)};`,
          `  return { code: wire${optionalAccess(code)}, message: wire${optionalAccess(message)}, requestId: body${access(requestId)}, isError, prototype };`,
          "} catch {",
          "  return {}; // a hostile object (a Proxy, a throwing getter) carries no code we can trust",
          "}",
        ],
      },
      runtimeDeclaration("to-api-error", "describeInput", model),
      {
        kind: "function",
        name: "unwrapResponse",
        exported: true,
        docs:
          `The \`${response}\` of a successful envelope. A failed envelope throws its typed error (see {@link toApiError}).\n\n` +
          `@throws ${base} (the most specific class) when the envelope is a failure.\n` +
          "@throws TypeError when `envelope` is not a response envelope.",
        typeParameters: "<T>",
        parameters: [{ name: "envelope", type: "ApiEnvelope<T>" }],
        returnType: "SuccessResponse<T>",
        body: ['return unwrapWith(envelope, classOf, "unwrapResponse");'],
      },
      {
        kind: "function",
        name: "unwrapWith",
        exported: true,
        docs: "The unwrapping behind `unwrapResponse` and the products' unwrappers. Not part of the package's API.",
        typeParameters: "<T>",
        parameters: [{ name: "envelope", type: "ApiEnvelope<T>" }, { name: "classOf", type: "ErrorClassLookup" }, { name: "caller", type: "string" }],
        returnType: "SuccessResponse<T>",
        body: [
          `if (isSuccess(envelope)) return envelope${access(response)};`,
          "if (carriesError(envelope)) throw convertError(envelope, classOf, caller);",
          "throw new TypeError(",
          `  \`\${caller}: expected {"${response}": {...}} with a string ${requestId}; got \${describeInput(envelope)}\`,`,
          ");",
        ],
      },
      {
        kind: "function",
        name: "isSuccess",
        exported: false,
        docs: "`isSuccessEnvelope`, keeping the envelope's own payload type.",
        typeParameters: "<T>",
        parameters: [{ name: "envelope", type: "ApiEnvelope<T>" }],
        returnType: "envelope is SuccessEnvelope<T>",
        body: ["return isSuccessEnvelope(envelope);"],
      },
      {
        kind: "function",
        name: "carriesError",
        exported: false,
        docs: `Whether \`value.${response}.${error}\` is an object: a failure, even when malformed (then the converter says what is missing).`,
        parameters: [{ name: "value", type: "unknown" }],
        returnType: "boolean",
        body: [
          "try {",
          `  const error = ownField(ownField(value, ${key(response)}), ${key(error)});`,
          '  return typeof error === "object" && error !== null;',
          "} catch {",
          "  return false;",
          "}",
        ],
      },
    ],
  };
}
