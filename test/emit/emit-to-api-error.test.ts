// emit-to-api-error.ts: the runtime's lookup and conversion, with the package's root class, and the
// parts that read the spec's envelope.
import test from "ava";
import { emitToApiError } from "../../generator/emit/emit-to-api-error.ts";
import { declarationNamed, declared, typescriptOf } from "../helpers/emitted.ts";
import { modelOf, SAMPLE_SPEC } from "../helpers/model-of.ts";
import { RUNTIME_DECLARATIONS } from "../../generator/emit/runtime-declarations.ts";

const module = emitToApiError(modelOf(SAMPLE_SPEC));
const text = typescriptOf(module);

function moduleOf(envelope: string): string {
  const spec = `specVersion: 1\npackage:\n  name: x-errors\n  version: 1.0.0\nenvelope:\n${envelope}\ncodes:\n  Oops:\n    description: Oops.\n`;
  return typescriptOf(emitToApiError(modelOf({ "spec.yaml": spec })));
}

test("the runtime's declarations come with the spec's root class in place of ApiError", (t) => {
  t.deepEqual(declared(module), [
    "type ErrorClassLookup", "function createClassLookup", "function findClass", "const classOf", "function toApiError", "type FoundFields",
    "type ApiResult", "type ActionClient", "type Attempt", "type ActionFailure", "type ErrorExtras", "function convertError", "function typedError", "function wrapClient",
    "function callTyped", "function rejectTyped", "function attemptWith", "function succeeded", "function failed", "function withTypedErrors",
    "function readFields", "function describeInput", "function unwrapResponse", "function unwrapWith", "function parseResponse", "function parseWith",
    "function carriesError",
  ]);
  t.like(declarationNamed(module, "ErrorClassLookup"), { type: "(code: string) => typeof SampleApiError" });
  t.like(declarationNamed(module, "convertError"), { returnType: "ConvertedError<SampleApiError, K>" });
  t.false(/\bApiError\b/.test(text), "no ApiError is left");
});

test("reading an input and unwrapping follow the envelope", (t) => {
  t.true(text.includes("let response = record.Body;\n    let error = response?.Failure;"));
  t.true(text.includes('if (typeof error?.Kind !== "string") {\n      response = record;\n      error = record.Failure;\n    }'), "else the input is the response object");
  t.true(text.includes('if (typeof error?.Kind !== "string" && typeof record.code !== "string") {\n      response = undefined;\n      error = record;'), "else an error-like object, else the error object");
  t.true(text.includes('if (typeof error?.Kind === "string") data = { code: error.Kind, message: error.Text, requestId: response?.TraceId };'));
  t.true(text.includes("if (isSuccessEnvelope(body)) return { ok: true, data: unchecked(body).Body };"));
  t.true(text.includes("`${caller}: expected a success (an object at Body with a string TraceId) ` +\n      `or a failure (a string Body.Failure.Kind); ` +"));
  t.true(text.includes('const error = ownField(ownField(value, "Body"), "Failure");'));
});

test('"." skips the steps that would read the same object again; the payload and fields come from their paths', (t) => {
  const flat = moduleOf('  response: "."\n  error: "."\n  code: error_code\n  message: error_msg\n  requestId: { path: request_id, always: false }');
  t.false(/^ +response = record;/m.test(flat), "the body is the response object");
  t.false(/^ +error = record;/m.test(flat), "the response object is the error object");
  t.true(flat.includes("let response = record;\n    let error = response;"));
  t.true(flat.includes("if (isSuccessEnvelope(body)) return { ok: true, data: unchecked(body) };"));
  t.true(flat.includes('return ownField(value, "error_code") !== undefined;'), "a failure is a body with a code");
  const google = moduleOf("  response: \".\"\n  error: error\n  code: status\n  message: message\n  requestId: null\n  fields:\n    httpStatus: { path: code, type: number }\n    details: { path: details, type: json }");
  t.true(google.includes("data = {\n        code: error.status,\n        message: error.message,\n        httpStatus: error.code,\n        details: error.details,\n      };"), "a long statement is wrapped, an item a line");
  t.true(google.includes('httpStatus: typed(data.httpStatus ?? data.httpCode, "number"),'), "the field, else an SDK exception's httpCode");
  t.true(google.includes("details: data.details,"), "a json field is kept as it is");
  const volcengine = moduleOf("  response: ResponseMetadata\n  result: Result\n  fields:\n    codeN: { path: CodeN, type: number }");
  t.true(volcengine.includes("if (isSuccessEnvelope(body)) return { ok: true, data: unchecked(body).Result };"));
  t.true(volcengine.includes('codeN: typed(data.codeN, "number"),'));
});

test("for Tencent Cloud's envelope, readFields is the runtime's stand-in exactly: the runtime's unit tests test what packages run", (t) => {
  const spec = "specVersion: 1\npackage:\n  name: x-errors\n  version: 1.0.0\ncodes:\n  Oops:\n    description: Oops.\n";
  const emitted = declarationNamed(emitToApiError(modelOf({ "spec.yaml": spec })), "readFields");
  const standIn = RUNTIME_DECLARATIONS["to-api-error"]!["readFields"];
  t.deepEqual(emitted.kind === "function" && emitted.body, standIn?.kind === "function" && standIn.body);
});
