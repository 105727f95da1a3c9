// Large specs share the work with a helper thread: it reads a share of the product specs and prints
// the TypeScript. The package and the diagnostics must be the same either way, and a helper that
// fails must not lose a file.
import test from "ava";
import { cpSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { analyzeFiles, generate } from "../generator/errgen.ts";
import { emitModules } from "../generator/emit/emit-package.ts";
import type { EmittedFile } from "../generator/emit/emitted-file.ts";
import { helperPrinter, printTypeScriptFile } from "../generator/emit/typescript-printer.ts";
import { startHelper } from "../generator/worker/helper.ts";
import { diskSpecFiles } from "../generator/load/spec-files.ts";
import { folderContents, REPO_ROOT, tempDir } from "./helpers/run-cli.ts";

const SPECS = [
  ["the shipped spec", join(REPO_ROOT, "spec/tencentcloud.yaml")],
  ["the everything fixture", join(REPO_ROOT, "test/fixtures/valid/everything/spec.yaml")],
] as const;

for (const [name, spec] of SPECS) {
  test(`${name}: with a helper thread, the same package, byte for byte`, async (t) => {
    const dir = tempDir(t);
    const outputs: Record<string, string>[] = [];
    for (const parallel of [false, true]) {
      const out = join(dir, String(parallel));
      const result = await generate({ spec, out, cwd: dir, parallel, useCache: false });
      t.true(result.ok, JSON.stringify(result.ok ? "" : result.diagnostics));
      outputs.push(Object.fromEntries(Object.entries(folderContents(out)).map(([path, text]) => [relative(out, path), text])));
    }
    const [sequential, parallel] = outputs as [Record<string, string>, Record<string, string>];
    const sources = Object.keys(parallel).filter((path) => path.startsWith("src/") && path.endsWith(".ts"));
    t.true(sources.length >= 10, `${sources.length} TypeScript sources`);
    t.deepEqual(Object.keys(parallel).sort(), Object.keys(sequential).sort());
    for (const path of Object.keys(sequential)) t.is(parallel[path], sequential[path], path);
  });
}

test("a job the helper cannot take is printed on this thread: no file is lost", async (t) => {
  const analyzed = analyzeFiles(diskSpecFiles(SPECS[0][1], REPO_ROOT));
  if (!analyzed.ok) return t.fail("the shipped spec has errors");
  const jobs = emitModules(analyzed.model).map((module) => ({ module, header: "// header" }));
  // A function cannot be sent to a thread; printing ignores the extra field.
  const unsendable = { ...jobs[0]!, module: { ...jobs[0]!.module, extra: () => 0 } };
  const helper = startHelper();
  if (helper === undefined) return t.fail("no helper thread could be started");
  try {
    const printer = helperPrinter(helper);
    printer.print(jobs.slice(1));
    printer.print([unsendable]);
    const files: EmittedFile[] = [];
    await printer.finish((file) => files.push(file));
    t.deepEqual(
      files.map((file) => file.path),
      [...jobs.slice(1), jobs[0]!].map((job) => `src/${job.module.path}.ts`),
      "every file, in the order given",
    );
    for (const job of jobs) t.is(files.find((file) => file.path === `src/${job.module.path}.ts`)?.contents, printTypeScriptFile(job).contents);
  } finally {
    await helper.close();
  }
});

test("a closed helper rejects its work, so the caller does it", async (t) => {
  const helper = startHelper();
  if (helper === undefined) return t.fail("no helper thread could be started");
  await helper.close();
  await t.throwsAsync(() => helper.run("read-products", []));
});

test("errors in a product spec read on the helper thread are reported exactly as without it", async (t) => {
  const dir = tempDir(t);
  const root = join(REPO_ROOT, "spec");
  cpSync(root, join(dir, "spec"), { recursive: true });
  // The last product the root lists is the helper's share: break it in two ways.
  const products = readdirSync(join(dir, "spec/products")).sort();
  const last = join(dir, "spec/products", products[products.length - 1]!);
  writeFileSync(last, readFileSync(last, "utf8").replace(/^product: .*$/m, "product: 42").concat("\nunknownKey: true\n"));
  const results = [];
  for (const parallel of [false, true]) results.push(await generate({ spec: join(dir, "spec/tencentcloud.yaml"), out: join(dir, `out-${parallel}`), cwd: dir, parallel }));
  const [sequential, helped] = results;
  if (sequential?.ok !== false || helped?.ok !== false) return t.fail("the broken spec generated");
  t.true(sequential.diagnostics.length >= 2, sequential.diagnostics.map((d) => d.message).join("\n"));
  t.deepEqual(helped.diagnostics, sequential.diagnostics);
});
