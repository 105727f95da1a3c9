// emit-to-api-error.ts: the runtime's lookup and conversion, with the package's root class, and the
// parts that read the spec's envelope.
import test from "ava";
import { emitToApiError } from "../../generator/emit/emit-to-api-error.ts";
import { declarationNamed, declared, typescriptOf } from "../helpers/emitted.ts";
import { modelOf, SAMPLE_SPEC } from "../helpers/model-of.ts";

const module = emitToApiError(modelOf(SAMPLE_SPEC));
const text = typescriptOf(module);

test("the runtime's declarations come with the spec's root class in place of ApiError", (t) => {
  t.deepEqual(declared(module), [
    "type ErrorClassLookup", "function createClassLookup", "function findClass", "const classOf", "function toApiError", "function convertError",
    "function readFields", "function describeInput", "function unwrapResponse", "function unwrapWith", "function isSuccess", "function carriesError",
  ]);
  t.like(declarationNamed(module, "ErrorClassLookup"), { type: "(code: string) => typeof SampleApiError" });
  t.like(declarationNamed(module, "convertError"), { returnType: "SampleApiError" });
  t.false(/\bApiError\b/.test(text), "no ApiError is left");
});

test("reading an input and unwrapping follow the envelope", (t) => {
  t.true(text.includes("const response = record.Body;"));
  t.true(text.includes('if (!("Failure" in body)) {'));
  t.true(text.includes("return { code: wire?.Kind, message: wire?.Text, requestId: body.TraceId, isError, prototype };"));
  t.true(text.includes("if (isSuccess(envelope)) return envelope.Body;"));
  t.true(text.includes('expected {"Body": {...}} with a string TraceId'));
  t.true(text.includes('const error = ownField(ownField(value, "Body"), "Failure");'));
});
