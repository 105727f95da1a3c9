// Reads the Tencent Cloud catalogue (the three JSON files of ../shared/corpus) into plain typed data,
// refusing files that do not have the documented shape.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ErrgenError } from "../diagnostics.ts";

export const CORPUS_FILES = {
  common: "tencentcloud-common-error-codes.json",
  products: "tencentcloud-error-codes.json",
  actions: "tencentcloud-action-error-codes.json",
} as const;

export interface CorpusCode {
  readonly code: string;
  readonly description: string | undefined;
  readonly descriptionZh: string | undefined;
}

export interface CorpusProduct {
  readonly name: string;
  /** `v20231130`, as the SDK's folder names it. */
  readonly version: string;
  readonly codes: readonly CorpusCode[];
  /** Action → codes; empty for products the action file does not list. */
  readonly actions: ReadonlyMap<string, readonly string[]>;
  /** Only in the international SDK (English descriptions only). */
  readonly intlOnly: boolean;
}

export interface Corpus {
  readonly common: readonly CorpusCode[];
  readonly products: readonly CorpusProduct[];
  /** Where the catalogue was extracted from, for spec headers. */
  readonly source: string;
}

export class CorpusError extends ErrgenError {}

export function readCorpus(dir: string): Corpus {
  const common = readJson(dir, CORPUS_FILES.common) as { codes?: { code: string; description_en?: string; description_zh?: string }[] };
  const products = readJson(dir, CORPUS_FILES.products) as {
    source?: string;
    products?: Record<string, { version: string; codes: { code: string; description?: string; description_en?: string }[] }>;
    intl_only_products?: Record<string, { version: string; codes: { code: string; description_en?: string }[] }>;
  };
  const actions = readJson(dir, CORPUS_FILES.actions) as { products?: Record<string, { version: string; actions: Record<string, string[]> }> };
  if (!Array.isArray(common.codes)) throw new CorpusError(`${CORPUS_FILES.common} has no "codes" list`);
  if (typeof products.products !== "object" || products.products === null) throw new CorpusError(`${CORPUS_FILES.products} has no "products" map`);
  if (typeof actions.products !== "object" || actions.products === null) throw new CorpusError(`${CORPUS_FILES.actions} has no "products" map`);
  const actionsOf = (name: string) => new Map(Object.entries(Object.hasOwn(actions.products!, name) ? actions.products![name]!.actions : {}));
  return {
    source: products.source ?? "the Tencent Cloud SDK",
    common: common.codes.map((code) => ({ code: code.code, description: code.description_en, descriptionZh: code.description_zh })),
    products: [
      ...Object.entries(products.products).map(([name, product]) => ({
        name,
        version: product.version,
        codes: product.codes.map((code) => ({ code: code.code, description: code.description_en, descriptionZh: code.description })),
        actions: actionsOf(name),
        intlOnly: false,
      })),
      ...Object.entries(products.intl_only_products ?? {}).map(([name, product]) => ({
        name,
        version: product.version,
        codes: product.codes.map((code) => ({ code: code.code, description: code.description_en, descriptionZh: undefined })),
        actions: actionsOf(name),
        intlOnly: true,
      })),
    ],
  };
}

function readJson(dir: string, file: string): unknown {
  const path = join(dir, file);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new CorpusError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CorpusError(`${path} is not JSON: ${(error as Error).message}`);
  }
}
