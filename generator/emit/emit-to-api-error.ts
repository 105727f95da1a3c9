// `src/to-api-error.ts`: turning whatever a failure arrived as (an envelope, its response object, an
// error-like object, the envelope's error object) into the most specific error class; and
// `unwrapResponse`. The lookup and the conversion (generator/runtime/to-api-error.ts) are shared with the
// product modules, each with its own list of classes; what reads the spec's envelope is written here.
import type { EnvelopeModel, Model } from "../model/model.ts";
import { ERROR_CLASS_TABLE } from "./emit-errors.ts";
import type { ModuleIR } from "./ir/module-ir.ts";
import { MAX_LINE } from "./ir/print-ir.ts";
import { MODULE } from "./modules.ts";
import { runtimeDeclaration, runtimeDeclarations } from "./runtime.ts";
import { stringLiteral } from "./safe-text.ts";
import { accessPath, pathText, placeInBody, readPath, readPathFrom } from "./wire-paths.ts";

export function emitToApiError(model: Model): ModuleIR {
  const base = model.baseClass;
  const { envelope } = model;
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
          "The code is kept exactly; `known` says whether this package's catalogue lists it, and narrows `code` to the known codes.\n\n" +
          "Accepts a whole envelope, its response object, its error object, or any object with a string `code` " +
          "(an SDK's exception, with its `httpCode` and `traceId`; an error's `toJSON()`). An error of this copy of the package whose class is already the most specific is returned as it is.\n\n" +
          "@param extras - The HTTP status, trace id or request id, when the caller knows them: they win over the input's.\n" +
          "@throws TypeError when the input carries no string code.",
        parameters: [{ name: "input", type: "unknown" }, { name: "extras", type: "ErrorExtras | undefined", optional: true }],
        returnType: `ConvertedError<${base}, KnownErrorCode>`,
        body: ['return convertError(input, classOf, "toApiError", extras);'],
      },
      ...runtimeDeclarations("to-api-error", ["FoundFields", "ApiResult", "ActionClient", "Attempt", "ActionFailure", "ErrorExtras", "convertError", "typedError", "wrapClient", "callTyped", "rejectTyped", "attemptWith", "succeeded", "failed"], model),
      {
        kind: "function",
        name: "withTypedErrors",
        exported: true,
        docs:
          "The same client, of the same type, whose methods reject with this package's errors (as {@link toApiError} makes them, the " +
          "client's exception kept as `cause`, its `traceId` and `httpCode` carried over). A rejection without a code (a transport " +
          "failure, a status other than 200) is passed on as it was. Works with any object whose methods return promises, such as " +
          "an official SDK's client; nothing of the SDK is needed at run time.",
        typeParameters: "<C extends object>",
        parameters: [{ name: "client", type: "C" }],
        returnType: "C",
        body: ['return wrapClient(client, classOf, "withTypedErrors");'],
      },
      {
        kind: "function",
        name: "readFields",
        exported: false,
        docs:
          "What an input holds, read as a whole envelope, else as its response object, else as an error-like object " +
          "(`code` a string: an error of this package, its JSON, an SDK's exception), else as the envelope's error object. " +
          "Plain property reads, each value kept only when of its type; the code is only ever looked up in a Map.",
        parameters: [{ name: "input", type: "unknown" }],
        returnType: "FoundFields",
        body: readFieldsBody(envelope),
      },
      runtimeDeclaration("to-api-error", "describeInput", model),
      {
        kind: "function",
        name: "unwrapResponse",
        exported: true,
        docs:
          `The payload of a successful envelope (${placeInBody(envelope.result)}). A failed envelope throws its typed error (see {@link toApiError}).\n\n` +
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
        body: ["const parsed = parseWith(envelope, classOf, caller);", "if (parsed.ok) return unchecked(parsed.data);", "throw parsed.error;"],
      },
      {
        kind: "function",
        name: "parseResponse",
        exported: true,
        docs:
          `What a response holds: \`{ ok: true, data }\` for a success, \`data\` as {@link unwrapResponse} returns it (${placeInBody(envelope.result)}); ` +
          "`{ ok: false, error }` for a failure, `error` as {@link toApiError} gives it. Nothing is thrown for a failure.\n\n" +
          "@throws TypeError when `body` is not a response envelope at all.",
        typeParameters: "<T>",
        parameters: [{ name: "body", type: "unknown" }],
        returnType: `ApiResult<SuccessResponse<T>, ConvertedError<${base}, KnownErrorCode>>`,
        body: ['return parseWith(body, classOf, "parseResponse");'],
      },
      {
        kind: "function",
        name: "parseWith",
        exported: true,
        docs: "The parsing behind `parseResponse`, `unwrapResponse` and the products' parsers and unwrappers. Not part of the package's API.",
        typeParameters: "<T, K extends string>",
        parameters: [{ name: "body", type: "unknown" }, { name: "classOf", type: "ErrorClassLookup" }, { name: "caller", type: "string" }],
        returnType: `ApiResult<SuccessResponse<T>, ConvertedError<${base}, K>>`,
        body: [
          `if (isSuccessEnvelope(body)) return { ok: true, data: ${accessPath("unchecked(body)", envelope.result)} };`,
          "if (carriesError(body)) return { ok: false, error: convertError(body, classOf, caller) };",
          "throw new TypeError(",
          ...expectedText(envelope),
          "    `got ${describeInput(body)}`,",
          ");",
        ],
      },
      {
        kind: "function",
        name: "carriesError",
        exported: false,
        docs:
          envelope.error.length > 0
            ? `Whether \`value\` has an error object (at \`${pathText([...envelope.response, ...envelope.error])}\`): a failure, even when malformed (then the converter says what is missing).`
            : `Whether \`value\` has a code (at \`${pathText([...envelope.response, ...envelope.code])}\`): a failure, even when malformed (then the converter says what is missing).`,
        parameters: [{ name: "value", type: "unknown" }],
        returnType: "boolean",
        body: carriesErrorBody(envelope),
      },
    ],
  };
}

