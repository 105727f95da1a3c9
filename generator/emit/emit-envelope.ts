// `src/envelope.ts`: the wire format's types and the guards that recognise a response, both following
// the spec's envelope: where the response object, the error object, the code, the message, the request
// id, the payload and the spec's fields are in a body (property paths; empty for the object itself).
import type { EnvelopeModel, Model } from "../model/model.ts";
import type { DeclarationIR, PropertyIR } from "./ir/module-ir.ts";
import type { ModuleIR } from "./ir/module-ir.ts";
import { MODULE } from "./modules.ts";
import { propertyName } from "./safe-text.ts";
import { nodeAt, pathText, placeInBody, place, printType, readPath, readPathFrom, typeNode, type TypeNode } from "./wire-paths.ts";

/** How a field of each type is on the wire: JSON may give `null` for any of them. */
const WIRE_TYPES = { string: "string | null", number: "number | null", boolean: "boolean | null", json: "unknown" } as const;

export function emitEnvelope(model: Model): ModuleIR {
  const envelope = model.envelope;
  const { response, error, code, message, requestId } = envelope;
  const at = (path: readonly string[]) => `\`${pathText(path)}\``;
  const codePath = [...response, ...error, ...code];

  const errorBody = typeNode();
  place(errorBody, code, "KnownErrorCode | (string & {})", { docs: `The error code, such as \`${model.example.code}\`. Codes this package does not know are kept as they are.` });
  if (message) place(errorBody, message, "string", { docs: "What went wrong, in the service's words." });
  for (const field of envelope.fields) {
    place(errorBody, field.path, WIRE_TYPES[field.type], { optional: true, docs: `Read into every error's \`${field.name}\`.` });
  }
  const errorResponse = typeNode();
  place(errorResponse, error, "ErrorBody", { docs: "The error." });
  if (requestId) place(errorResponse, requestId, "string", { docs: "The id of the request, for support tickets and logs." });
  const errorEnvelope = typeNode();
  place(errorEnvelope, response, "ErrorResponse", { docs: "The response." });

  const success = typeNode();
  nodeAt(success, response, "The response.");
  if (requestId) place(success, [...response, ...requestId], "string", { optional: !envelope.requestIdAlways, docs: "The id of the request." });
  const payload = nodeAt(success, envelope.result);
  const successResponse: TypeNode = { types: ["T", ...payload.types], members: new Map(payload.members) };
  payload.types.splice(0, payload.types.length, "SuccessResponse<T>");
  payload.members.clear();

  return {
    path: MODULE.envelope,
    reexports: [],
    declarations: [
      objectType("ErrorBody", errorBody, `The error object of a failed response (${placeInBody([...response, ...error])}).`),
      objectType("ErrorResponse", errorResponse, `The response object of a failed call (${placeInBody(response)}).`),
      objectType("ErrorEnvelope", errorEnvelope, "A whole failed response, as the service sends it."),
      objectType(
        "SuccessResponse",
        successResponse,
        `What \`unwrapResponse\` returns for a successful call (${placeInBody(envelope.result)}): the action's own fields \`T\`${successResponse.members.size > 0 ? " and what the envelope adds" : ""}.`,
        "<T>",
      ),
      objectType("SuccessEnvelope", success, "A whole successful response, as the service sends it.", "<T>"),
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
        docs:
          `Whether \`value\` is a failed response: a string code at ${at(codePath)}` +
          `${message ? `, a string message at ${at([...response, ...error, ...message])}` : ""}` +
          `${requestId ? ` and a string request id at ${at([...response, ...requestId])}` : ""}` +
          `${envelope.fields.length > 0 ? ", each field of its type or absent" : ""}. Returns a boolean for any input and never throws.`,
        parameters: [{ name: "value", type: "unknown" }],
        returnType: "value is ErrorEnvelope",
        body: isErrorEnvelopeBody(envelope),
      },
      {
        kind: "function",
        name: "isSuccessEnvelope",
        exported: true,
        docs:
          `Whether \`value\` is a successful response: an object at ${at(response)}` +
          `${requestId && envelope.requestIdAlways ? ` with a string request id at ${at([...response, ...requestId])}` : ""}` +
          ` and no error (${error.length > 0 ? `nothing at ${at([...response, ...error])}` : `no code at ${at(codePath)}`})` +
          `${carriesPayload(envelope) ? `, with a payload at ${at(envelope.result)}` : ""}. Returns a boolean for any input and never throws.`,
        typeParameters: "<T = Record<string, unknown>>",
        parameters: [{ name: "value", type: "unknown" }],
        returnType: "value is SuccessEnvelope<T>",
        body: isSuccessEnvelopeBody(envelope),
      },
    ],
  };
}

