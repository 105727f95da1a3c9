// The spec format (version 1) as data. `checkShape` walks it to validate a spec; the same
// description drives the documentation of every key, so the rules live in one place.
import { checkCategoryName, checkCodeSyntax } from "../names/naming.ts";

interface ShapeBase {
  /** What the value means, for documentation and for messages. */
  readonly description: string;
}

/** A rule on a string value: what is wrong with it, as a phrase after the value's label ("must …"), or undefined. */
export type StringRule = (value: string) => string | undefined;

export interface StringShape extends ShapeBase {
  readonly kind: "string";
  /** Whether `null` is a value too (it means "none"). */
  readonly nullable?: boolean;
  readonly oneOf?: readonly string[];
  readonly rule?: StringRule;
  /** JSON-Schema-style pattern mirroring `rule`, for editors. */
  readonly pattern?: string;
}

export interface BooleanShape extends ShapeBase {
  readonly kind: "boolean";
}

export interface IntegerShape extends ShapeBase {
  readonly kind: "integer";
  readonly oneOf?: readonly number[];
  /** Said after a value outside `oneOf`. */
  readonly oneOfHint?: string;
}

export interface FieldShape {
  readonly shape: Shape;
  readonly required?: boolean;
  /** A key that must be present beside this one; `problem` says why and what to add. */
  readonly requires?: { readonly key: string; readonly problem: string };
}

export interface ObjectShape extends ShapeBase {
  readonly kind: "object";
  /** How a message names one of these: "the package", "a code". */
  readonly noun: string;
  readonly fields: Readonly<Record<string, FieldShape>>;
  /** At least one of these keys must be present; `problem` says so after the object's name. */
  readonly requireOneOf?: { readonly keys: readonly string[]; readonly problem: string };
}

export interface MapShape extends ShapeBase {
  readonly kind: "map";
  /** How a message names one key: "code", "category". */
  readonly keyNoun: string;
  /** What is wrong with a key, as a whole message, or undefined. */
  readonly keyRule: (key: string) => string | undefined;
  readonly keyPattern: string;
  readonly value: Shape;
}

export interface ListShape extends ShapeBase {
  readonly kind: "list";
  /** How a message names one item: "code", "product spec". */
  readonly itemNoun: string;
  readonly item: StringShape;
}

/** One of several shapes, told apart by the YAML node: a scalar takes the first scalar shape, a mapping the first object or map shape. */
export interface ChoiceShape extends ShapeBase {
  readonly kind: "choice";
  readonly choices: readonly (StringShape | ObjectShape)[];
  /** What a message says the value must be: `a path, null, or a mapping of path and always`. */
  readonly expected: string;
}

export type Shape = StringShape | BooleanShape | IntegerShape | ObjectShape | MapShape | ListShape | ChoiceShape;

/**
 * A name errgen gives a class, enum or function from a spec: PascalCase, as TypeScript names classes and
 * enums. Generated code names its own variables and parameters in camelCase, and CommonJS's module names
 * (`exports`, `require`, `module`) are lowercase, so a spec's name never meets them.
 */
export const IDENTIFIER_PATTERN = "^[A-Z][A-Za-z0-9_$]*$";
const identifierRegex = new RegExp(IDENTIFIER_PATTERN);

const identifier = (description: string): StringShape => ({
  kind: "string",
  description,
  pattern: IDENTIFIER_PATTERN,
  rule: (value) =>
    identifierRegex.test(value)
      ? undefined
      : `must be a PascalCase TypeScript identifier (a capital letter, then letters, digits, \`_\` or \`$\`), got ${JSON.stringify(value)}`,
});

const text = (description: string): StringShape => ({
  kind: "string",
  description,
  pattern: "\\S",
  rule: (value) => (value.trim() === "" ? "must not be empty" : undefined),
});

/** One property name on the wire: letters, digits, `_`, `$` or `-`, not starting with a digit or `-`. */
const SEGMENT = "[A-Za-z_$][A-Za-z0-9_$-]*";
export const PATH_PATTERN = `^${SEGMENT}(?:\\.${SEGMENT})*$`;
export const SELF_PATH_PATTERN = `^(?:\\.|${SEGMENT}(?:\\.${SEGMENT})*)$`;
const pathRegex = new RegExp(PATH_PATTERN);
/** Names every JavaScript object inherits: a path through one would read the language, not the body. */
const INHERITED = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * A property path of the wire format, such as `Response` or `ResponseMetadata.Error`: each segment
 * becomes a property name in generated types and code. With `self`, `"."` is the object itself.
 */
