// Large specs share the work with a helper thread: it reads a share of the product specs, and prints
// and stages the TypeScript (sources and declarations). The package and the diagnostics must be the
// same either way, a helper that fails must not lose a file, and no file may be printed twice.
import test, { type ExecutionContext } from "ava";
import { cpSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { analyzeFiles, generate } from "../generator/errgen.ts";
import { emitModules } from "../generator/emit/emit-package.ts";
import { claimBatch, helperPrinter, printTypeScriptFiles, type PrintJob, type StagePrintJobs } from "../generator/emit/typescript-printer.ts";
import { startHelper, type Helper } from "../generator/worker/helper.ts";
import { packProductRead, unpackProductRead } from "../generator/worker/transfer-product-read.ts";
import { readProductSpec } from "../generator/validate/validate-spec.ts";
import { openPackageWriter, type PackageWriter } from "../generator/write/write-package.ts";
import { stageFiles, type StagedFile } from "../generator/write/stager.ts";
import { diskSpecFiles } from "../generator/load/spec-files.ts";
import { folderContents, REPO_ROOT, tempDir } from "./helpers/run-cli.ts";

const SPECS = [
  ["the shipped spec", join(REPO_ROOT, "spec/tencentcloud.yaml")],
  ["the billing example (every feature)", join(REPO_ROOT, "spec/examples/billing/spec.yaml")],
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

/** The shipped spec's modules as print jobs, a writer on an empty folder, and what it holds after `run`. */
async function printedThrough(t: ExecutionContext, run: (jobs: PrintJob[], writer: PackageWriter) => Promise<void>) {
  const analyzed = analyzeFiles(diskSpecFiles(SPECS[0][1], REPO_ROOT));
  if (!analyzed.ok) throw new Error("the shipped spec has errors");
  const jobs = emitModules(analyzed.model).map((module) => ({ module, header: "// header" }));
  const out = join(tempDir(t), "out");
  const writer = openPackageWriter(out);
  try {
    await run(jobs, writer);
  } catch (error) {
    writer.abort();
    throw error;
  }
  const report = await writer.commit();
  const expected = Object.fromEntries(jobs.flatMap(printTypeScriptFiles).map((file) => [file.path, file.contents]));
  const written = Object.fromEntries(Object.entries(folderContents(out)).map(([path, text]) => [relative(out, path), text]));
  return { jobs, report, expected, written };
}

test("a job the helper cannot take is printed on this thread: no file is lost", async (t) => {
  const helper = startHelper();
  if (helper === undefined) return t.fail("no helper thread could be started");
  try {
    const { report, expected, written } = await printedThrough(t, async (jobs, writer) => {
      const printer = helperPrinter(helper, writer.target, (files) => writer.adopt(files));
      // A function cannot be sent to a thread; printing ignores the extra field.
      const unsendable = { ...jobs[0]!, module: { ...jobs[0]!.module, extra: () => 0 } };
      for (const job of [unsendable, ...jobs.slice(1)]) printer.print(job);
      await printer.finish((file) => writer.add(file));
    });
    t.deepEqual(written, expected, "every source and declaration file, as printed here");
    t.deepEqual(report.written, Object.keys(expected).sort());
  } finally {
    await helper.close();
  }
});

test("batches the helper has not started when this thread is free are taken here, last first, and never printed twice", async (t) => {
  const requests: StagePrintJobs[] = [];
  const order: number[] = [];
  // A helper that takes the first batch and is still busy with it: this thread takes every other one.
  let finishFirst: (files: StagedFile[]) => void = () => {};
  const busy: Helper = {
    run: ((kind: string, input: StagePrintJobs) => {
      if (kind !== "stage-typescript") return Promise.reject(new Error(kind));
      requests.push(input);
      if (requests.length > 1) return new Promise(() => {}); // never reached: it would wait forever
      t.true(claimBatch(input.claim));
      return new Promise<StagedFile[]>((resolve) => (finishFirst = resolve));
    }) as Helper["run"],
    close: async () => {},
  };
  const { jobs, report, expected, written } = await printedThrough(t, async (jobs, writer) => {
    const printer = helperPrinter(busy, writer.target, (files) => writer.adopt(files));
    for (const job of jobs) printer.print(job);
    const first = requests[0]!;
    const adopted = await stageFiles(writer.target, first.jobs.flatMap(printTypeScriptFiles));
    const finished = printer.finish((file) => {
      // The jobs too few for a batch were never sent: they come first, as the very last.
      const batch = requests.findIndex((request) => request.jobs.some((job) => file.path.startsWith(`src/${job.module.path}.`) || file.path.includes(`/${job.module.path}.d.ts`)));
      order.push(batch === -1 ? requests.length : batch);
      writer.add(file);
    });
    finishFirst(adopted);
    await finished;
  });
  t.deepEqual(order, [...order].sort((a, b) => b - a), "the last batch first");
  t.false(order.includes(0), "not the helper's batch");
  t.true(requests.length > 2, `${requests.length} batches`);
  t.true(requests.every((request) => Atomics.load(request.claim, 0) === 1), "every batch claimed once");
  t.deepEqual(written, expected);
  t.is(report.written.length, jobs.length * 3, "each file counted once");
});

test("a package regenerated through the helper links every unchanged file: mtimes stay", async (t) => {
  const dir = tempDir(t);
  const out = join(dir, "out");
  const first = await generate({ spec: SPECS[1][1], out, cwd: dir, parallel: true, useCache: false });
  t.true(first.ok);
  const before = Object.fromEntries(Object.keys(folderContents(out)).map((path) => [path, statSync(path).mtimeMs]));
  const again = await generate({ spec: SPECS[1][1], out, cwd: dir, parallel: true, useCache: false });
  if (!again.ok) return t.fail("the second run failed");
  t.deepEqual(again.report.written, []);
  t.is(again.report.unchanged.length, Object.keys(before).length);
  for (const [path, mtimeMs] of Object.entries(before)) t.is(statSync(path).mtimeMs, mtimeMs, path);
});

test("product reads cross from the helper packed, and unpack to what was read", (t) => {
  const product = (name: string, text: string) => ({ location: { path: `/virtual/${name}`, displayPath: `products/${name}`, sourceName: `products/${name}` }, text });
  const files = [
    ...readdirSync(join(REPO_ROOT, "spec/products")).map((name) => product(name, readFileSync(join(REPO_ROOT, "spec/products", name), "utf8"))),
    product("invoices.yaml", readFileSync(join(REPO_ROOT, "spec/examples/billing/products/invoices.yaml"), "utf8")),
    product("since.yaml", "product: since\nversion: v1\nname: Since\ncodes:\n  A.B:\n    description: x\n    deprecated: gone\n    since: 2.0.0\n    name: AB\nactions:\n  Do: [A.B]\n"),
    product("broken.yaml", "product: 42\nversion: v1\ncodes:\n  A: {}\nactions:\n  Do: [A, 7]\nunknownKey: true\n"),
    product("unparsable.yaml", "product: [\n"),
  ];
  const reads = files.map(readProductSpec);
  t.true(reads.some((read) => read.diagnostics.length > 0), "some reads carry diagnostics");
  t.true(reads.some((read) => read.product?.codes.some((code) => code.since !== undefined && code.name !== undefined)), "a code with name: and since:");
  t.true(reads.some((read) => read.product?.identifier !== undefined), "a product with name:");
  for (const read of reads) t.deepEqual(unpackProductRead(structuredClone(packProductRead(read))), read);
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
