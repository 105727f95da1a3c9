// The generated package's runtime on hostile input: guards always answer a boolean, toApiError and
// unwrapResponse return a typed error or throw a TypeError, and nothing walks Object.prototype.
// Runs against the committed ESM and CJS builds of the default package.
import test from "ava";
import fc from "fast-check";
import { createRequire } from "node:module";
import { join } from "node:path";
import { REPO_ROOT } from "../helpers/run-cli.ts";

type Package = typeof import("../../generated/tencentcloud-api-errors/src/index.ts");
const PACKAGE = join(REPO_ROOT, "generated/tencentcloud-api-errors");
const esm: Package = await import(join(PACKAGE, "dist/esm/index.js"));
const cjs: Package = createRequire(import.meta.url)(join(PACKAGE, "dist/cjs/index.js"));

const throwingProxy = new Proxy({}, {
  get() { throw new Error("get trap"); },
  getOwnPropertyDescriptor() { throw new Error("descriptor trap"); },
  getPrototypeOf() { throw new Error("prototype trap"); },
  has() { throw new Error("has trap"); },
  ownKeys() { throw new Error("ownKeys trap"); },
});
const revoked = Proxy.revocable({}, {});
revoked.revoke();
const throwingGetter = Object.defineProperty({}, "Response", { enumerable: true, get() { throw new Error("getter"); } });
const nullPrototype = Object.assign(Object.create(null), { Response: Object.assign(Object.create(null), { RequestId: "r", Error: Object.assign(Object.create(null), { Code: "InternalError", Message: "m" }) }) });
class Instance { Response = { RequestId: "r" }; }

/** Values no JSON parser produces but callers may pass anyway. */
const oddValues: unknown[] = [undefined, null, Object.create(null), nullPrototype, new Instance(), throwingProxy, revoked.proxy, throwingGetter, Symbol("s"), 10n, () => 1, new Map(), [], new Date(0), new Error("plain")];

/** Any JSON value, and envelopes with arbitrary JSON in every slot. */
const json = fc.jsonValue();
const codes = fc.oneof(
  fc.constantFrom("InternalError", "AuthFailure.SignatureFailure", "AuthFailure.New", "__proto__", "constructor", "toString", "hasOwnProperty", "prototype", "", ".", "AuthFailure.", "A.B.C.D"),
  fc.string(),
  json,
);
const envelopes = fc.record(
  { Response: fc.oneof(json, fc.record({ Error: fc.oneof(json, fc.record({ Code: codes, Message: fc.oneof(fc.string(), json) }, { requiredKeys: [] })), RequestId: fc.oneof(fc.string(), json) }, { requiredKeys: [] })) },
  { requiredKeys: [] },
);
// Proxies stay out of the generators (fast-check itself inspects values); the loops over oddValues cover them.
const plainOddValues = oddValues.filter((value) => value !== throwingProxy && value !== revoked.proxy);
const anything = fc.oneof(json, envelopes, fc.constantFrom(...plainOddValues), fc.anything());

