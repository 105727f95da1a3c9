// `errgen import-corpus CORPUS_DIR SPEC_DIR`: the Tencent Cloud catalogue → a spec folder whose root
// spec is SPEC_DIR/tencentcloud.yaml, ready for `errgen generate --spec`. Identifiers a previous
// import gave are kept, so re-importing a newer catalogue never renames an existing export.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { analyzeFiles } from "../errgen.ts";
import type { EmittedFile } from "../emit/emitted-file.ts";
import { diskSpecFiles } from "../load/spec-files.ts";
import { writePackage, type WriteReport } from "../write/write-package.ts";
import { buildImport, type ImportPlan } from "./build-import.ts";
import { printProductSpec, printRootSpec } from "./print-spec-yaml.ts";
import { CorpusError, readCorpus } from "./read-corpus.ts";

export const ROOT_SPEC = "tencentcloud.yaml";

export interface ImportResult {
  readonly plan: ImportPlan;
  readonly report: WriteReport;
  readonly specDir: string;
  /** Why identifiers of the previous import could not be read, if they could not. */
  readonly previousUnreadable: string | undefined;
}

export async function importCorpus(options: { corpusDir: string; specDir: string; cwd: string; products?: readonly string[] | undefined }): Promise<ImportResult> {
  const corpusDir = resolve(options.cwd, options.corpusDir);
  const specDir = resolve(options.cwd, options.specDir);
  const corpus = readCorpus(corpusDir);
  if (options.products) {
    const known = new Set(corpus.products.map((product) => product.name));
    const unknown = options.products.filter((name) => !known.has(name));
    if (unknown.length > 0) throw new CorpusError(`the corpus has no product ${unknown.map((name) => `"${name}"`).join(", ")}`);
  }
  const previous = previousIdentifiers(specDir);
  const plan = buildImport(corpus, { products: options.products, previousIdentifiers: previous.identifiers });
  const origin = `the Tencent Cloud catalogue (${shortSource(corpus.source)})`;
  const productFiles = plan.products.map((product) => `products/${product.name}.yaml`);
  const files: EmittedFile[] = [
    { path: ROOT_SPEC, contents: printRootSpec(plan, productFiles, origin) },
    ...plan.products.map((product, i) => ({ path: productFiles[i]!, contents: printProductSpec(product, origin) })),
  ];
  const report = await writePackage(specDir, files, { ownershipFiles: [ROOT_SPEC] });
  return { plan, report, specDir, previousUnreadable: previous.problem };
}

/** Code → identifier in the spec folder as it is, when it holds a valid spec. */
function previousIdentifiers(specDir: string): { identifiers: Map<string, string>; problem: string | undefined } {
  const root = join(specDir, ROOT_SPEC);
  if (!existsSync(root)) return { identifiers: new Map(), problem: undefined };
  const analyzed = analyzeFiles(diskSpecFiles(root, specDir));
  if (!analyzed.ok) return { identifiers: new Map(), problem: `${analyzed.diagnostics.length} errors in the existing specs` };
  const identifiers = new Map<string, string>();
  for (const code of [...analyzed.model.codes, ...analyzed.model.products.flatMap((product) => product.codes)]) identifiers.set(code.code, code.identifier);
  return { identifiers, problem: undefined };
}

/** `TencentCloud/tencentcloud-sdk-go@144f6c8d39e4…` → `tencentcloud-sdk-go@144f6c8d39e4`. */
function shortSource(source: string): string {
  const match = /^[^/\s]+\/([^@\s]+)@([0-9a-f]{12})[0-9a-f]*$/.exec(source);
  return match ? `${match[1]}@${match[2]}` : source;
}
