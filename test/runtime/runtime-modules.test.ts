// The fixed runtime of generated packages (generator/runtime/), tested directly as TypeScript: the
// naming rule, code paths, the root class and the classes defineErrorClass makes, the lookup over
// class tables and the describer. The generated packages' own tests (test/package/runtime.test.ts, the
// consumer and property tests) check the same code once emitted with a spec's names.
import test from "ava";
import { ApiError, defineErrorClass, isApiError, type ErrorClass } from "../../generator/runtime/base.ts";
import { createDescriber, type CatalogueEntry } from "../../generator/runtime/describe-error.ts";
import { ERROR_BRAND, isCodeIn, ownField, unchecked } from "../../generator/runtime/internal.ts";
import { nameOf } from "../../generator/runtime/naming.ts";
import { createClassLookup } from "../../generator/runtime/to-api-error.ts";

test("nameOf: segments capitalised and joined, the suffix added unless the name ends in it", (t) => {
  const cases: [string, string, string][] = [
    ["AuthFailure.SignatureFailure", "", "AuthFailureSignatureFailure"],
    ["AuthFailure.SignatureFailure", "Error", "AuthFailureSignatureFailureError"],
    ["InternalError", "Error", "InternalError"],
    ["quota.daily_limit", "Error", "QuotaDaily_limitError"],
    ["A.b.C", "", "ABC"],
    ["FailedOperation.Error", "Error", "FailedOperationError"],
  ];
  for (const [code, suffix, expected] of cases) t.is(nameOf(code, suffix), expected, `${code} + ${JSON.stringify(suffix)}`);
});

test("isCodeIn: the path itself or a code below it, at a dot; the root path holds every non-empty code", (t) => {
  const cases: [unknown, string, boolean][] = [
    ["AuthFailure", "AuthFailure", true],
    ["AuthFailure.SignatureFailure", "AuthFailure", true],
    ["AuthFailureX", "AuthFailure", false],
    ["Auth", "AuthFailure", false],
    ["AuthFailure.", "AuthFailure", true],
    ["anything", "", true],
    ["", "", false],
    [42, "", false],
    [undefined, "AuthFailure", false],
  ];
  for (const [code, path, expected] of cases) t.is(isCodeIn(code, path), expected, `${String(code)} in ${JSON.stringify(path)}`);
});

test("ownField reads own properties only; unchecked is the value itself", (t) => {
  const inherited = Object.create({ Code: "from the prototype" });
  t.is(ownField({ Code: "own" }, "Code"), "own");
  t.is(ownField(inherited, "Code"), undefined);
  t.is(ownField(null, "Code"), undefined);
  t.is(ownField("text", "length"), undefined);
  const value = { a: 1 };
  t.is(unchecked(value), value);
});

const AuthFailureError: ErrorClass<ApiError, "AuthFailure"> = defineErrorClass(ApiError, "AuthFailure");
const SignatureError: ErrorClass<InstanceType<typeof AuthFailureError>, "AuthFailure.SignatureFailure"> = defineErrorClass(AuthFailureError, "AuthFailure.SignatureFailure");

test("defineErrorClass makes one class per code, named by the rule unless the entry names it, with the entry's overrides", (t) => {
  t.is<unknown, unknown>(defineErrorClass(ApiError, "AuthFailure"), AuthFailureError, "the same class however often it is asked for");
  t.is(AuthFailureError.name, "AuthFailureError");
  t.is(SignatureError.name, "AuthFailureSignatureFailureError");
  t.is(SignatureError.code, "AuthFailure.SignatureFailure");
  const Renamed: ErrorClass<ApiError, "Runtime.Renamed"> = defineErrorClass(ApiError, "Runtime.Renamed name=Renamed_Error retryable fault=server");
  const facts = (type: { name: string; errorName: string; retryable: boolean; fault: unknown }) => ({ name: type.name, errorName: type.errorName, retryable: type.retryable, fault: type.fault });
  t.deepEqual(facts(Renamed), { name: "Renamed_Error", errorName: "Renamed_Error", retryable: true, fault: "server" });
  const Child: ErrorClass<InstanceType<typeof Renamed>, "Runtime.Renamed.Child"> = defineErrorClass(Renamed, "Runtime.Renamed.Child !retryable fault=");
  t.deepEqual(facts(Child), { name: "RuntimeRenamedChildError", errorName: "RuntimeRenamedChildError", retryable: false, fault: undefined });
  const Inherits: ErrorClass<InstanceType<typeof Renamed>, "Runtime.Renamed.Other"> = defineErrorClass(Renamed, "Runtime.Renamed.Other");
  t.like(facts(Inherits), { retryable: true, fault: "server" }, "what the entry does not say comes from the parent");
});

