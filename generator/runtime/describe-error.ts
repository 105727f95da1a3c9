// `src/describe-error.ts` of every package, the part no spec changes: a describer over a catalogue,
// shared by `describeError` and the products' describers (emit-describe-error.ts writes those).
import type { ErrorFault } from "./base.js";

/** The languages of the catalogue's descriptions. */
export type ErrorLocale = "en" | "zh";

/** What the catalogue says about a code. */
export interface ErrorDescription {
  /** The code. */
  code: string;
  /** What the error means, in the language `locale` names. */
  description: string;
  /** The language of `description`: the one asked for when the catalogue has it in that language, else the other (English for a language it does not have). */
  locale: ErrorLocale;
  /** The code's first segment. */
  category: string;
  /** Whether the same request may succeed when repeated. */
  retryable: boolean;
  /** Whose fault the error is, when the catalogue says. */
  fault: ErrorFault | undefined;
}

/** One code's line in a catalogue. Not part of the package's API. */
export type CatalogueEntry = readonly [
  code: string,
  description: string | null,
  descriptionZh: string | null,
  retryable: boolean,
  fault: ErrorFault | null,
];

/** `describeError` over one catalogue. Not part of the package's API. */
export type Describer = (code: string, locale: string) => ErrorDescription | undefined;

/** A describer over a catalogue, indexed on first use. Not part of the package's API. */
export function createDescriber(catalogue: readonly CatalogueEntry[]): Describer {
  return describeIn.bind(undefined, new Map(), catalogue);
}

/** What `catalogue` says about `code`; `index` is filled on the first call. */
function describeIn(index: Map<string, CatalogueEntry>, catalogue: readonly CatalogueEntry[], code: string, locale: string): ErrorDescription | undefined {
  if (index.size === 0) for (const entry of catalogue) index.set(entry[0], entry);
  const entry = typeof code === "string" ? index.get(code) : undefined;
  if (entry === undefined) return undefined;
  const [, description, descriptionZh, retryable, fault] = entry;
  // Chinese for `zh` and its tags (`zh-CN`, `zh-Hans`); English for anything else. A code has one description at least.
  const chinese = typeof locale === "string" && /^zh(?:-|$)/i.test(locale);
  const inChinese = descriptionZh !== null && (chinese || description === null);
  const dot = code.indexOf(".");
  return {
    code,
    description: (inChinese ? descriptionZh : description) ?? "",
    locale: inChinese ? "zh" : "en",
    category: dot === -1 ? code : code.slice(0, dot),
    retryable,
    fault: fault ?? undefined,
  };
}