const path = (description: string, options: { self?: boolean; nullable?: boolean } = {}): StringShape => ({
  kind: "string",
  description,
  pattern: options.self ? SELF_PATH_PATTERN : PATH_PATTERN,
  ...(options.nullable ? { nullable: true } : {}),
  rule: (value) => {
    if (value === ".") return options.self ? undefined : `must be a property path such as Code or error.code; "." (the object itself) is only for response, error and result`;
    if (!pathRegex.test(value)) {
      return `must be a property path such as Response or ResponseMetadata.Error (names of letters, digits, \`_\`, \`$\` or \`-\`, not starting with a digit or \`-\`, joined by dots)${options.self ? ', or "." for the object itself' : ""}, got ${JSON.stringify(value)}`;
    }
    const inherited = value.split(".").find((segment) => INHERITED.has(segment));
    return inherited === undefined ? undefined : `must not go through "${inherited}", a name every JavaScript object inherits, got ${JSON.stringify(value)}`;
  },
});

const NPM_NAME_PATTERN = "^(?:@[a-z0-9][a-z0-9._~-]*/)?[a-z0-9][a-z0-9._~-]*$";
const npmNameRegex = new RegExp(NPM_NAME_PATTERN);
// semver.org's regular expression, without build metadata (npm ignores it).
const SEMVER_PATTERN =
  "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?$";
const semverRegex = new RegExp(SEMVER_PATTERN);

const semver = (description: string, example: string): StringShape => ({
  kind: "string",
  description,
  pattern: SEMVER_PATTERN,
  rule: (value) => (semverRegex.test(value) ? undefined : `must be a semver version such as ${example}, got ${JSON.stringify(value)}`),
});

const retryable: BooleanShape = {
  kind: "boolean",
  description: "Whether repeating the same request may succeed (throttling, transient faults).",
};

const fault: StringShape = {
  kind: "string",
  description: "Whose fault the error is: `client` (fix the request) or `server` (the service failed).",
  oneOf: ["client", "server"],
};

export const codeShape: ObjectShape = {
  kind: "object",
  noun: "a code",
  description: "One error code.",
  requireOneOf: { keys: ["description", "description_zh"], problem: "needs a description: add description (English), description_zh (Chinese), or both" },
  fields: {
    description: { shape: text("What the error means, in English. A code needs this or description_zh.") },
    description_zh: { shape: text("What the error means, in Chinese.") },
    retryable: { shape: { ...retryable, description: `${retryable.description} Defaults to the category's value, else false.` } },
    fault: { shape: fault },
    name: {
      shape: identifier(
        "Identifier override: the enum member, and the class name before the `Error` suffix. Use it to settle a naming collision.",
      ),
    },
    deprecated: {
      shape: text("Marks the code deprecated, saying why and what to use instead: its class, enum member and guard carry @deprecated. Removing a code later is a major release; deprecating it first tells teams in time."),
    },
    since: {
      requires: { key: "deprecated", problem: 'since says which version deprecated the code; add deprecated: "why, and what to use instead"' },
      shape: semver("With deprecated: the package version that deprecated the code, such as 1.4.0.", "1.4.0"),
    },
  },
};

export const categoryShape: ObjectShape = {
  kind: "object",
  noun: "a category",
  description: "Metadata for a first segment of codes, shared by every code below it.",
  fields: {
    description: { shape: text("What errors of this category mean, in English.") },
    description_zh: { shape: text("What errors of this category mean, in Chinese.") },
    retryable: { shape: retryable },
    fault: { shape: fault },
  },
};

/** A valid code, as checkCodeSyntax decides it (which also says what is wrong with an invalid one). */
const CODE_PATTERN = "^[A-Za-z][A-Za-z0-9_]*(-[A-Za-z0-9_]+)*(\\.[A-Za-z0-9_]+(-[A-Za-z0-9_]+)*)*$";

const codesShape: MapShape = {
  kind: "map",
  keyNoun: "code",
  description: "The error codes: the code string is the key.",
  keyRule: checkCodeSyntax,
  keyPattern: CODE_PATTERN,
  value: codeShape,
};

