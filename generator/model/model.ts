// The intermediate model: plain readonly data that every emitter reads. Names, defaults and
// order are decided here once; nothing past this point sees YAML or ts-morph types.
import type { Fault } from "../validate/spec-input.ts";
import type { FieldType } from "../validate/spec-shape.ts";

export type { Fault, FieldType };

export interface Model {
  /** The spec path relative to its project, for generated headers: `spec/tencentcloud.yaml`. */
  readonly source: string;
  /** `sha256:<hex>` of the spec files as read (names and texts), embedded in the package's catalogue. */
  readonly specHash: string;
  readonly package: PackageModel;
  readonly baseClass: string;
  readonly codeEnum: string;
  /** The enum's erasable twin: a frozen plain object (`CommonErrorCodes`). */
  readonly codeObject: string;
  readonly codeEnumGuard: string;
  readonly envelope: EnvelopeModel;
  /** The `Symbol.for` key that marks this package's errors, shared by every copy and version. */
  readonly brand: string;
  /** The root spec's codes, sorted by code (plain comparison). */
  readonly codes: readonly CodeModel[];
  /** Categories whose class lives in the root entry, sorted by name. */
  readonly categories: readonly CategoryModel[];
  /** Every error class of the package but the base, parents before children, each with its home module. */
  readonly classes: readonly ClassModel[];
  /** Sorted by name. */
  readonly products: readonly ProductModel[];
  /** Modules holding classes that several products share, sorted by path. */
  readonly sharedModules: readonly SharedModuleModel[];
  /** The official SDK the API's clients throw from, when the spec names one (`sdk`). */
  readonly sdk: "tencentcloud" | undefined;
  /** The code docs and examples show, and its class: one of the spec's own, never another API's. */
  readonly example: { readonly code: string; readonly identifier: string; readonly className: string };
}

/**
 * Where a class (and, for a category, its guard) is defined. The root entry holds what the root spec
 * uses; a class several products use lives in a shared module; the rest in its one product's module.
 * A parent's home is never narrower than its children's, so no product module imports another.
 */
export type ClassHome =
  | { readonly kind: "root" }
  | { readonly kind: "shared"; readonly module: string }
  | { readonly kind: "product"; readonly product: string };

export interface ProductModel {
  /** The product name and package subpath: `lke`. */
  readonly name: string;
  /** The product spec, for generated headers. */
  readonly source: string;
  readonly version: string;
  readonly description: string | undefined;
  /** `products/lke`, relative to `src/`. */
  readonly module: string;
  /** Names of the product module's own exports. */
  readonly exports: ProductExports;
  /** The product's codes, with the product's own descriptions, sorted by code. */
  readonly codes: readonly CodeModel[];
  /** Every class the product's codes need (their own and their ancestors'), sorted by code. */
  readonly classes: readonly ClassModel[];
  /** Categories of the product's codes, sorted by name. */
  readonly categories: readonly CategoryModel[];
  /** Sorted by name; each action's codes sorted. */
  readonly actions: readonly { readonly name: string; readonly codes: readonly string[] }[];
}

export interface ProductExports {
  readonly identifier: string;
  readonly codeEnum: string;
  readonly codeObject: string;
  readonly knownCode: string;
  readonly codeList: string;
  readonly codeGuard: string;
  readonly actionErrors: string;
  readonly action: string;
  readonly actionErrorCode: string;
  readonly actionGuard: string;
  readonly toError: string;
  readonly unwrap: string;
  readonly parse: string;
  readonly withErrors: string;
  readonly attempt: string;
  readonly describe: string;
}

export interface SharedModuleModel {
  /** `shared/invalid-parameter`, relative to `src/`. */
  readonly path: string;
  /** Sorted by code. */
  readonly classes: readonly ClassModel[];
  /** The category whose guard and type live here: one that several products use and the root does not. */
  readonly category: CategoryModel | undefined;
}

export interface PackageModel {
  readonly name: string;
  readonly version: string;
  readonly description: string;
  readonly license: string | undefined;
}

/** A property path on the wire: the names from an object to what it holds; empty for the object itself (`"."`). */
export type WirePath = readonly string[];

/** Where the parts of a response are in its JSON body (spec key `envelope`). */
export interface EnvelopeModel {
  /** Body → the response object, which holds the request id and, on failure, the error. */
  readonly response: WirePath;
  /** Response object → the error object. */
  readonly error: WirePath;
  /** Error object → the code. */
  readonly code: WirePath;
  /** Error object → the message; `undefined` when the API has none. */
  readonly message: WirePath | undefined;
  /** Response object → the request id; `undefined` when the API has none. */
  readonly requestId: WirePath | undefined;
  /** Whether every success carries the request id (errors always do). */
  readonly requestIdAlways: boolean;
  /** Body → a success's payload, what `unwrapResponse` returns. */
  readonly result: WirePath;
  /** More data every error carries, in the spec's order. */
  readonly fields: readonly EnvelopeFieldModel[];
}

export interface EnvelopeFieldModel {
  /** The property's name on every error, in options and in JSON. */
  readonly name: string;
  /** Error object → the field. */
  readonly path: WirePath;
  readonly type: FieldType;
  /** Whether it fills a member every error has (`httpStatus`, `traceId`) rather than adding one. */
  readonly builtIn: boolean;
}

export interface CodeModel {
  readonly code: string;
  /** The enum member; the class name before the `Error` suffix. */
  readonly identifier: string;
  readonly className: string;
  readonly category: string;
  /** English; a code has this, `descriptionZh`, or both. */
  readonly description: string | undefined;
  readonly descriptionZh: string | undefined;
  readonly retryable: boolean;
  readonly fault: Fault | undefined;
  /** Why the code is deprecated (the class, enum member and guard carry @deprecated), when it is. */
  readonly deprecated: string | undefined;
  /** The package version that deprecated it, when the spec says. */
  readonly since: string | undefined;
}

export interface CategoryModel {
  readonly name: string;
  readonly className: string;
  readonly guardName: string;
  readonly typeName: string;
  readonly description: string | undefined;
  readonly descriptionZh: string | undefined;
  readonly retryable: boolean;
  readonly fault: Fault | undefined;
  /** Whether the category name is itself one of the codes. */
  readonly isCode: boolean;
  /** As the code of the same name says, when the category is a code. */
  readonly deprecated: string | undefined;
  readonly since: string | undefined;
  readonly home: ClassHome;
}

export interface ClassModel {
  readonly name: string;
  /** The code this class stands for; its instances carry this code or one below it. */
  readonly code: string;
  /** The class it extends: the class of the nearest ancestor code, else the base class. */
  readonly parent: string;
  readonly description: string | undefined;
  readonly descriptionZh: string | undefined;
  readonly retryable: boolean;
  readonly fault: Fault | undefined;
  /** Whether `retryable` or `fault` differ from the parent's, so the class must declare them. */
  readonly overridesRetryable: boolean;
  readonly overridesFault: boolean;
  readonly deprecated: string | undefined;
  readonly since: string | undefined;
  readonly kind: "code" | "category";
  readonly home: ClassHome;
}
