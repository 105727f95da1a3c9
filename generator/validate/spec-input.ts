// The validated spec as typed data, still carrying source positions for later rules.
// Built from checked values, so every field here has already passed its shape.
import type { SourcePosition } from "../diagnostics.ts";
import type { CheckedList, CheckedMap, CheckedObject, CheckedValue } from "./check-shape.ts";
import type { FieldType } from "./spec-shape.ts";

export type Fault = "client" | "server";

export interface Located<T> {
  readonly value: T;
  readonly position: SourcePosition;
}

export interface CodeInput {
  readonly code: string;
  readonly position: SourcePosition;
  /** English. A code has this, `descriptionZh`, or both. */
  readonly description: string | undefined;
  readonly descriptionZh: string | undefined;
  readonly retryable: boolean | undefined;
  readonly fault: Fault | undefined;
  readonly name: Located<string> | undefined;
  /** Why the code is deprecated, when it is. */
  readonly deprecated: string | undefined;
  /** The version that deprecated it. */
  readonly since: Located<string> | undefined;
}

export interface CategoryInput {
  readonly name: string;
  readonly position: SourcePosition;
  readonly description: string | undefined;
  readonly descriptionZh: string | undefined;
  readonly retryable: boolean | undefined;
  readonly fault: Fault | undefined;
}

export interface SpecInput {
  /** The spec file as shown to users and in generated headers. */
  readonly file: string;
  readonly package: {
    readonly name: string;
    readonly version: string;
    readonly description: string | undefined;
    readonly license: string | undefined;
  };
  readonly naming: {
    readonly baseClass: Located<string>;
    readonly codeEnum: Located<string>;
  };
  readonly envelope: EnvelopeInput;
  readonly categories: readonly CategoryInput[];
  readonly codes: readonly CodeInput[];
  readonly products: readonly ProductInput[];
  /** `output` and `templates` as written, relative to the root spec. */
  readonly output: string | undefined;
  readonly templates: string | undefined;
  /** The official SDK the API's clients throw from (`sdk`), when errgen knows it. */
  readonly sdk: "tencentcloud" | undefined;
}

/**
 * The envelope's paths as written (`"."` for the object itself), each where it was given (or, for a
 * default, where the envelope or the spec starts). Checked for overlaps in check-envelope.ts.
 */
export interface EnvelopeInput {
  readonly response: Located<string>;
  readonly error: Located<string>;
  readonly code: Located<string>;
  /** `null`: the API has no message. */
  readonly message: Located<string | null>;
  /** `null`: the API has no request id. */
  readonly requestId: Located<string | null>;
  /** Whether every success carries the request id (`requestId.always`; errors always do). */
  readonly requestIdAlways: boolean;
  /** From the body; `undefined`: the response object. */
  readonly result: Located<string> | undefined;
  readonly fields: readonly FieldInput[];
}

export interface FieldInput {
  readonly name: string;
  readonly position: SourcePosition;
  readonly path: Located<string>;
  readonly type: Located<FieldType>;
}

export interface ActionInput {
  readonly name: string;
  readonly position: SourcePosition;
  readonly codes: readonly Located<string>[];
}

export interface ProductInput {
  /** The product spec as shown in generated headers. */
  readonly file: string;
  readonly product: Located<string>;
  readonly version: string;
  readonly identifier: Located<string> | undefined;
  readonly description: string | undefined;
  readonly codes: readonly CodeInput[];
  readonly actions: readonly ActionInput[];
}

export const DEFAULT_NAMING = { baseClass: "ApiError", codeEnum: "ErrorCode" } as const;
/** Tencent Cloud API 3.0's envelope: what a spec without `envelope` (or without one of its keys) means. */
export const DEFAULT_ENVELOPE = { response: "Response", requestId: "RequestId", error: "Error", code: "Code", message: "Message" } as const;

/**
 * Reads typed input from a checked spec. Fields that failed their checks are absent from `root`,
 * so this fills defaults for them; the caller only builds a model when there were no diagnostics.
 */
export function readSpecInput(root: CheckedObject, file: string, products: readonly ProductInput[]): SpecInput {
  const pkg = objectField(root, "package");
  const naming = objectField(root, "naming");
  const envelope = objectField(root, "envelope");
  return {
    file,
    package: {
      name: stringField(pkg, "name") ?? "",
      version: stringField(pkg, "version") ?? "0.0.0",
      description: stringField(pkg, "description"),
      license: stringField(pkg, "license"),
    },
    naming: {
      baseClass: locatedString(naming, "baseClass", DEFAULT_NAMING.baseClass, root),
      codeEnum: locatedString(naming, "codeEnum", DEFAULT_NAMING.codeEnum, root),
    },
    envelope: readEnvelope(envelope, root),
    categories: mapEntries(root, "categories").map(({ key, keyPosition, value }) => {
      const category = value as CheckedObject;
      return {
        name: key,
        position: keyPosition,
        description: stringField(category, "description"),
        descriptionZh: stringField(category, "description_zh"),
        retryable: booleanField(category, "retryable"),
        fault: stringField(category, "fault") as Fault | undefined,
      };
    }),
    codes: readCodes(root),
    products,
    output: stringField(root, "output"),
    templates: stringField(root, "templates"),
    sdk: stringField(root, "sdk") as "tencentcloud" | undefined,
  };
}

