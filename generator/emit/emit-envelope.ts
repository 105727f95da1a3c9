// `src/envelope.ts`: the wire format's types and the guards that recognise a response.
import type { Model } from "../model/model.ts";
import type { ModuleIR, PropertyIR } from "./ir/module-ir.ts";
import { MODULE } from "./modules.ts";
import { optionalAccess as optional, propertyAccess as access, propertyName } from "./safe-text.ts";

export function emitEnvelope(model: Model): ModuleIR {
  const { response, requestId, error, code, message } = model.envelope;
  const prop = (name: string, type: string, docs: string): PropertyIR => ({ name: propertyName(name), type, docs });
  return {
    path: MODULE.envelope,
    reexports: [],
    declarations: [
      {
        kind: "interface",
        name: "ErrorBody",
        docs: `The \`${error}\` object of a failed response.`,
        properties: [
          prop(code, "KnownErrorCode | (string & {})", `The error code, such as \`${model.example.code}\`. Codes this package does not know are kept as they are.`),
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
          `  const response = unchecked(value)${optional(response)};`,
          `  const error = response${optional(error)};`,
          `  return (`,
          `    typeof error${optional(code)} === "string" && typeof error${access(message)} === "string" &&`,
          `    typeof response${access(requestId)} === "string"`,
          `  );`,
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
          `  const response = unchecked(value)${optional(response)};`,
          `  return typeof response === "object" && typeof response${optional(requestId)} === "string" && response${access(error)} === undefined;`,
          "} catch {",
          "  return false;",
          "}",
        ],
      },
    ],
  };
}