/** What an envelope must be, for the message of a TypeError: a success with …, or a failure with …; a literal a line. */
function expectedText(envelope: EnvelopeModel): string[] {
  const { response, requestId } = envelope;
  // Into template literals: paths hold letters, digits, `_`, `$`, `-` and dots, but `${` must not start a placeholder.
  const path = (segments: readonly string[]) => pathText(segments).replace(/\$\{/g, "$\\{");
  const success = `${response.length > 0 ? `an object at ${path(response)}` : "an object"}${requestId && envelope.requestIdAlways ? ` with a string ${path(requestId)}` : ""}`;
  const failure = `a string ${path([...response, ...envelope.error, ...envelope.code])}`;
  return [`  \`\${caller}: expected a success (${success}) \` +`, `    \`or a failure (${failure}); \` +`];
}

function carriesErrorBody(envelope: EnvelopeModel): string[] {
  const own = (path: readonly string[]) => path.reduce((base, name) => `ownField(${base}, ${stringLiteral(name)})`, "value");
  const check =
    envelope.error.length > 0
      ? [`  const error = ${own([...envelope.response, ...envelope.error])};`, '  return typeof error === "object" && error !== null;']
      : [`  return ${own([...envelope.response, ...envelope.code])} !== undefined;`];
  return ["try {", ...check, "} catch {", "  return false;", "}"];
}

/**
 * The reading of an input: a whole envelope, else its response object, else an error-like object (its
 * `code` a string), else the error object itself; each step only where the paths make it a different
 * object. What is found on the wire is named as in an error's JSON, so that one return types both.
 */
function readFieldsBody(envelope: EnvelopeModel): string[] {
  const { response, error, code, message, requestId } = envelope;
  // A wire code named `code` is also what tells an error-like object: the same object may then be either,
  // so it is read as the error object, each value from its wire path, else from its name in an error's JSON.
  const ambiguous = code.length === 1 && code[0] === "code";
  const steps: string[] = [];
  if (response.length > 0) steps.push(`if (typeof ${readPath("error", code)} !== "string") {`, "  response = record;", `  error = ${readPathFrom("record", error)};`, "}");
  if (error.length > 0) {
    const condition = ambiguous ? `typeof ${readPath("error", code)} !== "string"` : `typeof ${readPath("error", code)} !== "string" && typeof record.code !== "string"`;
    steps.push(`if (${condition}) {`, "  response = undefined;", "  error = record;", "}");
  }
  const orJson = (name: string) => (ambiguous ? ` ?? data.${name}` : "");
  // Field names are identifiers (spec-shape.ts): they need no quoting as keys or in reads.
  const fromJson = (name: string) => (ambiguous ? [`${name}: data.${name}`] : []);
  const filled = new Set(envelope.fields.map((field) => field.name));
  const wire = [
    `code: ${readPathFrom("error", code)}`,
    ...(message ? [`message: ${readPathFrom("error", message)}${orJson("message")}`] : fromJson("message")),
    ...(requestId ? [`requestId: ${readPath("response", requestId)}${orJson("requestId")}`] : fromJson("requestId")),
    ...["httpStatus", "traceId"].filter((name) => !filled.has(name)).flatMap(fromJson),
    ...envelope.fields.map((field) => `${field.name}: ${readPathFrom("error", field.path)}${orJson(field.name)}`),
  ];
  const typedData = (name: string, type: string) => `    ${name}: ${type === "json" ? `data.${name}` : `typed(data.${name}, "${type}")`},`;
  return [
    "try {",
    "  const record = unchecked(input); // null and undefined throw on the first read: nothing found",
    "  let data = record;",
    `  let response = ${readPathFrom("record", response)};`,
    `  let error = ${readPath("response", error)};`,
    ...steps.map((line) => `  ${line}`),
    ...wrapped(`  if (typeof ${readPath("error", code)} === "string") data = { ${wire.join(", ")} };`, `  if (typeof ${readPath("error", code)} === "string") {`, `    data = {`, wire.map((item) => `      ${item},`), "    };", "  }"),
    "  return {",
    typedData("code", "string"),
    typedData("message", "string"),
    // The SDK's exception says "" for no request id or trace id, and `httpCode` for the HTTP status.
    '    requestId: typed(data.requestId, "string") || undefined,',
    '    httpStatus: typed(data.httpStatus ?? data.httpCode, "number"),',
    '    traceId: typed(data.traceId, "string") || undefined,',
    ...envelope.fields.filter((field) => !field.builtIn).map((field) => typedData(field.name, field.type)),
    "    cause: input instanceof Error ? input : undefined,",
    "    prototype: Object.getPrototypeOf(input),",
    "  };",
    "} catch {",
    "  return {}; // a hostile object (a Proxy, a throwing getter) carries no code we can trust",
    "}",
  ];
}

/** `line` when it fits in a line of the generated code (inside a function body, two more spaces in), else the statement written over several lines. */
function wrapped(line: string, open: string, start: string, items: readonly string[], ...close: string[]): string[] {
  return line.length + 2 <= MAX_LINE ? [line] : [open, start, ...items, ...close];
}
