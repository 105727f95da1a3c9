// The model: order, inheritance of retryable and fault, and the class tree.
import test from "ava";
import { analyzeFiles, compileFiles } from "../../generator/errgen.ts";
import { memorySpecFiles } from "../../generator/load/spec-files.ts";
import type { Model } from "../../generator/model/model.ts";
import { specText } from "../helpers/spec-text.ts";

function modelOf(text: string): Model {
  const compiled = analyzeFiles(memorySpecFiles({ "spec/t.yaml": text }, "spec/t.yaml"));
  if (!compiled.ok) throw new Error(compiled.diagnostics.map((d) => d.message).join("\n"));
  return compiled.model;
}

const spec = specText(
  [
    { code: "Throttled.Ip" },
    { code: "Throttled" },
    { code: "Auth.Token.Expired" },
    { code: "Auth.Signature", extra: "retryable: true\nfault: client" },
    { code: "Broken", extra: "fault: server" },
    { code: "Throttled.Never", extra: "retryable: false" },
  ],
  { top: "categories:\n  Throttled:\n    retryable: true\n  Auth:\n    description: Authentication failed.\n" },
);

test("codes and categories are sorted by plain comparison", (t) => {
  const model = modelOf(spec);
  t.deepEqual(
    model.codes.map((code) => code.code),
    ["Auth.Signature", "Auth.Token.Expired", "Broken", "Throttled", "Throttled.Ip", "Throttled.Never"],
  );
  t.deepEqual(model.categories.map((category) => category.name), ["Auth", "Broken", "Throttled"]);
});

test("retryable comes from the code, else its category, else false", (t) => {
  const retryable = Object.fromEntries(modelOf(spec).codes.map((code) => [code.code, code.retryable]));
  t.deepEqual(retryable, {
    "Auth.Signature": true,
    "Auth.Token.Expired": false,
    Broken: false,
    Throttled: true,
    "Throttled.Ip": true,
    "Throttled.Never": false,
  });
});

test("each class extends its nearest ancestor's class and declares only what differs from it", (t) => {
  const classes = modelOf(spec).classes.map(({ name, code, parent, kind, overridesRetryable, overridesFault }) => ({
    name,
    code,
    parent,
    kind,
    overridesRetryable,
    overridesFault,
  }));
  t.deepEqual(classes, [
    { name: "AuthError", code: "Auth", parent: "TestApiError", kind: "category", overridesRetryable: false, overridesFault: false },
    { name: "AuthSignatureError", code: "Auth.Signature", parent: "AuthError", kind: "code", overridesRetryable: true, overridesFault: true },
    // Auth.Token is not a code, so Auth.Token.Expired extends the category's class.
    { name: "AuthTokenExpiredError", code: "Auth.Token.Expired", parent: "AuthError", kind: "code", overridesRetryable: false, overridesFault: false },
    { name: "BrokenError", code: "Broken", parent: "TestApiError", kind: "code", overridesRetryable: false, overridesFault: true },
    { name: "ThrottledError", code: "Throttled", parent: "TestApiError", kind: "code", overridesRetryable: true, overridesFault: false },
    { name: "ThrottledIpError", code: "Throttled.Ip", parent: "ThrottledError", kind: "code", overridesRetryable: false, overridesFault: false },
    { name: "ThrottledNeverError", code: "Throttled.Never", parent: "ThrottledError", kind: "code", overridesRetryable: true, overridesFault: false },
  ]);
});

test("a category that is not a code takes its description from categories:", (t) => {
  const auth = modelOf(spec).categories.find((category) => category.name === "Auth");
  t.like(auth, { className: "AuthError", guardName: "isAuthCode", typeName: "AuthCode", description: "Authentication failed.", isCode: false });
});

test("reordering the YAML changes neither the model nor a byte of the output", (t) => {
  const reordered = specText(
    [
      { code: "Throttled.Never", extra: "retryable: false" },
      { code: "Broken", extra: "fault: server" },
      { code: "Auth.Signature", extra: "fault: client\nretryable: true" },
      { code: "Auth.Token.Expired" },
      { code: "Throttled" },
      { code: "Throttled.Ip" },
    ],
    { top: "categories:\n  Auth:\n    description: Authentication failed.\n  Throttled:\n    retryable: true\n" },
  );
  const compile = (text: string) => compileFiles(memorySpecFiles({ "spec/t.yaml": text }, "spec/t.yaml"));
  const a = compile(spec);
  const b = compile(reordered);
  if (!a.ok || !b.ok) return t.fail("both specs are valid");
  t.deepEqual(b.model.codes, a.model.codes);
  t.deepEqual(b.model.classes, a.model.classes);
  // Only the embedded hash of the spec text differs: it identifies the text, not the catalogue.
  t.not(b.model.specHash, a.model.specHash);
  const withoutHash = (files: typeof a.files) => files.map((file) => ({ ...file, contents: file.contents.replace(/"specHash": "[^"]*"/, "") }));
  t.deepEqual(withoutHash(b.files), withoutHash(a.files));
});

test("defaults: naming, envelope and description", (t) => {
  const minimal = "specVersion: 1\npackage:\n  name: x-errors\n  version: 0.1.0\ncodes:\n  Oops:\n    description: Oops.\n";
  const model = modelOf(minimal);
  t.is(model.baseClass, "ApiError");
  t.is(model.codeEnum, "ErrorCode");
  t.is(model.codeEnumGuard, "isErrorCode");
  t.deepEqual(model.envelope, {
    response: ["Response"], error: ["Error"], code: ["Code"], message: ["Message"], requestId: ["RequestId"], requestIdAlways: true, result: ["Response"], fields: [],
  });
  t.is(model.package.description, "Typed errors for x-errors");
  t.is(model.brand, "errgen.error:x-errors");
});
