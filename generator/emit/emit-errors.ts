// `src/errors.ts`: the base error class, one class per category and per code, and `isApiError`.
// `instanceof` follows the code path (a static `Symbol.hasInstance`), not object identity, so it
// holds across copies, versions and the ESM/CJS builds of the package.
import { StructureKind, type ClassDeclarationStructure, type StatementStructures } from "ts-morph";
import type { ClassModel, Model } from "../model/model.ts";
import { categoryDoc, codeDoc } from "./code-doc.ts";
import { CODES_MODULE } from "./emit-codes.ts";
import { INTERNAL_MODULE } from "./emit-internal.ts";
import type { EmittedFile } from "./emitted-file.ts";
import { body, type TypeScriptPrinter } from "./print-typescript.ts";
import { stringLiteral } from "./safe-text.ts";

export const ERRORS_MODULE = "errors";

export function emitErrors(model: Model, printer: TypeScriptPrinter): EmittedFile {
  const imports = [`import type { KnownErrorCode } from "./${CODES_MODULE}.js";`, `import { ERROR_BRAND, isCodeIn } from "./${INTERNAL_MODULE}.js";`];
  const parents = new Set(model.classes.map((entry) => entry.parent));
  return printer.print(`src/${ERRORS_MODULE}.ts`, imports, [
    ...supportTypes(),
    baseClass(model),
    isApiError(model),
    ...model.classes.map((entry) => errorClass(entry, parents.has(entry.name))),
  ]);
}

function supportTypes(): StatementStructures[] {
  return [
    {
      kind: StructureKind.TypeAlias,
      isExported: true,
      name: "ErrorFault",
      docs: ["Whose fault an error is: `client` (change the request) or `server` (the service failed)."],
      type: "\"client\" | \"server\"",
    },
    {
      kind: StructureKind.Interface,
      isExported: true,
      name: "ApiErrorOptions",
      docs: ["Options for constructing an error by hand. `toApiError` fills them from a response."],
      properties: [
        { name: "code", hasQuestionToken: true, type: "string", docs: ["The exact code. Defaults to the class's own code; must be that code or one below it."] },
        { name: "requestId", hasQuestionToken: true, type: "string", docs: ["The id of the failed request."] },
        { name: "cause", hasQuestionToken: true, type: "unknown", docs: ["What caused this error, such as the SDK's exception."] },
      ],
    },
    {
      kind: StructureKind.Interface,
      isExported: true,
      name: "ApiErrorJSON",
      docs: ["The JSON form of an error, as `toJSON()` gives it; `toApiError` reads it back."],
      properties: [
        { name: "name", type: "string", docs: ["The class name."] },
        { name: "code", type: "string", docs: ["The exact code."] },
        { name: "message", type: "string", docs: ["The message."] },
        { name: "requestId", hasQuestionToken: true, type: "string", docs: ["The request id, when known."] },
      ],
    },
  ];
}