/** The members every error has: a field of the envelope must not take one of their names (the built-in fields aside). */
export const ERROR_MEMBERS: ReadonlySet<string> = new Set([
  "code", "message", "requestId", "retryable", "fault", "name", "cause", "stack", "known", "errorName", "toJSON",
  ...Object.getOwnPropertyNames(Object.prototype),
]);

/** The fields every error has, which an envelope field of the same name and type fills. */
export const BUILT_IN_FIELDS: Readonly<Record<string, FieldType>> = { httpStatus: "number", traceId: "string" };

export type FieldType = "string" | "number" | "boolean" | "json";
export const FIELD_TYPES: readonly FieldType[] = ["string", "number", "boolean", "json"];

export const FIELD_NAME_PATTERN = "^[A-Za-z_$][A-Za-z0-9_$]*$";
const fieldNameRegex = new RegExp(FIELD_NAME_PATTERN);

const fieldShape: ObjectShape = {
  kind: "object",
  noun: "a field",
  description: "Where a field is in the error object, and its type.",
  fields: {
    path: { required: true, shape: path("The field's path from the error object, such as CodeN or details.") },
    type: {
      required: true,
      shape: {
        kind: "string",
        description: "The field's type: string, number or boolean (a value of another type is left out), or json (any JSON value, typed unknown).",
        oneOf: FIELD_TYPES,
      },
    },
  },
};

export const envelopeShape: ObjectShape = {
  kind: "object",
  noun: "envelope",
  description:
    'Where the parts of a response are in its JSON body, as property paths joined by dots ("." is the object itself). Every key is optional; the defaults are Tencent Cloud API 3.0\'s.',
  fields: {
    response: { shape: path('The object holding the request id and, on failure, the error, from the body. "." = the body itself. Default: Response.', { self: true }) },
    error: { shape: path('The object holding the code and the message, from the response object. "." = the response object itself. Default: Error.', { self: true }) },
    code: { shape: path("The code (a string), from the error object. Default: Code.") },
    message: { shape: path("The message, from the error object; null when the API has none. Default: Message.", { nullable: true }) },
    requestId: {
      shape: {
        kind: "choice",
        description:
          "The request id, from the response object: a path (every response has it), null (the API has none), or { path, always: false } when successes may lack it. Default: RequestId.",
        expected: "a path, null, or a mapping of path and always",
        choices: [
          path("The request id's path from the response object; null when the API has none.", { nullable: true }),
          {
            kind: "object",
            noun: "requestId",
            description: "The request id's path, and whether every success has it.",
            fields: {
              path: { required: true, shape: path("The request id's path from the response object; write requestId: null when the API has none.") },
              always: { shape: { kind: "boolean", description: "Whether successes always carry the request id (errors always do). Default: true." } },
            },
          },
        ],
      },
    },
    result: { shape: path('A success\'s payload, what unwrapResponse returns, from the body. "." = the body itself. Default: the response object.', { self: true }) },
    fields: {
      shape: {
        kind: "map",
        keyNoun: "field",
        description: `More data every error carries, as a typed property of the same name: the field name is the key. A field may fill the built-in httpStatus (a number) or traceId (a string); other names of an error's own members are refused.`,
        keyRule: (key) => {
          if (!fieldNameRegex.test(key)) return `field "${key}" must be a JavaScript identifier (letters, digits, \`_\` or \`$\`, not starting with a digit)`;
          if (ERROR_MEMBERS.has(key)) return `field "${key}" collides with the member "${key}" every error has: give it another name`;
          return undefined;
        },
        keyPattern: FIELD_NAME_PATTERN,
        value: fieldShape,
      },
    },
  },
};

