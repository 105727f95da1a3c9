// What the fixed stack costs on its own, apart from anything errgen does: js-yaml parsing the spec
// (errgen's input format) and ts-morph's CodeBlockWriter taking the package's TypeScript sources (how
// errgen must write them), each cold, in a process of its own. And how much a second thread helps
// with such work on this machine: js-yaml over the spec on one thread, then in two halves on two.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { createRequire } from "node:module";
import CodeBlockWriter from "code-block-writer";
import { load } from "js-yaml";

/** The root spec and every product spec of an imported catalogue, in the root's folder order. */
export function specTexts(specDir: string): string[] {
  const products = join(specDir, "products");
  return [join(specDir, "tencentcloud.yaml"), ...readdirSync(products).sort().map((name) => join(products, name))].map((path) => readFileSync(path, "utf8"));
}

/** js-yaml over every spec file. */
export function parseSpec(specDir: string): { files: number } {
  const texts = specTexts(specDir);
  for (const text of texts) load(text);
  return { files: texts.length };
}

/** Every `src/**.ts` of a package written through one CodeBlockWriter per file, as errgen's printer does. */
export function writeSources(packageDir: string): { chars: number } {
  const sources: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else if (entry.name.endsWith(".ts")) sources.push(readFileSync(join(dir, entry.name), "utf8"));
    }
  };
  walk(join(packageDir, "src"));
  let chars = 0;
  for (const text of sources) {
    const writer = new CodeBlockWriter({ indentNumberOfSpaces: 2, newLine: "\n", useSingleQuote: false });
    writer.write(text);
    chars += writer.toString().length;
  }
  return { chars };
}

/** js-yaml over the spec, half of the text on this thread and half on a new one (started here, as errgen's helper is). */
export async function parseSpecOnTwoThreads(specDir: string): Promise<{ files: number }> {
  const texts = specTexts(specDir);
  const total = texts.reduce((sum, text) => sum + text.length, 0);
  let split = 0;
  for (let mine = 0; mine < total / 2; split++) mine += texts[split]!.length;
  const jsYaml = createRequire(import.meta.url).resolve("js-yaml");
  const worker = new Worker(`const { load } = require(${JSON.stringify(jsYaml)}); const { parentPort, workerData } = require("node:worker_threads"); for (const text of workerData) load(text); parentPort.postMessage(0);`, {
    eval: true,
    workerData: texts.slice(split),
  });
  const theirs = new Promise((resolve, reject) => worker.once("message", resolve).once("error", reject));
  for (const text of texts.slice(0, split)) load(text);
  await theirs;
  await worker.terminate();
  return { files: texts.length };
}
