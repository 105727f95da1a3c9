// emit-envelope.ts: the envelope's types and guards follow the spec's field names.
import test from "ava";
import { emitEnvelope } from "../../generator/emit/emit-envelope.ts";
import { typescriptOf } from "../helpers/emitted.ts";
import { modelOf, SAMPLE_SPEC } from "../helpers/model-of.ts";

const text = typescriptOf(emitEnvelope(modelOf(SAMPLE_SPEC)));

test("the types use the spec's field names", (t) => {
  t.regex(text, /export interface ErrorBody \{\n(.*\n)*?  Kind: KnownErrorCode \| \(string & \{\}\);\n(.*\n)*?  Text: string;\n\}/);
  t.regex(text, /export interface ErrorResponse \{\n(.*\n)*?  Failure: ErrorBody;\n(.*\n)*?  TraceId: string;\n\}/);
  t.regex(text, /export interface ErrorEnvelope \{\n(.*\n)*?  Body: ErrorResponse;\n\}/);
  t.false(/Response|RequestId|\bCode\b/.test(text.replace(/ErrorResponse|SuccessResponse/g, "")), "no Tencent Cloud field name is left");
});

test("the guards read the spec's fields", (t) => {
  t.true(text.includes("const response = unchecked(value)?.Body;\n    const error = response?.Failure;"));
  t.true(text.includes('typeof error?.Kind === "string" && typeof error.Text === "string" &&\n      typeof response.TraceId === "string"'));
});