/** Reads a checked product spec; `undefined` when it lacks what every later rule needs (its name). */
export function readProductInput(product: CheckedObject, file: string): ProductInput | undefined {
  const name = product.fields.get("product");
  if (!name) return undefined;
  const identifier = product.fields.get("name");
  return {
    file,
    product: { value: name.value as string, position: name.valuePosition },
    version: stringField(product, "version") ?? "",
    identifier: identifier ? { value: identifier.value as string, position: identifier.valuePosition } : undefined,
    description: stringField(product, "description"),
    codes: readCodes(product),
    actions: mapEntries(product, "actions").map(({ key, keyPosition, value }) => ({
      name: key,
      position: keyPosition,
      codes: (value as CheckedList).items.map((item) => ({ value: item.value, position: item.position })),
    })),
  };
}

function readCodes(owner: CheckedObject): CodeInput[] {
  return mapEntries(owner, "codes").map(({ key, keyPosition, value }) => {
    const code = value as CheckedObject;
    const name = code.fields.get("name");
    const since = code.fields.get("since");
    return {
      code: key,
      position: keyPosition,
      description: stringField(code, "description"),
      descriptionZh: stringField(code, "description_zh"),
      retryable: booleanField(code, "retryable"),
      fault: stringField(code, "fault") as Fault | undefined,
      name: name ? { value: name.value as string, position: name.valuePosition } : undefined,
      deprecated: stringField(code, "deprecated"),
      since: since ? { value: since.value as string, position: since.keyPosition } : undefined,
    };
  });
}

function readEnvelope(envelope: CheckedObject | undefined, root: CheckedObject): EnvelopeInput {
  const at = envelope?.position ?? root.position;
  /** A path as given (at its value), else the default (at the envelope). `null` only where the shape allows it. */
  const nullable = (name: string, fallback: string): Located<string | null> => {
    const found = envelope?.fields.get(name);
    return found && (typeof found.value === "string" || found.value === null) ? { value: found.value, position: found.valuePosition } : { value: fallback, position: at };
  };
  const located = (name: string, fallback: string) => nullable(name, fallback) as Located<string>;
  const requestId = envelope?.fields.get("requestId");
  const requestIdObject = requestId && typeof requestId.value === "object" && requestId.value !== null ? (requestId.value as CheckedObject) : undefined;
  const requestIdPath = requestIdObject?.fields.get("path");
  return {
    response: located("response", DEFAULT_ENVELOPE.response),
    error: located("error", DEFAULT_ENVELOPE.error),
    code: located("code", DEFAULT_ENVELOPE.code),
    message: nullable("message", DEFAULT_ENVELOPE.message),
    requestId: requestIdObject
      ? { value: (requestIdPath?.value as string | undefined) ?? DEFAULT_ENVELOPE.requestId, position: requestIdPath?.valuePosition ?? requestIdObject.position }
      : nullable("requestId", DEFAULT_ENVELOPE.requestId),
    requestIdAlways: booleanField(requestIdObject, "always") ?? true,
    result: envelope?.fields.has("result") ? located("result", "") : undefined,
    fields: mapEntries(envelope, "fields").map(({ key, keyPosition, value }) => {
      const field = value as CheckedObject;
      const path = field.fields.get("path");
      const type = field.fields.get("type");
      return {
        name: key,
        position: keyPosition,
        path: { value: (path?.value as string | undefined) ?? key, position: path?.valuePosition ?? keyPosition },
        type: { value: (type?.value as FieldType | undefined) ?? "json", position: type?.valuePosition ?? keyPosition },
      };
    }),
  };
}

function field(object: CheckedObject | undefined, name: string): CheckedValue | undefined {
  return object?.fields.get(name)?.value;
}

function objectField(object: CheckedObject, name: string): CheckedObject | undefined {
  return field(object, name) as CheckedObject | undefined;
}

function stringField(object: CheckedObject | undefined, name: string): string | undefined {
  return field(object, name) as string | undefined;
}

function booleanField(object: CheckedObject | undefined, name: string): boolean | undefined {
  return field(object, name) as boolean | undefined;
}

function locatedString(object: CheckedObject | undefined, name: string, fallback: string, root: CheckedObject): Located<string> {
  const found = object?.fields.get(name);
  return found ? { value: found.value as string, position: found.valuePosition } : { value: fallback, position: object?.position ?? root.position };
}

function mapEntries(object: CheckedObject | undefined, name: string) {
  return (field(object, name) as CheckedMap | undefined)?.entries ?? [];
}
