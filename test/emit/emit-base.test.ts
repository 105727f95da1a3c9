// emit-base.ts and emit-internal.ts: the runtime's root class under the spec's name, the naming rule it
// names classes by, and a brand that holds the package's name.
import test from "ava";
import { emitBase } from "../../generator/emit/emit-base.ts";
import { emitInternal } from "../../generator/emit/emit-internal.ts";
import { declarationNamed, declared, typescriptOf } from "../helpers/emitted.ts";
import { modelOf, SAMPLE_SPEC } from "../helpers/model-of.ts";

const model = modelOf(SAMPLE_SPEC);

test("the root class is named by the spec; the naming rule comes along, not exported", (t) => {
  const base = emitBase(model);
  t.deepEqual(declared(base), [
    "type ErrorFault", "interface ApiErrorOptions", "interface ApiErrorJSON", "class SampleApiError", "type ErrorClass", "type ErrorClassBase", "type ConvertedError", "const ERROR_CLASSES",
    "function defineErrorClass", "function nameOf", "function hasCodePath", "function isApiError",
  ]);
  t.like(declarationNamed(base, "nameOf"), { exported: false });
  t.like(declarationNamed(base, "SampleApiError"), { extends: "Error" });
  t.like(declarationNamed(base, "isApiError"), { returnType: "value is SampleApiError" });
  t.true(typescriptOf(base).includes('static readonly errorName: string = "SampleApiError";'));
});

test("the brand is the package's own: Symbol.for its name", (t) => {
  const internal = emitInternal(model);
  t.deepEqual(declared(internal), [
    "const ERROR_BRAND", "const ERROR_DATA", "interface FieldTypes", "function typed", "function isOptional", "function ownField", "function unchecked", "function isCodeIn",
  ]);
  t.like(declarationNamed(internal, "ERROR_BRAND"), { value: 'Symbol.for("errgen.error:@team/sample-errors")' });
});
