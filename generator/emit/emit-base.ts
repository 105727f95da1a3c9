// `src/base.ts`: the root error class and `isApiError`. `instanceof` follows the code path (a
// `Symbol.hasInstance` installed on the root), not object identity, so it holds across copies,
// versions and the ESM/CJS builds of the package.
import type { Model } from "../model/model.ts";
import { names, type ModuleIR } from "./ir/module-ir.ts";
import { MODULE } from "./modules.ts";
import { stringLiteral } from "./safe-text.ts";

export function emitBase(model: Model): ModuleIR {
  const base = model.baseClass;
  return {
    path: MODULE.base,
    imports: [
      { from: MODULE.codes, names: names("type KnownErrorCode") },
      { from: MODULE.internal, names: names("ERROR_BRAND", "isCodeIn") },
    ],
    reexports: [],
    declarations: [
      {
        kind: "type",
        name: "ErrorFault",
        exported: true,
        type: '"client" | "server"',
        docs: "Whose fault an error is: `client` (change the request) or `server` (the service failed).",
      },
      {
        kind: "interface",
        name: "ApiErrorOptions",
        docs: "Options for constructing an error by hand. `toApiError` fills them from a response.",
        properties: [
          { name: "code", optional: true, type: "string", docs: "The exact code. Defaults to the class's own code; must be that code or one below it." },
          { name: "requestId", optional: true, type: "string | undefined", docs: "The id of the failed request." },
          { name: "cause", optional: true, type: "unknown", docs: "What caused this error, such as the SDK's exception. `undefined` means none." },
        ],
      },
      {
        kind: "interface",
        name: "ApiErrorJSON",
        docs: "The JSON form of an error, as `toJSON()` gives it; `toApiError` reads it back.",
        properties: [
          { name: "name", type: "string", docs: "The class name." },
          { name: "code", type: "string", docs: "The exact code." },
          { name: "message", type: "string", docs: "The message." },
          { name: "requestId", optional: true, type: "string", docs: "The request id, when known." },
        ],
      },
      {
        kind: "class",
        name: base,
        extends: "Error",
        docs:
          `The root of every error class of ${model.package.name}.\n\n` +
          "`instanceof` follows the code path, not object identity: `e instanceof C` holds when `e` is an error of this package " +
          `(any copy or version, ESM or CJS) whose code is \`C.code\` or below it. Every such error is an instance of ${base}.`,
        statics: [
          { name: "code", readonly: true, type: "string", value: '""', docs: "The code this class stands for; empty for the root, which stands for every code." },
          { name: "errorName", readonly: true, type: "string", value: stringLiteral(base), docs: "The class name, kept as data so that minifiers cannot change it." },
          { name: "retryable", readonly: true, type: "boolean", value: "false", docs: "Whether errors of this class may succeed when the request is repeated." },
          { name: "fault", readonly: true, type: "ErrorFault | undefined", value: "undefined", docs: "Whose fault errors of this class are, when the catalogue says." },
        ],
        fields: [
          { name: "code", readonly: true, type: "KnownErrorCode | (string & {})", docs: "The exact code from the wire, such as `AuthFailure.SignatureFailure`." },
          { name: "requestId", readonly: true, type: "string | undefined", docs: "The id of the failed request, when known." },
          { name: "retryable", readonly: true, type: "boolean", docs: "Whether the same request may succeed when repeated (throttling, transient faults)." },
          { name: "fault", readonly: true, type: "ErrorFault | undefined", docs: "Whose fault the error is, when the catalogue says." },
          { name: "name", override: true, readonly: true, type: "string", docs: "The class name, such as `AuthFailureSignatureFailureError`." },
        ],
        staticBlock: [
          "Object.defineProperty(this.prototype, ERROR_BRAND, { value: true });",
          "// Its name as data, as defineErrorClass gives every class of the package: minifiers rename classes.",
          "Object.defineProperties(this, { [Symbol.hasInstance]: { value: hasCodePath }, name: { value: this.errorName } });",
        ],
        constructorIR: {
          docs: "@param message - What went wrong.\n@param options - The code (for the root and category classes), request id and cause.",
          parameters: [
            { name: "message", type: "string", initializer: '""' },
            { name: "options", type: "ApiErrorOptions", initializer: "{}" },
          ],
          body: [
            "super(message, options.cause === undefined ? undefined : { cause: options.cause });",
            "const type = new.target;",
            "const code = options.code ?? type.code;",
            "if (!isCodeIn(code, type.code)) {",
            '  const expected = type.code === "" ? "a code" : `${type.code} or a code below it`;',
            "  throw new TypeError(`${type.errorName} needs ${expected}, got ${JSON.stringify(code)}`);",
            "}",
            "this.code = code;",
            "this.requestId = options.requestId;",
            "this.retryable = type.retryable;",
            "this.fault = type.fault;",
            "// The class's own name: the package's classes hold theirs as data; one a team extends by hand has its own.",
            "this.name = type.name;",
          ],
        },
        methods: [
          {
            name: "toJSON",
            docs: "`{ name, code, message, requestId }`, which `toApiError` turns back into the same class.",
            parameters: [],
            returnType: "ApiErrorJSON",
            body: [
              "const { name, code, message, requestId } = this;",
              "return { name, code, message, ...(requestId === undefined ? {} : { requestId }) };",
            ],
          },
        ],
      },
      {
        kind: "type",
        name: "ErrorClass",
        exported: true,
        typeParameters: `<I extends ${base}, C extends string>`,
        docs:
          "A generated error class: `new` makes errors of code `C` (or a code below it) that are also `I`, the parent's errors; " +
          "`code` is `C`. Every class of the package is one of these, made by `defineErrorClass`.",
        type: `{\n  new (message?: string, options?: ApiErrorOptions): I & { readonly code: C | \`\${C}.\${string}\` };\n  readonly prototype: I & { readonly code: C | \`\${C}.\${string}\` };\n  readonly code: C;\n  readonly errorName: string;\n  readonly retryable: boolean;\n  readonly fault: ErrorFault | undefined;\n}`,
      },
      {
        kind: "const",
        name: "ERROR_CLASSES",
        exported: false,
        // `any`: each class's precise type is the one its declaration gives (an ErrorClass of its parent and code).
        type: "Map<string, any>",
        docs: "Every class made so far, by code: one class per code, however many modules ask for it.",
        value: "new Map()",
        pure: true,
      },
      {
        kind: "function",
        name: "defineErrorClass",
        exported: true,
        docs:
          "The class of a code, made on first use and the same object ever after. `entry` is the code, then what differs from " +
          "the naming rule and from the parent: `name=…`, `retryable` or `!retryable`, `fault=…` (empty for none), as in `InternalError fault=server`, " +
          "`RequestLimitExceeded retryable`, `InvalidParameter.Conflict name=InvalidParameter_ConflictError`. Typed by the declaration it initialises. Not part of the package's API.",
        typeParameters: "<T>",
        parameters: [{ name: "parent", type: `new (message?: string, options?: ApiErrorOptions) => ${base}` }, { name: "entry", type: "string" }],
        returnType: "T",
        body: [
          'const [code = "", ...options] = entry.split(" ");',
          "let type = ERROR_CLASSES.get(code);",
          "if (type === undefined) {",
          "  type = class extends parent {};",
          "  let name = classNameOf(code);",
          "  for (const option of options) {",
          '    const [key = "", value = ""] = option.split("=");',
          '    if (key === "name") name = value;',
          '    else Object.defineProperty(type, key.replace("!", ""), { value: key === option ? !key.startsWith("!") : value || undefined });',
          "  }",
          "  Object.defineProperties(type, { name: { value: name }, code: { value: code }, errorName: { value: name } });",
          "  ERROR_CLASSES.set(code, type);",
          "}",
          "return type;",
        ],
      },
      {
        kind: "function",
        name: "classNameOf",
        exported: false,
        docs: "errgen's naming rule: the code's segments capitalised and joined, with `Error` added unless the name ends in it.",
        parameters: [{ name: "code", type: "string" }],
        returnType: "string",
        body: ['const name = code.split(".").map((segment) => segment.charAt(0).toUpperCase() + segment.slice(1)).join("");', 'return name.endsWith("Error") ? name : `${name}Error`;'],
      },
      {
        kind: "function",
        name: "hasCodePath",
        exported: false,
        docs: "`instanceof` for every error class: an error of this package (any copy) whose code is the class's code or below it.",
        parameters: [{ name: "this", type: `typeof ${base}` }, { name: "value", type: "unknown" }],
        returnType: "boolean",
        body: ["return isApiError(value) && isCodeIn(value.code, this.code);"],
      },
      {
        kind: "function",
        name: "isApiError",
        exported: true,
        docs: "Whether `value` is an error of this package, from any copy or version of it. Returns a boolean for any input and never throws.",
        parameters: [{ name: "value", type: "unknown" }],
        returnType: `value is ${base}`,
        body: [
          "try {",
          '  return typeof value === "object" && value !== null && ERROR_BRAND in value && value[ERROR_BRAND] === true && "code" in value && typeof value.code === "string";',
          "} catch {",
          "  return false;",
          "}",
        ],
      },
    ],
  };
}
