// Naming: how codes become identifiers, and which code strings are valid.
import test from "ava";
import { ancestorsOf, categoryOf, checkCodeSyntax, classNameOf, fileNameOf, identifierOf } from "../../generator/names/naming.ts";
import { resolveNames } from "../../generator/validate/resolve-names.ts";
import type { CodeInput } from "../../generator/validate/spec-input.ts";

const identifiers: [string, { code: string; identifier: string; className: string }][] = [
  ["a single segment gains the suffix", { code: "ActionOffline", identifier: "ActionOffline", className: "ActionOfflineError" }],
  ["a name ending in Error keeps it", { code: "InternalError", identifier: "InternalError", className: "InternalError" }],
  ["segments are joined", { code: "AuthFailure.SignatureFailure", identifier: "AuthFailureSignatureFailure", className: "AuthFailureSignatureFailureError" }],
  ["a lowercase segment is capitalised", { code: "InvalidParameterValue.attributeKey", identifier: "InvalidParameterValueAttributeKey", className: "InvalidParameterValueAttributeKeyError" }],
  ["underscores stay", { code: "UnsupportedOperation.NOT_SUPPORT_THIS_ACTION", identifier: "UnsupportedOperationNOT_SUPPORT_THIS_ACTION", className: "UnsupportedOperationNOT_SUPPORT_THIS_ACTIONError" }],
  ["three segments", { code: "FailedOperation.DeleteTrigger.UrlUsed", identifier: "FailedOperationDeleteTriggerUrlUsed", className: "FailedOperationDeleteTriggerUrlUsedError" }],
  ["a segment starting with a digit", { code: "LimitExceeded.3Times", identifier: "LimitExceeded3Times", className: "LimitExceeded3TimesError" }],
  ["Huawei Cloud: digits only after the first segment", { code: "APIGW.0101", identifier: "APIGW0101", className: "APIGW0101Error" }],
  ["Huawei Cloud: a hyphen goes, the next character capitalised", { code: "SVCSTG.CCE-ADDONMGR.4000003", identifier: "SVCSTGCCEADDONMGR4000003", className: "SVCSTGCCEADDONMGR4000003Error" }],
  ["a lowercase hyphenated segment", { code: "quota.per-day", identifier: "QuotaPerDay", className: "QuotaPerDayError" }],
  ["Google: one upper-case segment", { code: "RESOURCE_EXHAUSTED", identifier: "RESOURCE_EXHAUSTED", className: "RESOURCE_EXHAUSTEDError" }],
];

for (const [name, { code, identifier, className }] of identifiers) {
  test(`identifier: ${name}`, (t) => {
    t.is(identifierOf(code), identifier);
    t.is(classNameOf(identifierOf(code)), className);
  });
}

const syntax: [string, { code: string; problem: string | undefined }][] = [
  ["a dotted code", { code: "AuthFailure.SignatureFailure", problem: undefined }],
  ["underscores and digits", { code: "A_1.b2", problem: undefined }],
  ["Huawei Cloud's codes", { code: "SVCSTG.CCE-ADDONMGR.4000003", problem: undefined }],
  ["digits after the first segment", { code: "APIGW.0101", problem: undefined }],
  ["Google's codes", { code: "RESOURCE_EXHAUSTED", problem: undefined }],
  ["empty", { code: "", problem: "a code must not be empty" }],
  ["whitespace", { code: "Auth Failure", problem: 'code "Auth Failure" contains whitespace: a code is dot-separated segments of letters, digits, `_` and `-` (`-` only between the others)' }],
  ["a trailing dot", { code: "InternalError.", problem: 'code "InternalError." ends with a dot: remove it' }],
  ["a leading dot", { code: ".InternalError", problem: 'code ".InternalError" starts with a dot: remove it' }],
  ["an empty segment", { code: "A..B", problem: 'code "A..B" has an empty segment (`..`): segments are separated by one dot' }],
  ["a plus", { code: "Auth+Failure", problem: 'code "Auth+Failure" contains "+": a code is dot-separated segments of letters, digits, `_` and `-` (`-` only between the others)' }],
  ["a hyphen at a segment's start", { code: "Auth.-Failure", problem: 'code "Auth.-Failure" has a "-" at the start or end of a segment, or two together: a code is dot-separated segments of letters, digits, `_` and `-` (`-` only between the others)' }],
  ["a hyphen at a segment's end", { code: "Auth-.Failure", problem: 'code "Auth-.Failure" has a "-" at the start or end of a segment, or two together: a code is dot-separated segments of letters, digits, `_` and `-` (`-` only between the others)' }],
  ["two hyphens", { code: "Auth--Failure", problem: 'code "Auth--Failure" has a "-" at the start or end of a segment, or two together: a code is dot-separated segments of letters, digits, `_` and `-` (`-` only between the others)' }],
  ["a leading digit", { code: "1Auth", problem: 'code "1Auth" must start with a letter' }],
  ["a leading underscore", { code: "__proto__", problem: 'code "__proto__" must start with a letter' }],
];

for (const [name, { code, problem }] of syntax) {
  test(`code syntax: ${name}`, (t) => {
    t.is(checkCodeSyntax(code), problem);
  });
}

test("ancestors are listed nearest first, categories are first segments", (t) => {
  t.deepEqual(ancestorsOf("A.B.C"), ["A.B", "A"]);
  t.deepEqual(ancestorsOf("A"), []);
  t.is(categoryOf("A.B.C"), "A");
  t.is(categoryOf("A"), "A");
});

function codeInput(code: string, name?: string): CodeInput {
  const position = { file: "t.yaml", line: 1, column: 1 };
  return { code, position, description: "d", descriptionZh: undefined, retryable: undefined, fault: undefined, name: name ? { value: name, position } : undefined, deprecated: undefined, since: undefined };
}

test("a name: override sets the identifier, and a category that is a code shares its class", (t) => {
  const names = resolveNames({ codes: [codeInput("Auth", "Authentication"), codeInput("Auth.Sig")], categories: [] });
  t.deepEqual(names.codes.get("Auth"), { identifier: "Authentication", className: "AuthenticationError" });
  t.deepEqual(names.categories.get("Auth"), {
    identifier: "Authentication",
    className: "AuthenticationError",
    guardName: "isAuthenticationCode",
    typeName: "AuthenticationCode",
  });
});

test("adding a code never renames an existing identifier", (t) => {
  const before = resolveNames({ codes: [codeInput("A.B"), codeInput("C")], categories: [] });
  const after = resolveNames({ codes: [codeInput("A.B"), codeInput("C"), codeInput("A"), codeInput("A.B.D"), codeInput("Z")], categories: [] });
  for (const [code, names] of before.codes) t.deepEqual(after.codes.get(code), names);
  for (const [category, names] of before.categories) t.deepEqual(after.categories.get(category), names);
});

test("file names: case kept apart, and a long name bounded by its start and a hash of the whole, the same every time", (t) => {
  t.is(fileNameOf("InvalidSecurityGroupID"), "invalid-security-group-i-d");
  t.is(fileNameOf("invalidSecurityGroupId"), "_invalid-security-group-id");
  const long = `Long${"x".repeat(296)}`;
  const name = fileNameOf(long);
  t.is(name.length, 100);
  t.regex(name, /^longx+-[0-9a-f]{8}$/);
  t.is(fileNameOf(long), name);
  t.not(fileNameOf(`${long}y`), name, "names that differ past the cut still differ");
  t.not(fileNameOf(long.replace("Long", "LonG")), name, "and so do names that differ only in case");
});
