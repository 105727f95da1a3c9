// emit-codes.ts: the enum of every root code (member = identifier, value = code), its frozen object,
// the union of code strings, and the guard.
import test from "ava";
import { emitCodes } from "../../generator/emit/emit-codes.ts";
import { declarationNamed, declared, typescriptOf } from "../helpers/emitted.ts";
import { modelOf, SAMPLE_SPEC } from "../helpers/model-of.ts";

const codes = emitCodes(modelOf(SAMPLE_SPEC));

test("the enum, the object, the union and the guard, named by the spec", (t) => {
  t.deepEqual(declared(codes), ["enum SampleErrorCode", "const SampleErrorCodes", "type KnownErrorCode", "let knownCodes", "function isSampleErrorCode"]);
  const codeEnum = declarationNamed(codes, "SampleErrorCode");
  if (codeEnum.kind !== "enum") return t.fail();
  t.deepEqual(codeEnum.members.map((member) => [member.name, member.value]), [["AuthToken", "Auth.Token"], ["QuotaDaily", "Quota.Daily"], ["LedgerTimeout", "Upstream.Timeout"]]);
  t.deepEqual(declarationNamed(codes, "KnownErrorCode"), { kind: "type", name: "KnownErrorCode", exported: true, docs: declarationNamed(codes, "KnownErrorCode").docs, type: { union: ['"Auth.Token"', '"Quota.Daily"', '"Upstream.Timeout"'] } });
});

test("the guard checks against the enum's values, built once", (t) => {
  t.true(typescriptOf(codes).includes("knownCodes ??= new Set(Object.values(SampleErrorCode));\n  return typeof value === \"string\" && knownCodes.has(value);"));
});
