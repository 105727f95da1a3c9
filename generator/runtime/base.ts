// `src/base.ts` of every package: the root error class, `defineErrorClass` (which makes every other
// class on first use) and `isApiError`. `instanceof` follows the code path (a `Symbol.hasInstance` on the
// root), not object identity, so it holds across copies, versions and the ESM/CJS builds of a package.
import type { KnownErrorCode } from "./codes.js";
import { ERROR_BRAND, ERROR_DATA, isCodeIn, unchecked } from "./internal.js";
import { nameOf } from "./naming.js";

/** Whose fault an error is: `client` (change the request) or `server` (the service failed). */
export type ErrorFault = "client" | "server";

/** Options for constructing an error by hand. `toApiError` fills them from a response. */
export interface ApiErrorOptions {
  /** The exact code. Defaults to the class's own code; must be that code or one below it. */
  code?: string | undefined;
  /** The id of the failed request. */
  requestId?: string | undefined;
  /** The HTTP status of the failed response. */
  httpStatus?: number | undefined;
  /** The id of the request's trace, when the service gives one. */
  traceId?: string | undefined;
  /** What caused this error, such as the SDK's exception. `undefined` means none. */
  cause?: unknown;
}

/** The JSON form of an error, as `toJSON()` gives it; `toApiError` reads it back. */
export interface ApiErrorJSON {
  /** The class name. */
  name: string;
  /** The exact code. */
  code: string;
  /** The message. */
  message: string;
  /** The request id, when known. */
  requestId?: string;
  /** The HTTP status, when known. */
  httpStatus?: number;
  /** The trace id, when known. */
  traceId?: string;
}

/**
 * The root of every error class of this package.
 *
 * `instanceof` follows the code path, not object identity: `e instanceof C` holds when `e` is an error of this package (any copy or version, ESM or CJS) whose code is `C.code` or below it. Every such error is an instance of ApiError.
 */
export class ApiError extends Error {
  /** The code this class stands for; empty for the root, which stands for every code. */
  static readonly code: string = "";
  /** The class name, kept as data so that minifiers cannot change it. */
  static readonly errorName: string = "ApiError";
  /** Whether errors of this class may succeed when the request is repeated. */
  static readonly retryable: boolean = false;
  /** Whose fault errors of this class are, when the catalogue says. */
  static readonly fault: ErrorFault | undefined = undefined;
  /** The exact code from the wire, such as `AuthFailure.SignatureFailure`. */
  readonly code: KnownErrorCode | (string & {});
  /** The id of the failed request, when known. */
  readonly requestId: string | undefined;
  /** The HTTP status of the failed response, when known. */
  readonly httpStatus: number | undefined;
  /** The id of the request's trace, when the service gives one. */
  readonly traceId: string | undefined;
  /** Whether the same request may succeed when repeated (throttling, transient faults). */
  readonly retryable: boolean;
  /** Whose fault the error is, when the catalogue says. */
  readonly fault: ErrorFault | undefined;
  /**
   * Whether the exact code is one the catalogue lists: the code of the error's own class, which is not a
   * bare category. `false` for a code the package only mapped to an ancestor: log those to see the API's
   * catalogue drift from this package's. In what `toApiError` returns, `known` narrows `code` to the known codes.
   */
  readonly known: boolean;
  /** The class name, such as `AuthFailureSignatureFailureError`. */
  override readonly name: string;

  static {
    Object.defineProperty(this.prototype, ERROR_BRAND, { value: true });
    // Its name as data, as defineErrorClass gives every class of the package: minifiers rename classes.
    Object.defineProperties(this, { [Symbol.hasInstance]: { value: hasCodePath }, name: { value: this.errorName } });
  }

  /**
   * @param message - What went wrong.
   * @param options - The code (for the root and category classes), the data the error carries (request id, …) and its cause.
   */
  constructor(message: string = "", options: ApiErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    const type = new.target;
    const code = options.code ?? type.code;
    // Its own code or one below it (the root's is "", below which is every code but "").
    if (!isCodeIn(code, type.code)) {
      throw new TypeError(`${type.errorName} cannot have the code ${JSON.stringify(code)}`);
    }
    this.code = code;
    this.requestId = options.requestId;
    this.httpStatus = options.httpStatus;
    this.traceId = options.traceId;
    this.retryable = type.retryable;
    this.fault = type.fault;
    // A class of a category that is not a code has its own `category` (defineErrorClass); subclasses inherit statics.
    this.known = code === type.code && !Object.hasOwn(type, "category");
    // The class's own name: the package's classes hold theirs as data; one a team extends by hand has its own.
    this.name = type.name;
  }