for (const [build, api] of [["esm", esm], ["cjs", cjs]] as const) {
  const guards = Object.entries(api).filter(([name, value]) => typeof value === "function" && /^is[A-Z]/.test(name)) as [string, (v: unknown) => unknown][];

  test(`${build}: every guard returns a boolean for thousands of inputs and never throws`, (t) => {
    t.true(guards.length > 30, "all category guards are covered");
    for (const value of oddValues) for (const [name, guard] of guards) t.is(typeof guard(value), "boolean", `${name}(${String(typeof value)})`);
    fc.assert(fc.property(anything, (value) => guards.every(([, guard]) => typeof guard(value) === "boolean")), { numRuns: 5000 });
  });

  test(`${build}: toApiError returns an error of the package or throws a TypeError, for anything`, (t) => {
    const check = (value: unknown) => {
      try {
        const error = api.toApiError(value);
        return api.isApiError(error) && error instanceof api.TencentCloudApiError && typeof error.code === "string" && error.code !== "";
      } catch (thrown) {
        return thrown instanceof TypeError && thrown.message.startsWith("toApiError: ");
      }
    };
    for (const value of oddValues) t.true(check(value));
    fc.assert(fc.property(anything, check), { numRuns: 5000 });
  });

  test(`${build}: unwrapResponse returns the Response, throws the typed error, or throws a TypeError`, (t) => {
    const check = (value: unknown) => {
      try {
        const response = api.unwrapResponse(value as never);
        return api.isSuccessEnvelope(value) && response === (value as { Response: unknown }).Response;
      } catch (thrown) {
        return api.isApiError(thrown) || thrown instanceof TypeError;
      }
    };
    for (const value of oddValues) t.true(check(value));
    fc.assert(fc.property(anything, check), { numRuns: 5000 });
  });

  test(`${build}: parseResponse agrees with unwrapResponse for anything: the payload, the error it would throw, or the same TypeError`, (t) => {
    const check = (value: unknown) => {
      let unwrapped: { ok: true; data: unknown } | { ok: false; error: unknown } | { type: unknown };
      try {
        unwrapped = { ok: true, data: api.unwrapResponse(value as never) };
      } catch (thrown) {
        unwrapped = api.isApiError(thrown) ? { ok: false, error: thrown } : { type: thrown };
      }
      try {
        const parsed = api.parseResponse(value);
        if (parsed.ok) return "ok" in unwrapped && unwrapped.ok && parsed.data === unwrapped.data;
        return "ok" in unwrapped && !unwrapped.ok && JSON.stringify(parsed.error) === JSON.stringify(unwrapped.error) && parsed.error.constructor === (unwrapped.error as object).constructor;
      } catch (thrown) {
        return "type" in unwrapped && thrown instanceof TypeError && thrown.message.replace("parseResponse", "unwrapResponse") === (unwrapped.type as Error).message;
      }
    };
    for (const value of oddValues) t.true(check(value));
    fc.assert(fc.property(anything, check), { numRuns: 3000 });
    const parsed = api.parseResponse<{ Items: number[] }>({ Response: { Error: { Code: "AuthFailure.SignatureFailure", Message: "bad" }, RequestId: "r" } });
    t.true(!parsed.ok && parsed.error instanceof api.AuthFailureSignatureFailureError && parsed.error.known);
    const ok = api.parseResponse<{ Items: number[] }>({ Response: { Items: [1], RequestId: "r" } });
    t.deepEqual(ok.ok ? ok.data.Items : undefined, [1]);
  });

  test(`${build}: codes named like Object.prototype members get the base class, not a prototype lookup`, (t) => {
    for (const code of ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "prototype", "__proto__.x", "constructor.prototype"]) {
      const error = api.toApiError({ Response: { Error: { Code: code, Message: "m" }, RequestId: "r" } });
      t.is(Object.getPrototypeOf(error), api.TencentCloudApiError.prototype, code);
      t.is(error.code, code);
      t.is(api.describeError(code), undefined, code);
      t.false(api.isCommonErrorCode(code), code);
    }
    t.is((({}) as Record<string, unknown>)["Code"], undefined, "Object.prototype is untouched");
  });

  test(`${build}: malformed envelopes give clear TypeErrors`, (t) => {
    const malformed: [unknown, string][] = [
      [{}, "toApiError: expected an error envelope or an object with a string code; got an object without one"],
      [{ Response: { Error: "boom", RequestId: "r" } }, "toApiError: expected an error envelope or an object with a string code; got an object without one"],
      [{ Response: { Error: { Code: 42, Message: "m" }, RequestId: "r" } }, "toApiError: expected an error envelope or an object with a string code; got an object without one"],
      [null, "toApiError: expected an error envelope or an object with a string code; got null"],
      [[1], "toApiError: expected an error envelope or an object with a string code; got an object without one"],
      [throwingProxy, "toApiError: expected an error envelope or an object with a string code; got an object without one"],
      [revoked.proxy, "toApiError: expected an error envelope or an object with a string code; got an object without one"],
    ];
    for (const [input, message] of malformed) t.throws(() => api.toApiError(input), { instanceOf: TypeError, message });
    t.throws(() => api.unwrapResponse({ Response: { RequestId: 5 } } as never), {
      instanceOf: TypeError,
      message: 'unwrapResponse: expected a success (an object at Response with a string RequestId) or a failure (a string Response.Error.Code); got an object without one',
    });
    t.throws(() => api.unwrapResponse({ Response: { Error: { Message: "no code" }, RequestId: "r" } } as never), { instanceOf: TypeError });
  });

  test(`${build}: an error envelope without RequestId still throws its typed error from unwrapResponse`, (t) => {
    const thrown = t.throws(() => api.unwrapResponse({ Response: { Error: { Code: "InternalError", Message: "m" } } } as never));
    t.true(thrown instanceof api.InternalError);
    t.is((thrown as InstanceType<Package["InternalError"]>).requestId, undefined);
  });
}
