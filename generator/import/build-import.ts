// The corpus → spec documents: the root spec (common codes) and one spec per product, with `name:`
// overrides that settle every identifier collision, and the list of what could not be imported.
import { compareText } from "../diagnostics.ts";
import { categoryOf, checkCodeSyntax, classNameOf, identifierOf } from "../names/naming.ts";
import type { Corpus, CorpusCode } from "./read-corpus.ts";

export interface ImportedCode {
  readonly code: string;
  readonly description: string | undefined;
  readonly descriptionZh: string | undefined;
  readonly fault?: "server";
  /** Set when the natural identifier collides. */
  readonly name?: string;
}

export interface ImportedProduct {
  readonly name: string;
  /** Identifier prefix override, when the natural one collides inside the product's module. */
  readonly identifier?: string;
  /** `2023-11-30`. */
  readonly version: string;
  readonly intlOnly: boolean;
  readonly codes: readonly ImportedCode[];
  readonly actions: readonly { readonly name: string; readonly codes: readonly string[] }[];
  /** What was left out, with the reason. */
  readonly skipped: readonly string[];
}

export interface ImportPlan {
  readonly source: string;
  readonly common: readonly ImportedCode[];
  /** Categories of the root spec with metadata: retryable families, descriptions of categories that are not codes. */
  readonly categories: readonly { readonly name: string; readonly retryable?: boolean; readonly description?: string; readonly descriptionZh?: string }[];
  readonly products: readonly ImportedProduct[];
  /** Every `name:` override given, with the codes it keeps apart. */
  readonly overrides: readonly { readonly code: string; readonly name: string; readonly collidesWith: string }[];
}

export interface ImportOptions {
  /** Import only these products (all when undefined). */
  readonly products?: readonly string[] | undefined;
  /** Identifiers that codes had in the spec folder before, kept so that re-importing never renames one. */
  readonly previousIdentifiers?: ReadonlyMap<string, string>;
}

/** Codes the official Python SDK retries (tencentcloud/common/retry.py): their categories are retryable. */
const RETRIED_CATEGORIES = ["RequestLimitExceeded"];
/** Server-side faults among the common codes (teco's ServerErrors). */
const SERVER_FAULTS = new Set(["InternalError", "ServiceUnavailable", "ResponseSizeLimitExceeded"]);

export function buildImport(corpus: Corpus, options: ImportOptions = {}): ImportPlan {
  const wanted = options.products ? new Set(options.products) : undefined;
  const selected = corpus.products.filter((product) => !wanted || wanted.has(product.name)).sort((a, b) => compareText(a.name, b.name));
  const common = corpus.common.map((code) => ({ ...code, ...(SERVER_FAULTS.has(code.code) ? { fault: "server" as const } : {}) }));
  const commonCodes = new Set(common.map((code) => code.code));

  const products = selected.map((product) => {
    const skipped: string[] = [];
    const codes: CorpusCode[] = [];
    const seen = new Set<string>();
    for (const raw of product.codes) {
      const code = withDescription(raw);
      const problem = checkCodeSyntax(code.code);
      if (problem) skipped.push(`${JSON.stringify(code.code)}: ${problem.replace(/^code "[^"]*" /, "")}, so it is not a valid code`);
      else if (seen.has(code.code)) skipped.push(`${JSON.stringify(code.code)}: listed twice; the first is kept`);
      else {
        seen.add(code.code);
        codes.push(code);
      }
    }
    const actions = [...product.actions]
      .sort(([a], [b]) => compareText(a, b))
      .map(([name, list]) => {
        const kept = list.filter((code) => seen.has(code) || commonCodes.has(code));
        for (const code of list) if (!kept.includes(code)) skipped.push(`action ${name}: code ${JSON.stringify(code)} is not imported, so it is left out of the action`);
        return { name, codes: [...new Set(kept)].sort(compareText) };
      });
    return { name: product.name, version: apiVersion(product.version), intlOnly: product.intlOnly, codes, actions, skipped };
  });

  const overrides = assignNames([...common.map((c) => c.code), ...products.flatMap((p) => p.codes.map((c) => c.code))], options.previousIdentifiers ?? new Map());
  const productIdentifiers = settleProductNamespaces(products, overrides);
  const named = (code: CorpusCode): ImportedCode => {
    const name = overrides.get(code.code)?.name;
    const fault = SERVER_FAULTS.has(code.code) && commonCodes.has(code.code) ? { fault: "server" as const } : {};
    return { code: code.code, description: code.description, descriptionZh: code.descriptionZh, ...fault, ...(name ? { name } : {}) };
  };
  return {
    source: corpus.source,
    common: sortCodes(common.map(named)),
    categories: rootCategories(corpus, commonCodes),
    products: products.map((product) => {
      const identifier = productIdentifiers.get(product.name);
      return { ...product, ...(identifier ? { identifier } : {}), codes: sortCodes(product.codes.map(named)) };
    }),
    overrides: [...overrides.entries()].map(([code, { name, collidesWith }]) => ({ code, name, collidesWith })).sort((a, b) => compareText(a.code, b.code)),
  };
}

/** Blank descriptions dropped; a code with none at all is described by its own string, as 349 codes of the corpus are anyway. */
function withDescription(code: CorpusCode): CorpusCode {
  const text = (value: string | undefined) => (value === undefined || value.trim() === "" ? undefined : value);
  const description = text(code.description);
  const descriptionZh = text(code.descriptionZh);
  return { code: code.code, description: description ?? (descriptionZh === undefined ? code.code : undefined), descriptionZh };
}

/** `v20231130` → `2023-11-30`; anything else as it is. */
function apiVersion(version: string): string {
  const match = /^v(\d{4})(\d{2})(\d{2})$/.exec(version);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : version;
}