/** An interface when the type is a plain object, its top-level members documented; else a type alias. */
function objectType(name: string, node: TypeNode, docs: string, typeParameters?: string): DeclarationIR {
  if (node.types.length === 0 && node.members.size > 0) {
    const properties: PropertyIR[] = [...node.members].map(([member, { node: value, optional, docs: memberDocs }]) => ({
      name: propertyName(member),
      type: printType(value),
      ...(optional ? { optional: true } : {}),
      ...(memberDocs === undefined ? {} : { docs: memberDocs }),
    }));
    return { kind: "interface", name, docs, properties, ...(typeParameters ? { typeParameters } : {}) };
  }
  return { kind: "type", name, exported: true, docs, type: printType(node), ...(typeParameters ? { typeParameters } : {}) };
}

/** Whether a success must hold its payload somewhere of its own (not the body, nor the response object). */
export function carriesPayload(envelope: EnvelopeModel): boolean {
  return envelope.result.length > 0 && pathText(envelope.result) !== pathText(envelope.response);
}

function isErrorEnvelopeBody(envelope: EnvelopeModel): string[] {
  const { response, error, code, message, requestId } = envelope;
  const lines = ["try {", `  const response = ${readPath("unchecked(value)", response)};`];
  const errorObject = error.length > 0 ? "error" : "response";
  if (error.length > 0) lines.push(`  const error = ${readPath("response", error)};`);
  // Once the code is a string, the error object (and the response object holding it) are objects.
  const checks = [`typeof ${readPath(errorObject, code)} === "string"`];
  if (message) checks.push(`typeof ${readPathFrom(errorObject, message)} === "string"`);
  if (requestId) checks.push(`typeof ${readPathFrom("response", requestId)} === "string"`);
  for (const field of envelope.fields) if (field.type !== "json") checks.push(`isOptional(${readPathFrom(errorObject, field.path)}, "${field.type}")`);
  lines.push("  return (", ...checks.map((check, index) => `    ${check}${index < checks.length - 1 ? " &&" : ""}`), "  );");
  lines.push("} catch {", "  return false; // a hostile object (a Proxy, a throwing getter) is not an envelope", "}");
  return lines;
}

function isSuccessEnvelopeBody(envelope: EnvelopeModel): string[] {
  const { response, error, code, requestId } = envelope;
  const lines = ["try {", `  const response = ${readPath("unchecked(value)", response)};`];
  const checks = ['typeof response === "object"'];
  if (requestId && envelope.requestIdAlways) {
    checks.push(`typeof ${readPath("response", requestId)} === "string"`); // not null, nor an array: it has a string property
  } else {
    checks.push("response !== null", "!Array.isArray(response)");
    if (requestId) checks.push(`isOptional(${readPathFrom("response", requestId)}, "string")`);
  }
  checks.push(`${readPathFrom("response", error.length > 0 ? error : code)} === undefined`);
  if (carriesPayload(envelope)) checks.push(`${readPath("unchecked(value)", envelope.result)} !== undefined`);
  lines.push("  return (", ...checks.map((check, index) => `    ${check}${index < checks.length - 1 ? " &&" : ""}`), "  );");
  lines.push("} catch {", "  return false;", "}");
  return lines;
}
