// `src/envelope.ts`: the wire format's types and the guards that recognise a response.
import type { Model } from "../model/model.ts";
import { names, type ModuleIR, type PropertyIR } from "./ir/module-ir.ts";
import { MODULE } from "./modules.ts";
import { propertyAccess as access, propertyName, stringLiteral } from "./safe-text.ts";

export function emitEnvelope(model: Model): ModuleIR {
  const { response, requestId, error, code, message } = model.envelope;
  const prop = (name: string, type: string, docs: string): PropertyIR => ({ name: propertyName(name), type, docs });
  const key = stringLiteral;
  return {
    path: MODULE.envelope,
    imports: [
      { from: MODULE.codes, names: names("type KnownErrorCode") },

    ],
    reexports: [],
    declarations: [
      {
        kind: "interface",
        name: "ErrorBody",
        docs: `The \`${error}\` object of a failed response.`,
        properties: [
          prop(code, "KnownErrorCode | (string & {})", "The error code, such as `AuthFailure.SignatureFailure`. Codes this package does not know are kept as they are."),
          prop(message, "string", "What went wrong, in the service's words."),
        ],
      },
      {
        kind: "interface",
        name: "ErrorResponse",
        docs: `The \`${response}\` of a failed call.`,
        properties: [prop(error, "ErrorBody", "The error."), prop(requestId, "string", "The id of the request, for support tickets and logs.")],
      },
      { kind: "interface", name: "ErrorEnvelope", docs: "A whole failed response, as the service sends it.", properties: [prop(response, "ErrorResponse", "The response.")] },
      {
        kind: "type",
        name: "SuccessResponse",
        exported: true,
        typeParameters: "<T>",
        type: `T & { ${propertyName(requestId)}: string }`,
        docs: `The \`${response}\` of a successful call: the action's own fields \`T\` plus \`${requestId}\`.`,
      },
      {
        kind: "interface",
        name: "SuccessEnvelope",
        typeParameters: "<T>",
        docs: "A whole successful response, as the service sends it.",
        properties: [prop(response, "SuccessResponse<T>", "The response.")],
      },
      {
        kind: "type",
        name: "ApiEnvelope",
        exported: true,
        typeParameters: "<T>",
        type: "SuccessEnvelope<T> | ErrorEnvelope",
        docs: "Any response of an action whose successful result is `T`.",
      },
      {
        kind: "function",
        name: "isErrorEnvelope",
        exported: true,
        docs: `Whether \`value\` is a failed response: \`${response}.${error}\` with a string \`${code}\` and \`${message}\`, and a string \`${response}.${requestId}\`. Returns a boolean for any input and never throws.`,
        parameters: [{ name: "value", type: "unknown" }],
        returnType: "value is ErrorEnvelope",
        body: [
          "try {",
          `  if (typeof value !== "object" || value === null || !(${key(response)} in value)) return false;`,
          `  const response = value${access(response)};`,
          `  if (typeof response !== "object" || response === null || !(${key(error)} in response) || !(${key(requestId)} in response)) return false;`,
          `  const error = response${access(error)};`,
          `  if (typeof error !== "object" || error === null || !(${key(code)} in error) || !(${key(message)} in error)) return false;`,
          `  return typeof error${access(code)} === "string" && typeof error${access(message)} === "string" && typeof response${access(requestId)} === "string";`,
          "} catch {",
          "  return false; // a hostile object (a Proxy, a throwing getter) is not an envelope",
          "}",
        ],
      },
      {
        kind: "function",
        name: "isSuccessEnvelope",
        exported: true,
        docs: `Whether \`value\` is a successful response: an object \`${response}\` with a string \`${requestId}\` and no \`${error}\`. Returns a boolean for any input and never throws.`,
        typeParameters: "<T = Record<string, unknown>>",
        parameters: [{ name: "value", type: "unknown" }],
        returnType: "value is SuccessEnvelope<T>",
        body: [
          "try {",
          `  if (typeof value !== "object" || value === null || !(${key(response)} in value)) return false;`,
          `  const response = value${access(response)};`,
          `  if (typeof response !== "object" || response === null || !(${key(requestId)} in response)) return false;`,
          `  return typeof response${access(requestId)} === "string" && !(${key(error)} in response && response${access(error)} !== undefined);`,
          "} catch {",
          "  return false;",
          "}",
        ],
      },
    ],
  };
}
