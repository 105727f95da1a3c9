// `src/envelope.ts`: the wire format's types and the guards that recognise a response.
import { StructureKind, type InterfaceDeclarationStructure, type OptionalKind, type PropertySignatureStructure } from "ts-morph";
import type { Model } from "../model/model.ts";
import { CODES_MODULE } from "./emit-codes.ts";
import { INTERNAL_MODULE } from "./emit-internal.ts";
import type { EmittedFile } from "./emitted-file.ts";
import { body, type TypeScriptPrinter } from "./print-typescript.ts";
import { propertyName, stringLiteral } from "./safe-text.ts";

export const ENVELOPE_MODULE = "envelope";

export function emitEnvelope(model: Model, printer: TypeScriptPrinter): EmittedFile {
  const { response, requestId, error, code, message } = model.envelope;
  const prop = (name: string, type: string, doc: string): OptionalKind<PropertySignatureStructure> => ({ name: propertyName(name), type, docs: [doc] });
  const iface = (name: string, doc: string, properties: OptionalKind<PropertySignatureStructure>[]): InterfaceDeclarationStructure => ({
    kind: StructureKind.Interface,
    isExported: true,
    name,
    docs: [doc],
    properties,
  });
  const key = stringLiteral;
  const imports = [`import type { KnownErrorCode } from "./${CODES_MODULE}.js";`, `import { ownField } from "./${INTERNAL_MODULE}.js";`];
  return printer.print(`src/${ENVELOPE_MODULE}.ts`, imports, [
    iface("ErrorBody", `The \`${error}\` object of a failed response.`, [
      prop(code, "KnownErrorCode | (string & {})", "The error code, such as `AuthFailure.SignatureFailure`. Codes this package does not know are kept as they are."),
      prop(message, "string", "What went wrong, in the service's words."),
    ]),
    iface("ErrorResponse", `The \`${response}\` of a failed call.`, [
      prop(error, "ErrorBody", "The error."),
      prop(requestId, "string", "The id of the request, for support tickets and logs."),
    ]),
    iface("ErrorEnvelope", "A whole failed response, as the service sends it.", [prop(response, "ErrorResponse", "The response.")]),
    {
      kind: StructureKind.TypeAlias,
      isExported: true,
      name: "SuccessResponse",
      typeParameters: ["T"],
      type: `T & { ${propertyName(requestId)}: string }`,
      docs: [`The \`${response}\` of a successful call: the action's own fields \`T\` plus \`${requestId}\`.`],
    },
    {
      kind: StructureKind.Interface,
      isExported: true,
      name: "SuccessEnvelope",
      typeParameters: ["T"],
      docs: ["A whole successful response, as the service sends it."],
      properties: [prop(response, "SuccessResponse<T>", "The response.")],
    },
    {
      kind: StructureKind.TypeAlias,
      isExported: true,
      name: "ApiEnvelope",
      typeParameters: ["T"],
      type: "SuccessEnvelope<T> | ErrorEnvelope",
      docs: ["Any response of an action whose successful result is `T`."],
    },
    {
      kind: StructureKind.Function,
      isExported: true,
      name: "isErrorEnvelope",
      docs: [
        `Whether \`value\` is a failed response: \`${response}.${error}\` with a string \`${code}\` and \`${message}\`, and a string \`${response}.${requestId}\`. Returns a boolean for any input and never throws.`,
      ],
      parameters: [{ name: "value", type: "unknown" }],
      returnType: "value is ErrorEnvelope",
      statements: body(
        "try {",
        `  const response = ownField(value, ${key(response)});`,
        `  const error = ownField(response, ${key(error)});`,
        `  return typeof ownField(error, ${key(code)}) === "string" && typeof ownField(error, ${key(message)}) === "string" && typeof ownField(response, ${key(requestId)}) === "string";`,
        "} catch {",
        "  return false; // a hostile object (a Proxy, a throwing getter) is not an envelope",
        "}",
      ),
    },
    {
      kind: StructureKind.Function,
      isExported: true,
      name: "isSuccessEnvelope",
      docs: [
        `Whether \`value\` is a successful response: an object \`${response}\` with a string \`${requestId}\` and no \`${error}\`. Returns a boolean for any input and never throws.`,
      ],
      typeParameters: [{ name: "T", default: "Record<string, unknown>" }],
      parameters: [{ name: "value", type: "unknown" }],
      returnType: "value is SuccessEnvelope<T>",
      statements: body(
        "try {",
        `  const response = ownField(value, ${key(response)});`,
        `  return typeof ownField(response, ${key(requestId)}) === "string" && ownField(response, ${key(error)}) === undefined;`,
        "} catch {",
        "  return false;",
        "}",
      ),
    },
  ]);
}
