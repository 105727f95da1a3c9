// The intermediate model: plain readonly data that every emitter reads. Names, defaults and
// order are decided here once; nothing past this point sees YAML or ts-morph types.
import type { Fault } from "../validate/spec-input.ts";

export type { Fault };

export interface Model {
  /** The spec path relative to its project, for generated headers: `spec/tencentcloud.yaml`. */
  readonly source: string;
  readonly package: PackageModel;
  readonly baseClass: string;
  readonly codeEnum: string;
  readonly codeEnumGuard: string;
  readonly envelope: EnvelopeModel;
  /** The `Symbol.for` key that marks this package's errors, shared by every copy and version. */
  readonly brand: string;
  /** Sorted by code (plain comparison). */
  readonly codes: readonly CodeModel[];
  /** Sorted by name. */
  readonly categories: readonly CategoryModel[];
  /** Every error class but the base, parents before children. */
  readonly classes: readonly ClassModel[];
}

export interface PackageModel {
  readonly name: string;
  readonly version: string;
  readonly description: string;
  readonly license: string | undefined;
}

export interface EnvelopeModel {
  readonly response: string;
  readonly requestId: string;
  readonly error: string;
  readonly code: string;
  readonly message: string;
}

export interface CodeModel {
  readonly code: string;
  /** The enum member; the class name before the `Error` suffix. */
  readonly identifier: string;
  readonly className: string;
  readonly category: string;
  readonly description: string;
  readonly descriptionZh: string | undefined;
  readonly retryable: boolean;
  readonly fault: Fault | undefined;
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
  readonly kind: "code" | "category";
}
