// How codes become TypeScript identifiers. Every generated name is derived here and nowhere else,
// so the validator's collision check and the model can never disagree.
import { nameOf } from "../runtime/naming.ts";

/** A segment: letters, digits and `_`, with single `-` between them (`CCE-ADDONMGR`, `0101`). */
const SEGMENT = /^[A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*$/;
/** A valid code, as the checks below define one: a letter first, then segments as above. */
const VALID_CODE = /^[A-Za-z][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*(?:\.[A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*)*$/;
/** What a code is, for messages. */
const CODE_RULE = "a code is dot-separated segments of letters, digits, `_` and `-` (`-` only between the others)";

/** What is wrong with a code string, or undefined when it is a valid dotted code. */
export function checkCodeSyntax(code: string): string | undefined {
  if (VALID_CODE.test(code)) return undefined; // the common case, in one native test
  if (code === "") return "a code must not be empty";
  if (/\s/.test(code)) return `code "${code}" contains whitespace: ${CODE_RULE}`;
  if (code.startsWith(".")) return `code "${code}" starts with a dot: remove it`;
  if (code.endsWith(".")) return `code "${code}" ends with a dot: remove it`;
  const segments = code.split(".");
  if (segments.includes("")) return `code "${code}" has an empty segment (\`..\`): segments are separated by one dot`;
  const bad = segments.find((segment) => !SEGMENT.test(segment));
  if (bad !== undefined) {
    const char = [...bad].find((c) => !/[A-Za-z0-9_]/.test(c))!;
    if (char === "-") return `code "${code}" has a "-" at the start or end of a segment, or two together: ${CODE_RULE}`;
    return `code "${code}" contains ${JSON.stringify(char)}: ${CODE_RULE}`;
  }
  if (!/^[A-Za-z]/.test(code)) return `code "${code}" must start with a letter`;
  return undefined;
}

/** What is wrong with a category key, or undefined. A category is one segment of a code. */
export function checkCategoryName(name: string): string | undefined {
  if (name.includes(".")) return `category "${name}" contains a dot: a category is the first segment of a code, such as AuthFailure`;
  const problem = checkCodeSyntax(name);
  return problem?.replace(/^code/, "category");
}

/**
 * `AuthFailure.SignatureFailure` → `AuthFailureSignatureFailure`, by the rule every package carries
 * (generator/runtime/naming.ts); a `-` goes and the character after it is capitalised
 * (`SVCSTG.CCE-ADDONMGR.4000003` → `SVCSTGCCEADDONMGR4000003`, `quota.per-day` → `QuotaPerDay`). A class
 * whose code has a `-` carries its name in the package's class table, since the runtime's rule keeps it.
 */
export function identifierOf(code: string): string {
  const name = nameOf(code);
  return name.includes("-") ? name.replace(/-(.)/g, (_, next: string) => next.toUpperCase()) : name;
}

/**
 * The class name for an identifier: `Error` is added unless the name already ends in it. The same rule
 * as for a code: an identifier is one capitalised segment, which the rule leaves as it is.
 */
export function classNameOf(identifier: string): string {
  return nameOf(identifier, "Error");
}

/** The guard of a category: `AuthFailure` → `isAuthFailureCode`. */
export function categoryGuardNameOf(categoryIdentifier: string): string {
  return `is${categoryIdentifier}Code`;
}

/** The code type of a category: `AuthFailure` → `AuthFailureCode`. */
export function categoryTypeNameOf(categoryIdentifier: string): string {
  return `${categoryIdentifier}Code`;
}

/** The first segment of a code. */
export function categoryOf(code: string): string {
  const dot = code.indexOf(".");
  return dot === -1 ? code : code.slice(0, dot);
}

/** The codes above a code, nearest first: `A.B.C` → `A.B`, `A`. */
export function ancestorsOf(code: string): string[] {
  const result: string[] = [];
  for (let dot = code.lastIndexOf("."); dot !== -1; dot = code.lastIndexOf(".", dot - 1)) result.push(code.slice(0, dot));
  return result;
}

/** Words that cannot name a class, enum or function in a TypeScript module (ES reserved words and strict-mode ones). */
export const RESERVED_WORDS: ReadonlySet<string> = new Set([
  "await", "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else",
  "enum", "export", "extends", "false", "finally", "for", "function", "if", "implements", "import", "in",
  "instanceof", "interface", "let", "new", "null", "package", "private", "protected", "public", "return", "static",
  "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with", "yield",
  "arguments", "eval", "undefined", "NaN", "Infinity",
]);

/** The capitalised module-scope names of errgen's own generated code that are not exports of the package (a test keeps this list whole). */
export const ERRGEN_OWN_NAMES: readonly string[] = [
  "ActionClient", "ActionFailure", "ActionMatcher", "ActionTable", "Attempt", "CATALOGUE", "CatalogueEntry", "Describer", "ERROR_BRAND", "ERROR_CLASSES", "ERROR_CLASS_TABLE",
  "ERROR_DATA", "ErrorClass", "ErrorClassBase", "ErrorClassLookup", "FieldTypes", "FoundFields", "PRODUCT_ACTIONS", "PRODUCT_CATALOGUE",
  "PRODUCT_CLASS_TABLE",
];

/**
 * Names a generated module may not declare, whatever declares them, with why. A name a spec chooses is
 * PascalCase (see spec-shape.ts), which keeps it apart from the camelCase names of generated code and from
 * CommonJS's `exports`, `require`, `module`, `__filename` and `__dirname`; what is left to refuse are the
 * capitalised globals of JavaScript and Node.js (a module-scope name hides them from the module and from
 * any file that imports it by name) and the capitalised names errgen's generated code declares itself.
 */
export const UNAVAILABLE_NAMES: ReadonlyMap<string, string> = new Map([
  ...[
    "AggregateError", "Array", "ArrayBuffer", "AsyncDisposableStack", "Atomics", "BigInt", "BigInt64Array", "BigUint64Array", "Boolean",
    "DataView", "Date", "DisposableStack", "Error", "EvalError", "FinalizationRegistry", "Float16Array", "Float32Array", "Float64Array",
    "Function", "Infinity", "Int16Array", "Int32Array", "Int8Array", "Intl", "Iterator", "JSON", "Map", "Math", "NaN", "Number", "Object",
    "Promise", "Proxy", "RangeError", "ReferenceError", "Reflect", "RegExp", "Set", "SharedArrayBuffer", "String", "SuppressedError",
    "Symbol", "SyntaxError", "Temporal", "TypeError", "URIError", "Uint16Array", "Uint32Array", "Uint8Array", "Uint8ClampedArray",
    "WeakMap", "WeakRef", "WeakSet", "WebAssembly",
  ].map((name) => [name, "the JavaScript global of that name"] as const),
  ...[
    "AbortController", "AbortSignal", "Blob", "BroadcastChannel", "Buffer", "ByteLengthQueuingStrategy", "CompressionStream",
    "CountQueuingStrategy", "Crypto", "CryptoKey", "CustomEvent", "DOMException", "DecompressionStream", "Event", "EventTarget", "File",
    "FormData", "Headers", "MessageChannel", "MessageEvent", "MessagePort", "Navigator", "Performance", "PerformanceEntry", "PerformanceMark",
    "PerformanceMeasure", "PerformanceObserver", "PerformanceObserverEntryList", "PerformanceResourceTiming", "ReadableByteStreamController",
    "ReadableStream", "ReadableStreamBYOBReader", "ReadableStreamBYOBRequest", "ReadableStreamDefaultController", "ReadableStreamDefaultReader",
    "Request", "Response", "SubtleCrypto", "TextDecoder", "TextDecoderStream", "TextEncoder", "TextEncoderStream", "TransformStream",
    "TransformStreamDefaultController", "URL", "URLSearchParams", "WebSocket", "WritableStream", "WritableStreamDefaultController",
    "WritableStreamDefaultWriter",
  ].map((name) => [name, "the Node.js global of that name"] as const),
  ...ERRGEN_OWN_NAMES.map((name) => [name, "a name errgen's generated code declares itself"] as const),
]);

/**
 * A file name that two names differing only in case never share, for case-insensitive file systems:
 * each capital becomes `-` and its lowercase, a lowercase first letter gains `_`
 * (`InvalidSecurityGroupID` → `invalid-security-group-i-d`, `InvalidSecurityGroupId` → `invalid-security-group-id`).
 */
export function fileNameOf(name: string): string {
  const first = name.charAt(0);
  const head = first === first.toUpperCase() ? first.toLowerCase() : `_${first}`;
  const full = head + name.slice(1).replace(/[A-Z]/g, (capital) => `-${capital.toLowerCase()}`);
  // File systems allow 255 bytes a name, and the builds add `.d.ts`: a long name keeps its start and a hash of the whole.
  return full.length <= MAX_FILE_STEM ? full : `${full.slice(0, MAX_FILE_STEM - 9)}-${fnv1a(full)}`;
}

/** The longest file name errgen makes from a name, before its extension. */
const MAX_FILE_STEM = 100;

/** FNV-1a, 32 bits, as 8 hex digits: a stable short fingerprint of a name. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, "0");
}

/** `lke` → `Lke`. */
export function identifierOfProduct(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** The exports of a product module, from its identifier prefix (`Lke`). */
export function productExportsOf(identifier: string) {
  return {
    identifier,
    codeEnum: `${identifier}ErrorCode`,
    codeObject: `${identifier}ErrorCodes`,
    knownCode: `${identifier}KnownErrorCode`,
    codeList: `${identifier}ErrorCodeList`,
    codeGuard: `is${identifier}ErrorCode`,
    actionErrors: `${identifier}ActionErrors`,
    action: `${identifier}Action`,
    actionErrorCode: `${identifier}ActionErrorCode`,
    actionGuard: `is${identifier}ActionError`,
    toError: `to${identifier}Error`,
    unwrap: `unwrap${identifier}Response`,
    parse: `parse${identifier}Response`,
    withErrors: `with${identifier}Errors`,
    attempt: `attempt${identifier}`,
    describe: `describe${identifier}Error`,
  } as const;
}