function sortCodes(codes: ImportedCode[]): ImportedCode[] {
  return codes.sort((a, b) => compareText(a.code, b.code));
}

/**
 * Categories of the root spec: the retried families, and first segments of common codes that are not
 * codes themselves (AuthFailure), described the way most products describe that code.
 */
function rootCategories(corpus: Corpus, commonCodes: ReadonlySet<string>): ImportPlan["categories"] {
  const result: { name: string; retryable?: boolean; description?: string; descriptionZh?: string }[] = [];
  const categories = new Set([...commonCodes].map(categoryOf));
  for (const name of [...categories].sort(compareText)) {
    const retryable = RETRIED_CATEGORIES.includes(name) ? { retryable: true } : {};
    const described = commonCodes.has(name) ? {} : mostCommonDescription(corpus, name);
    if (Object.keys(retryable).length + Object.keys(described).length > 0) result.push({ name, ...retryable, ...described });
  }
  return result;
}

function mostCommonDescription(corpus: Corpus, code: string): { description?: string; descriptionZh?: string } {
  const counts = new Map<string, { count: number; description?: string; descriptionZh?: string }>();
  for (const product of corpus.products) {
    for (const entry of product.codes) {
      if (entry.code !== code || entry.description === undefined || entry.descriptionZh === undefined) continue;
      const key = `${entry.description}\n${entry.descriptionZh}`;
      const found = counts.get(key) ?? { count: 0, description: entry.description, descriptionZh: entry.descriptionZh };
      found.count++;
      counts.set(key, found);
    }
  }
  const best = [...counts.entries()].sort(([ka, a], [kb, b]) => b.count - a.count || compareText(ka, kb))[0]?.[1];
  return best ? { description: best.description!, descriptionZh: best.descriptionZh! } : {};
}

/**
 * `name:` overrides for every code whose class name another code or category already takes. In each
 * group the code keeps its name that had it before (previous import), else the category, else the
 * code with fewer segments, else the one that needed no `Error` suffix; the others get their segments
 * joined by `_` (`InvalidParameter.Conflict` → `InvalidParameter_Conflict`), numbered if even that is taken.
 */
export function assignNames(codeList: readonly string[], previous: ReadonlyMap<string, string>): Map<string, { name: string; collidesWith: string }> {
  const codes = [...new Set(codeList)].sort(compareText);
  const codeSet = new Set(codes);
  const identifiers = new Map(codes.map((code) => [code, previous.get(code) ?? identifierOf(code)]));
  const claims = new Map<string, string[]>();
  const claim = (className: string, owner: string) => claims.set(className, [...(claims.get(className) ?? []), owner]);
  // Categories that are not codes have classes too, and cannot be renamed.
  for (const category of new Set(codes.map(categoryOf))) if (!codeSet.has(category)) claim(classNameOf(identifierOf(category)), `category:${category}`);
  for (const code of codes) claim(classNameOf(identifiers.get(code)!), code);

  const overrides = new Map<string, { name: string; collidesWith: string }>();
  for (const owners of [...claims.values()].filter((list) => list.length > 1)) {
    const ranked = [...owners].sort((a, b) => rank(a, previous) - rank(b, previous) || compareText(a, b));
    const keeper = ranked[0]!;
    for (const code of ranked.slice(1)) {
      if (code.startsWith("category:")) continue;
      const base = code.includes(".") ? code.split(".").map(identifierOf).join("_") : `${identifierOf(code)}_`;
      let name = base;
      for (let n = 2; claims.has(classNameOf(name)); n++) name = `${base}${n}`;
      claim(classNameOf(name), code);
      identifiers.set(code, name);
      overrides.set(code, { name, collidesWith: keeper.replace(/^category:/, "category ") });
    }
  }
  // Codes that kept an earlier override keep it in the spec too.
  for (const [code, identifier] of identifiers) {
    if (!overrides.has(code) && identifier !== identifierOf(code)) overrides.set(code, { name: identifier, collidesWith: "(kept from the previous import)" });
  }
  return overrides;
}

/**
 * A product module exports `<Product>ErrorCode` and `is<Product>ErrorCode`; a category `<Product>Error`
 * among its codes would export the same type and guard. A category that is a code gets a `name:`
 * (`CdbError` → `CdbError_`); otherwise the product's prefix changes (`CdbProduct`).
 */
function settleProductNamespaces(
  products: readonly { name: string; codes: readonly CorpusCode[] }[],
  overrides: Map<string, { name: string; collidesWith: string }>,
): Map<string, string> {
  const identifiers = new Map<string, string>();
  for (const product of products) {
    const prefix = product.name.charAt(0).toUpperCase() + product.name.slice(1);
    const taken = new Set([`${prefix}ErrorCode`, `is${prefix}ErrorCode`]);
    const codes = new Set(product.codes.map((code) => code.code));
    for (const category of new Set(product.codes.map((code) => categoryOf(code.code)))) {
      const identifier = overrides.get(category)?.name ?? identifierOf(category);
      if (!taken.has(`${identifier}Code`)) continue;
      if (codes.has(category)) overrides.set(category, { name: `${identifier}_`, collidesWith: `the exports of product ${product.name}` });
      else identifiers.set(product.name, `${prefix}Product`);
    }
  }
  return identifiers;
}

/** Lower ranks keep their name: earlier identifiers, categories, fewer segments, no suffix needed. */
function rank(owner: string, previous: ReadonlyMap<string, string>): number {
  if (owner.startsWith("category:")) return 0;
  const keptBefore = previous.has(owner) ? 0 : 1;
  const segments = owner.split(".").length;
  const needsSuffix = identifierOf(owner).endsWith("Error") ? 0 : 1;
  return 1 + keptBefore * 1000 + segments * 10 + needsSuffix;
}
