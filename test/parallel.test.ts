// Large specs print their TypeScript on a worker thread. The package must be the same bytes either
// way, and a worker that fails must not lose a file.
import test from "ava";
import { join, relative } from "node:path";
import { generate } from "../generator/errgen.ts";
import { emitModules } from "../generator/emit/emit-package.ts";
import type { EmittedFile } from "../generator/emit/emitted-file.ts";
import { printTypeScriptFile, startTypeScriptPrinter } from "../generator/emit/typescript-printer.ts";
import { analyzeFiles } from "../generator/errgen.ts";
import { diskSpecFiles } from "../generator/load/spec-files.ts";
import { folderContents, REPO_ROOT, tempDir } from "./helpers/run-cli.ts";

const SPECS = [
  ["the shipped spec", join(REPO_ROOT, "spec/tencentcloud.yaml")],
  ["the everything fixture", join(REPO_ROOT, "test/fixtures/valid/everything/spec.yaml")],
] as const;

for (const [name, spec] of SPECS) {
  test(`${name}: printing TypeScript on a worker gives the same package, byte for byte`, async (t) => {
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

test("a job the worker cannot take is printed on this thread: no file is lost", async (t) => {
  const analyzed = analyzeFiles(diskSpecFiles(SPECS[0][1], REPO_ROOT));
  if (!analyzed.ok) return t.fail("the shipped spec has errors");
  const jobs = emitModules(analyzed.model).map((module) => ({ module, header: "// header" }));
  // A function cannot be sent to a worker; printing ignores the extra field.
  const unsendable = { ...jobs[0]!, module: { ...jobs[0]!.module, extra: () => 0 } };
  const printer = startTypeScriptPrinter();
  if (printer === undefined) return t.fail("no worker could be started");
  try {
    printer.print(jobs.slice(1));
    printer.print([unsendable]);
    const files: EmittedFile[] = [];
    await printer.finish((file) => files.push(file));
    t.is(files.length, jobs.length);
    const expected = jobs.map(printTypeScriptFile);
    for (const file of expected) t.is(files.find((printed) => printed.path === file.path)?.contents, file.contents, file.path);
  } finally {
    await printer.close();
  }
});