export const specShape: ObjectShape = {
  kind: "object",
  noun: "the spec",
  description: "An errgen spec: an API's response envelope and its error codes.",
  fields: {
    specVersion: {
      required: true,
      shape: { kind: "integer", oneOf: [1], oneOfHint: ": this errgen reads spec format version 1", description: "The version of this format: 1." },
    },
    package: {
      required: true,
      shape: {
        kind: "object",
        noun: "package",
        description: "The npm package errgen writes.",
        fields: {
          name: {
            required: true,
            shape: {
              kind: "string",
              description: "The npm package name.",
              pattern: NPM_NAME_PATTERN,
              rule: (value) =>
                npmNameRegex.test(value) && value.length <= 214
                  ? undefined
                  : `must be an npm package name (lowercase letters, digits, \`-\`, \`.\`, \`_\`, optionally scoped as \`@team/name\`), got ${JSON.stringify(value)}`,
            },
          },
          version: { required: true, shape: semver("The package version, in semver.", "1.0.0") },
          description: { shape: text("The package description.") },
          license: { shape: text("The package license, an SPDX identifier.") },
        },
      },
    },
    naming: {
      shape: {
        kind: "object",
        noun: "naming",
        description: "Names of the generated package's central exports.",
        fields: {
          baseClass: { shape: identifier("The root of every generated error class. Default: ApiError.") },
          codeEnum: { shape: identifier("The enum of this spec's codes. Default: ErrorCode.") },
        },
      },
    },
    envelope: { shape: envelopeShape },
    categories: {
      shape: {
        kind: "map",
        keyNoun: "category",
        description: "Optional metadata per category (the first segment of a code).",
        keyRule: checkCategoryName,
        keyPattern: "^[A-Za-z][A-Za-z0-9_]*$",
        value: categoryShape,
      },
    },
    codes: { required: true, shape: codesShape },
    products: {
      shape: {
        kind: "list",
        itemNoun: "product spec",
        description: "Product specs to include, as paths relative to this file: each becomes a subpath of the package.",
        item: text("A product spec file."),
      },
    },
    output: { shape: text("Where `errgen generate` writes the package, relative to this file. The --out flag wins. Default: generated/<package name> in the spec's project.") },
    templates: { shape: text("A folder of templates that replace the built-in ones of the same name, relative to this file. The --templates flag wins.") },
    plugins: {
      shape: {
        kind: "list",
        itemNoun: "plugin",
        description: "Plugins that add modules to the package with ts-morph, run in order: paths relative to this file (.js, .mjs, .cjs, .ts, .mts) or package names resolved from this file's folder. Each default-exports (context) => void | Promise<void>.",
        item: text("A plugin: a path starting with ./ or ../, or a package name."),
      },
    },
    sdk: {
      shape: {
        kind: "string",
        description: "The official SDK whose exceptions the API throws, when it has one errgen knows: `tencentcloud` (tencentcloud-sdk-nodejs). The package's README then shows how to use it. Default: none.",
        oneOf: ["tencentcloud"],
      },
    },
  },
};

/** A product name is a file name (`products/<name>.d.ts`, `docs/<name>.md`) and a package subpath: at most 64 characters. */
export const PRODUCT_NAME_PATTERN = "^[a-z][a-z0-9]{0,63}$";
const productNameRegex = new RegExp(PRODUCT_NAME_PATTERN);
export const ACTION_NAME_PATTERN = "^[A-Z][A-Za-z0-9]*$";
const actionNameRegex = new RegExp(ACTION_NAME_PATTERN);

export const productShape: ObjectShape = {
  kind: "object",
  noun: "the product spec",
  description: "One product of the API: its codes and the codes each of its actions may return.",
  fields: {
    product: {
      required: true,
      shape: {
        kind: "string",
        description: "The product's name, lowercase: the package subpath (`<package>/lke`).",
        pattern: PRODUCT_NAME_PATTERN,
        rule: (value) => (productNameRegex.test(value) ? undefined : `must be lowercase letters and digits, starting with a letter (such as lke), at most 64 characters, got ${JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value)}`),
      },
    },
    version: { required: true, shape: text("The product's API version, such as 2023-11-30.") },
    name: { shape: identifier("Identifier prefix of the product's exports (LkeErrorCode, toLkeError). Default: the product name capitalised.") },
    description: { shape: text("What the product is.") },
    codes: { required: true, shape: codesShape },
    actions: {
      shape: {
        kind: "map",
        keyNoun: "action",
        description: "The codes each API action may return: the action name is the key.",
        keyRule: (key) => (actionNameRegex.test(key) ? undefined : `action "${key}" must be a PascalCase API action name, such as DescribeInstances`),
        keyPattern: ACTION_NAME_PATTERN,
        value: {
          kind: "list",
          itemNoun: "code",
          description: "Codes the action may return: codes of this product or common codes.",
          item: { kind: "string", description: "A code.", pattern: CODE_PATTERN, rule: (value) => checkCodeSyntax(value)?.replace(/^code /, "must be a valid code: ") },
        },
      },
    },
  },
};