  /** `{ name, code, message }` and the data the error has (`requestId`, `httpStatus`, `traceId`, …), which `toApiError` turns back into the same error. */
  toJSON(): ApiErrorJSON {
    const json = unchecked({ name: this.name, code: this.code, message: this.message });
    for (const key of ERROR_DATA) if (unchecked(this)[key] !== undefined) json[key] = unchecked(this)[key];
    return json;
  }
}

/** A generated error class: `new` makes errors of code `C` (or a code below it) that are also `I`, the parent's errors; `code` is `C`. Every class of the package is one of these, made by `defineErrorClass`. */
export type ErrorClass<I extends ApiError, C extends string> = {
  new (message?: string, options?: ApiErrorOptions): I & { readonly code: C | `${C}.${string}` };
  readonly prototype: I & { readonly code: C | `${C}.${string}` };
  readonly code: C;
  readonly errorName: string;
  readonly retryable: boolean;
  readonly fault: ErrorFault | undefined;
};

/**
 * What each class extends in a package's declarations (`errorClassBase<Parent>`): the parent's errors,
 * made as the root class makes them, with the statics every class has. A type only: the classes
 * themselves are made by `defineErrorClass`. Not part of the package's API.
 */
export type ErrorClassBase = {
  new <I extends ApiError>(message?: string, options?: ApiErrorOptions): I;
  readonly code: string;
  readonly errorName: string;
  readonly retryable: boolean;
  readonly fault: ErrorFault | undefined;
};

/**
 * An error as the converters give it: inside `if (error.known)`, `error.code` is one of `K`, the codes of
 * the catalogue it was converted with, so an exhaustive `switch (error.code)` needs no cast.
 */
export type ConvertedError<E, K extends string> = E & ({ readonly known: true; readonly code: K } | { readonly known: false });

// `any`: each class's precise type is the one its declaration gives (an ErrorClass of its parent and code).
/** Every class made so far, by code: one class per code, however many modules ask for it. */
const ERROR_CLASSES: Map<string, any> = /* @__PURE__ */ new Map();

/** The class of a code, made on first use and the same object ever after. `entry` is the code, then what differs from the naming rule and from the parent: `name=…`, `retryable` or `!retryable`, `fault=…` (empty for none), `category` (a category that is not a code: its errors are never `known`), as in `InternalError fault=server`, `RequestLimitExceeded retryable`, `InvalidParameter.Conflict name=InvalidParameter_ConflictError`. Typed by the declaration it initialises. Not part of the package's API. */
export function defineErrorClass<T = typeof ApiError>(parent: new (message?: string, options?: ApiErrorOptions) => ApiError, entry: string): T {
  const [code = "", ...options] = entry.split(" ");
  let type = ERROR_CLASSES.get(code);
  if (type === undefined) {
    type = class extends parent {};
    let name = nameOf(code, "Error");
    for (const option of options) {
      const [key = "", value = ""] = option.split("=");
      if (key === "name") name = value;
      else {
        Object.defineProperty(type, key.replace("!", ""), {
          value: key === option ? !key.startsWith("!") : value || undefined,
        });
      }
    }
    Object.defineProperties(type, { name: { value: name }, code: { value: code }, errorName: { value: name } });
    ERROR_CLASSES.set(code, type);
  }
  return type;
}

/** `instanceof` for every error class: an error of this package (any copy) whose code is the class's code or below it. */
function hasCodePath(this: typeof ApiError, value: unknown): boolean {
  return isApiError(value) && isCodeIn(value.code, this.code);
}

/** Whether `value` is an error of this package, from any copy or version of it. Returns a boolean for any input and never throws. */
export function isApiError(value: unknown): value is ApiError {
  try {
    // `?.` reads nothing from null and undefined; a primitive has no brand.
    return unchecked(value)?.[ERROR_BRAND] === true && typeof unchecked(value).code === "string";
  } catch {
    return false;
  }
}
