// `src/to-api-error.ts`: turning whatever a failure arrived as (an envelope, its Response, the SDK's
// exception, a serialized error) into the most specific error class; and `unwrapResponse`.
import { StructureKind, VariableDeclarationKind } from "ts-morph";
import type { Model } from "../model/model.ts";
import { ENVELOPE_MODULE } from "./emit-envelope.ts";
import { ERRORS_MODULE } from "./emit-errors.ts";
import { INTERNAL_MODULE } from "./emit-internal.ts";
import type { EmittedFile } from "./emitted-file.ts";
import { body, listDeclaration, namedModuleStatement, type TypeScriptPrinter } from "./print-typescript.ts";
import { propertyAccess, stringLiteral } from "./safe-text.ts";

export const TO_API_ERROR_MODULE = "to-api-error";

export function emitToApiError(model: Model, printer: TypeScriptPrinter): EmittedFile {
  const base = model.baseClass;
  const { response, requestId, error, code, message } = model.envelope;
  const key = stringLiteral;
  const classNames = model.classes.map((entry) => entry.name);
  const imports = [
    namedModuleStatement("import", ["isSuccessEnvelope", "type ApiEnvelope", "type SuccessResponse"], ENVELOPE_MODULE),
    namedModuleStatement("import", [base, ...classNames], ERRORS_MODULE),
    `import { ownField } from "./${INTERNAL_MODULE}.js";`,
  ];
  return printer.print(`src/${TO_API_ERROR_MODULE}.ts`, imports, [
    listDeclaration({ docs: "Every error class but the base, looked up by its code.", head: `const ERROR_CLASSES: readonly (typeof ${base})[]`, layout: "array", items: classNames }),
    {
      kind: StructureKind.VariableStatement,
      declarationKind: VariableDeclarationKind.Let,
      docs: ["Filled on first use, so that importing the module does no work."],
      declarations: [{ name: "classesByCode", type: `Map<string, typeof ${base}> | undefined` }],
    },
    {
      kind: StructureKind.Function,
      name: "classOf",
      docs: ["The class of a code, else of its nearest known ancestor, else the base class."],
      parameters: [{ name: "code", type: "string" }],
      returnType: `typeof ${base}`,
      statements: body(
        "classesByCode ??= new Map(ERROR_CLASSES.map((type) => [type.code, type]));",
        "for (let path = code; ; ) {",
        "  const found = classesByCode.get(path);",
        "  if (found) return found;",
        "  const dot = path.lastIndexOf(\".\");",
        `  if (dot === -1) return ${base};`,
        "  path = path.slice(0, dot);",
        "}",
      ),
    },
    {
      kind: StructureKind.Function,
      isExported: true,
      name: "toApiError",
      docs: [
        `The most specific error class for a failure: the code's own class, else its nearest known ancestor's, else ${base}. ` +
          `The code is kept exactly.\n\n` +
          `Accepts a whole envelope, its \`${response}\`, or any object with \`code\`, \`message\` and \`requestId\` ` +
          `(the official Node SDK's exception, an error's \`toJSON()\`). An error of this copy of the package is returned as it is.\n\n` +
          "@throws TypeError when the input carries no string code.",
      ],
      parameters: [{ name: "input", type: "unknown" }],
      returnType: base,
      statements: body(
        `if (isOwnInstance(input)) return input;`,
        "const fields = readFields(input);",
        "if (typeof fields.code !== \"string\" || fields.code === \"\") {",
        `  throw new TypeError(\`toApiError: expected an error envelope, its ${response}, or an object with a string code; got \${describeInput(input)}\`);`,
        "}",
        "const type = classOf(fields.code);",
        "return new type(typeof fields.message === \"string\" ? fields.message : \"\", {",
        "  code: fields.code,",
        "  ...(typeof fields.requestId === \"string\" ? { requestId: fields.requestId } : {}),",
        "  ...(fields.isError ? { cause: input } : {}),",
        "});",
      ),
    },
    {
      kind: StructureKind.Function,
      name: "readFields",
      docs: ["Code, message and request id from an envelope, its Response, or an error-like object. Never reads through the prototype chain."],
      parameters: [{ name: "input", type: "unknown" }],
      returnType: "{ code: unknown; message: unknown; requestId: unknown; isError: boolean }",
      statements: body(
        "try {",
        `  const body = ownField(input, ${key(response)}) ?? input;`,
        `  const wire = ownField(body, ${key(error)});`,
        "  const isError = input instanceof Error;",
        "  return wire === undefined",
        `    ? { code: ownField(input, "code"), message: ownField(input, "message"), requestId: ownField(input, "requestId"), isError }`,
        `    : { code: ownField(wire, ${key(code)}), message: ownField(wire, ${key(message)}), requestId: ownField(body, ${key(requestId)}), isError };`,
        "} catch {",
        "  // A hostile object (a Proxy, a throwing getter) carries no code we can trust.",
        "  return { code: undefined, message: undefined, requestId: undefined, isError: false };",
        "}",
      ),
    },
    {
      kind: StructureKind.Function,
      name: "isOwnInstance",
      docs: ["Plain prototype-chain `instanceof`, bypassing the code-path `Symbol.hasInstance`: is this an error of this very copy?"],
      parameters: [{ name: "value", type: "unknown" }],
      returnType: `value is ${base}`,
      statements: body("try {", `  return Function.prototype[Symbol.hasInstance].call(${base}, value);`, "} catch {", "  return false;", "}"),
    },
    {
      kind: StructureKind.Function,
      name: "describeInput",
      docs: ["What an input was, for the message of a TypeError."],
      parameters: [{ name: "input", type: "unknown" }],
      returnType: "string",
      statements: body(
        "if (input === null) return \"null\";",
        "if (typeof input !== \"object\") return typeof input;",
        "try {",
        "  return Array.isArray(input) ? \"an array\" : \"an object without one\";",
        "} catch {",
        "  return \"an unreadable object\";",
        "}",
      ),
    },
    {
      kind: StructureKind.Function,
      name: "carriesError",
      docs: [`Whether \`value.${response}.${error}\` is an object: a failure, even when malformed (then \`toApiError\` says what is missing).`],
      parameters: [{ name: "value", type: "unknown" }],
      returnType: "boolean",
      statements: body(
        "try {",
        `  const error = ownField(ownField(value, ${key(response)}), ${key(error)});`,
        "  return typeof error === \"object\" && error !== null;",
        "} catch {",
        "  return false;",
        "}",
      ),
    },
    {
      kind: StructureKind.Function,
      isExported: true,
      name: "unwrapResponse",
      docs: [
        `The \`${response}\` of a successful envelope. A failed envelope throws its typed error (see {@link toApiError}).\n\n` +
          `@throws ${base} (the most specific class) when the envelope is a failure.\n` +
          `@throws TypeError when \`envelope\` is not a response envelope.`,
      ],
      typeParameters: ["T"],
      parameters: [{ name: "envelope", type: "ApiEnvelope<T>" }],
      returnType: "SuccessResponse<T>",
      statements: body(
        `if (isSuccessEnvelope<T>(envelope)) return envelope${propertyAccess(response)};`,
        "if (carriesError(envelope)) throw toApiError(envelope);",
        `throw new TypeError(\`unwrapResponse: expected {"${response}": {...}} with a string ${requestId}; got \${describeInput(envelope)}\`);`,
      ),
    },
  ]);
}