test("errors: code checked against the class, fields from the class, instanceof by code path, JSON that reads back", (t) => {
  const error = new SignatureError("bad signature", { requestId: "r-1" });
  t.like(error, { code: "AuthFailure.SignatureFailure", message: "bad signature", requestId: "r-1", retryable: false, name: "AuthFailureSignatureFailureError" });
  t.true(error instanceof AuthFailureError && error instanceof ApiError && error instanceof Error);
  t.true(isApiError(error));
  t.deepEqual(error.toJSON(), { name: "AuthFailureSignatureFailureError", code: "AuthFailure.SignatureFailure", message: "bad signature", requestId: "r-1" });
  t.deepEqual(new AuthFailureError("m", { code: "AuthFailure.New" }).toJSON(), { name: "AuthFailureError", code: "AuthFailure.New", message: "m" });
  t.throws(() => new AuthFailureError("m", { code: "InternalError" }), { instanceOf: TypeError, message: 'AuthFailureError cannot have the code "InternalError"' });
  t.throws(() => new ApiError("m"), { instanceOf: TypeError, message: 'ApiError cannot have the code ""' });
  const cause = new Error("sdk");
  t.is(new ApiError("m", { code: "X", cause }).cause, cause);
  t.false("cause" in new ApiError("m", { code: "X" }), "no cause unless one is given");
});

test("instanceof and isApiError hold for a copy of the package (another class, the same brand), and for nothing else", (t) => {
  const copy = Object.assign(Object.create({ [ERROR_BRAND]: true }), { code: "AuthFailure.SignatureFailure" });
  t.true(copy instanceof AuthFailureError && copy instanceof SignatureError && isApiError(copy));
  t.false(Object.assign(Object.create({ [ERROR_BRAND]: true }), { code: "InternalError" }) instanceof AuthFailureError);
  for (const value of [null, undefined, "AuthFailure", { code: "AuthFailure" }, new Error("plain"), new Proxy({}, { has() { throw new Error("trap"); } })]) {
    t.false(isApiError(value));
    t.false(value instanceof ApiError);
  }
});

test("a class lookup finds a code's own class, else its nearest listed ancestor's, else the root; dot entries belong to the category before them", (t) => {
  const classOf = createClassLookup(["Quota\n.Daily retryable\n.Daily.Burst\nInternalError fault=server", "Quota.Daily name=Shadowed_Error"]);
  t.is(classOf("Quota.Daily").name, "QuotaDailyError", "the first table wins");
  t.true(classOf("Quota.Daily").retryable);
  t.is(classOf("Quota.Daily.Burst").name, "QuotaDailyBurstError");
  t.is(Object.getPrototypeOf(classOf("Quota.Daily.Burst")), classOf("Quota.Daily"));
  t.is(classOf("Quota.Monthly"), classOf("Quota"), "an unknown code gets its nearest ancestor");
  t.is(classOf("Unknown.Code"), ApiError);
  t.is(classOf("InternalError").fault, "server");
  t.is(classOf("Quota.Daily"), classOf("Quota.Daily"), "classes are made once");
});

test("a describer answers in Chinese for zh and its tags, else English, falling back to the language it has", (t) => {
  const catalogue: CatalogueEntry[] = [
    ["Auth.Token", "Bad token.", "令牌错误。", false, null],
    ["Quota", null, "配额不足。", true, "server"],
    ["Only.English", "English only.", null, false, "client"],
  ];
  const describe = createDescriber(catalogue);
  t.deepEqual(describe("Auth.Token", "en"), { code: "Auth.Token", description: "Bad token.", locale: "en", category: "Auth", retryable: false, fault: undefined });
  t.like(describe("Auth.Token", "zh-CN"), { description: "令牌错误。", locale: "zh" });
  t.like(describe("Auth.Token", "ZH"), { locale: "zh" });
  t.like(describe("Auth.Token", "zhx"), { locale: "en" }, "not a zh tag");
  t.like(describe("Quota", "fr"), { description: "配额不足。", locale: "zh", category: "Quota", retryable: true, fault: "server" });
  t.like(describe("Only.English", "zh"), { description: "English only.", locale: "en", fault: "client" });
  t.is(describe("Missing", "en"), undefined);
});

test("an action matcher: an error of the package whose code the action lists, by position in the codes or as a string", async (t) => {
  const { createActionMatcher } = await import("../../generator/runtime/actions.ts");
  const codes = { Daily: "Quota.Daily", Burst: "Quota.Burst" };
  const matches = createActionMatcher({ Pay: [1, "InternalError"], List: [], toString: [0] }, codes);
  const error = (code: string) => new ApiError("m", { code });
  t.true(matches("Pay", error("Quota.Burst")));
  t.true(matches("Pay", error("InternalError")));
  t.false(matches("Pay", error("Quota.Daily")));
  t.false(matches("List", error("Quota.Daily")));
  t.false(matches("constructor", error("Quota.Daily")), "only the table's own actions");
  t.true(matches("toString", error("Quota.Daily")), "an action named like an Object member is still an action");
  t.false(matches("Pay", { code: "Quota.Burst" }), "not an error of the package");
});