function baseClass(model: Model): ClassDeclarationStructure {
  const base = model.baseClass;
  return {
    kind: StructureKind.Class,
    isExported: true,
    name: base,
    extends: "Error",
    docs: [
      `The root of every error class of ${model.package.name}.\n\n` +
        `\`instanceof\` follows the code path, not object identity: \`e instanceof C\` holds when \`e\` is an error of this package ` +
        `(any copy or version, ESM or CJS) whose code is \`C.code\` or below it. Every such error is an instance of ${base}.`,
    ],
    properties: [
      { name: "code", isStatic: true, isReadonly: true, type: "string", initializer: "\"\"", docs: ["The code this class stands for; empty for the root, which stands for every code."] },
      { name: "errorName", isStatic: true, isReadonly: true, type: "string", initializer: stringLiteral(base), docs: ["The class name, kept as data so that minifiers cannot change it."] },
      { name: "retryable", isStatic: true, isReadonly: true, type: "boolean", initializer: "false", docs: ["Whether errors of this class may succeed when the request is repeated."] },
      { name: "fault", isStatic: true, isReadonly: true, type: "ErrorFault | undefined", initializer: "undefined", docs: ["Whose fault errors of this class are, when the catalogue says."] },
      { name: "code", isReadonly: true, type: "KnownErrorCode | (string & {})", docs: ["The exact code from the wire, such as `AuthFailure.SignatureFailure`."] },
      { name: "requestId", isReadonly: true, type: "string | undefined", docs: ["The id of the failed request, when known."] },
      { name: "retryable", isReadonly: true, type: "boolean", docs: ["Whether the same request may succeed when repeated (throttling, transient faults)."] },
      { name: "fault", isReadonly: true, type: "ErrorFault | undefined", docs: ["Whose fault the error is, when the catalogue says."] },
      { name: "name", hasOverrideKeyword: true, isReadonly: true, type: "string", docs: ["The class name, such as `AuthFailureSignatureFailureError`."] },
    ],
    staticBlocks: [
      {
        statements: body(
          "Object.defineProperty(this.prototype, ERROR_BRAND, { value: true });",
          "// `instanceof` by code path, so errors from other copies and builds of the package match too.",
          "// Defined here rather than as a class member so that declarations keep TypeScript's own narrowing.",
          "Object.defineProperty(this, Symbol.hasInstance, {",
          `  value(this: typeof ${base}, value: unknown): boolean {`,
          "    return isApiError(value) && isCodeIn(value.code, this.code);",
          "  },",
          "});",
        ),
      },
    ],
    ctors: [
      {
        docs: ["@param message - What went wrong.\n@param options - The code (for the root and category classes), request id and cause."],
        parameters: [
          { name: "message", type: "string", initializer: "\"\"" },
          { name: "options", type: "ApiErrorOptions", initializer: "{}" },
        ],
        statements: body(
          "super(message, options.cause === undefined ? undefined : { cause: options.cause });",
          "const type = new.target;",
          "const code = options.code ?? type.code;",
          "if (!isCodeIn(code, type.code)) {",
          "  const expected = type.code === \"\" ? \"a code\" : `${type.code} or a code below it`;",
          "  throw new TypeError(`${type.errorName} needs ${expected}, got ${JSON.stringify(code)}`);",
          "}",
          "this.code = code;",
          "this.requestId = options.requestId;",
          "this.retryable = type.retryable;",
          "this.fault = type.fault;",
          "this.name = type.errorName;",
        ),
      },
    ],
    methods: [
      {
        name: "toJSON",
        docs: ["`{ name, code, message, requestId }`, which `toApiError` turns back into the same class."],
        returnType: "ApiErrorJSON",
        statements: body(
          "const json: ApiErrorJSON = { name: this.name, code: this.code, message: this.message };",
          "if (this.requestId !== undefined) json.requestId = this.requestId;",
          "return json;",
        ),
      },
    ],
  };
}

function isApiError(model: Model): StatementStructures {
  return {
    kind: StructureKind.Function,
    isExported: true,
    name: "isApiError",
    docs: [`Whether \`value\` is an error of this package, from any copy or version of it. Returns a boolean for any input and never throws.`],
    parameters: [{ name: "value", type: "unknown" }],
    returnType: `value is ${model.baseClass}`,
    statements: body(
      "try {",
      "  return typeof value === \"object\" && value !== null && (value as { [ERROR_BRAND]?: unknown })[ERROR_BRAND] === true && typeof (value as { code?: unknown }).code === \"string\";",
      "} catch {",
      "  return false;",
      "}",
    ),
  };
}

/** A class with subclasses types its static `code` as the whole family, so theirs can narrow it. */
function errorClass(model: ClassModel, hasSubclasses: boolean): ClassDeclarationStructure {
  const code = stringLiteral(model.code);
  const family = `${code} | \`${model.code}.\${string}\``;
  return {
    kind: StructureKind.Class,
    isExported: true,
    name: model.name,
    extends: model.parent,
    docs: [model.kind === "code" ? codeDoc(model) : categoryDoc(model)],
    properties: [
      { name: "code", isStatic: true, hasOverrideKeyword: true, isReadonly: true, type: hasSubclasses ? family : code, initializer: code, docs: ["The code this class stands for."] },
      { name: "errorName", isStatic: true, hasOverrideKeyword: true, isReadonly: true, type: "string", initializer: stringLiteral(model.name), docs: ["The class name."] },
      ...(model.overridesRetryable
        ? [{ name: "retryable", isStatic: true, hasOverrideKeyword: true, isReadonly: true, type: "boolean", initializer: String(model.retryable), docs: ["Whether errors of this class may succeed when the request is repeated."] }]
        : []),
      ...(model.overridesFault
        ? [{ name: "fault", isStatic: true, hasOverrideKeyword: true, isReadonly: true, type: "ErrorFault | undefined", initializer: model.fault ? stringLiteral(model.fault) : "undefined", docs: ["Whose fault errors of this class are."] }]
        : []),
      {
        name: "code",
        hasDeclareKeyword: true,
        isReadonly: true,
        type: family,
        docs: [`The exact code: \`${model.code}\`, or a code below it that this package does not know yet.`],
      },
    ],
  };
}
