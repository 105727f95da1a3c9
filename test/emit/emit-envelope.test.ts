// emit-envelope.ts: the envelope's types and guards follow the spec's paths: nested, "." for the object
// itself, no message or request id, a payload of its own, and typed fields.
import test from "ava";
import { emitEnvelope } from "../../generator/emit/emit-envelope.ts";
import { typescriptOf } from "../helpers/emitted.ts";
import { modelOf, SAMPLE_SPEC } from "../helpers/model-of.ts";

const text = typescriptOf(emitEnvelope(modelOf(SAMPLE_SPEC)));

/** The envelope module of a spec with `envelope` as given (YAML, indented two spaces). */
function envelopeOf(envelope: string): string {
  const spec = `specVersion: 1\npackage:\n  name: x-errors\n  version: 1.0.0\nenvelope:\n${envelope}\ncodes:\n  Oops:\n    description: Oops.\n`;
  return typescriptOf(emitEnvelope(modelOf({ "spec.yaml": spec })));
}

test("the types use the spec's field names", (t) => {
  t.regex(text, /export interface ErrorBody \{\n(.*\n)*?  Kind: KnownErrorCode \| \(string & \{\}\);\n(.*\n)*?  Text: string;\n\}/);
  t.regex(text, /export interface ErrorResponse \{\n(.*\n)*?  Failure: ErrorBody;\n(.*\n)*?  TraceId: string;\n\}/);
  t.regex(text, /export interface ErrorEnvelope \{\n(.*\n)*?  Body: ErrorResponse;\n\}/);
  t.true(text.includes("export type SuccessResponse<T> = T & { TraceId: string };"));
  t.false(/Response|RequestId|\bCode\b/.test(text.replace(/ErrorResponse|SuccessResponse|unwrapResponse/g, "")), "no Tencent Cloud field name is left");
});

test("the guards read the spec's fields", (t) => {
  t.true(text.includes("const response = unchecked(value)?.Body;\n    const error = response?.Failure;"));
  t.true(text.includes('typeof error?.Kind === "string" &&\n      typeof error.Text === "string" &&\n      typeof response.TraceId === "string"'));
  t.true(text.includes('typeof response === "object" &&\n      typeof response?.TraceId === "string" &&\n      response.Failure === undefined'));
});

test("nested paths become nested types and optional-chained reads", (t) => {
  const nested = envelopeOf("  response: ResponseMetadata\n  error: Error\n  code: Detail.Code\n  message: Detail.Message\n  result: Result");
  t.true(nested.includes("  Detail: { Code: KnownErrorCode | (string & {}); Message: string };"), "code and message share one object");
  t.true(nested.includes('typeof error?.Detail?.Code === "string" &&\n      typeof error.Detail?.Message === "string"'));
  t.true(nested.includes("export interface SuccessEnvelope<T> {\n  /** The response. */\n  ResponseMetadata: { RequestId: string };\n  Result: SuccessResponse<T>;\n}"));
  t.true(nested.includes("export type SuccessResponse<T> = T;"), "the payload is T alone: the request id is elsewhere");
  t.true(nested.includes("unchecked(value)?.Result !== undefined"), "a success has its payload");
});

test('"." is the object itself: a flat body is the response, the error and the payload', (t) => {
  const flat = envelopeOf('  response: "."\n  error: "."');
  t.true(flat.includes("export type ErrorResponse = ErrorBody & { RequestId: string };"));
  t.true(flat.includes("export type ErrorEnvelope = ErrorResponse;"));
  t.true(flat.includes("export type SuccessEnvelope<T> = SuccessResponse<T>;"));
  t.true(flat.includes("const response = unchecked(value);"));
  t.false(flat.includes("const error ="), "the error object is the response object");
  t.true(flat.includes("response.Code === undefined"), "a success is a body without a code");
});

test("no message, no request id, a request id successes may lack, and typed fields", (t) => {
  const none = envelopeOf("  message: null\n  requestId: null");
  t.false(/Message|RequestId/.test(none));
  t.true(none.includes("response !== null &&\n      !Array.isArray(response) &&"), "without a request id, an object is told by itself");
  const sometimes = envelopeOf("  requestId: { path: request_id, always: false }");
  t.true(sometimes.includes("T & { request_id?: string }"));
  t.true(sometimes.includes('isOptional(response.request_id, "string")'));
  t.true(sometimes.includes('typeof response.request_id === "string"'), "errors always carry it");
  const fields = envelopeOf("  fields:\n    codeN: { path: CodeN, type: number }\n    details: { path: Extra.details, type: json }");
  t.true(fields.includes("  CodeN?: number | null;"));
  t.true(fields.includes("  Extra?: { details?: unknown };"), "a field's objects are optional as the field is");
  t.true(fields.includes('isOptional(error.CodeN, "number")'));
  t.false(fields.includes("isOptional(error.Extra"), "a json field is any value: nothing to check");
});
