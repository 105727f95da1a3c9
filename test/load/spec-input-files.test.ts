// What the load stage accepts as spec files (load/spec-files.ts, load/decode-spec-text.ts): product
// specs only from the root spec's folder and below, never read otherwise (so never quoted in a
// diagnostic); UTF-8 text only, with a diagnostic at the first byte that is not.
import test from "ava";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runErrgen, tempDir } from "../helpers/run-cli.ts";

const HEAD = "specVersion: 1\npackage: {name: test-api-errors, version: 1.0.0}\ncodes: {A.B: {description: d}}\n";

test("a product spec outside the root spec's folder is refused where it is listed, and never read", async (t) => {
  const dir = tempDir(t);
  mkdirSync(join(dir, "spec/products"), { recursive: true });
  writeFileSync(join(dir, "elsewhere.yaml"), "product: secret\nversion: '1'\ncodes: {}\n# a line that must not reach a log\n");
  writeFileSync(join(dir, "spec/products/ok.yaml"), "product: ok\nversion: '1'\ncodes: {}\n");
  symlinkSync(join(dir, "elsewhere.yaml"), join(dir, "spec/products/link.yaml"));
  const list = "products: [products/ok.yaml, ../elsewhere.yaml, /etc/passwd, products/link.yaml]";
  writeFileSync(join(dir, "spec/spec.yaml"), `${HEAD}${list}\n`);
  for (const pretty of ["false", "true"]) {
    const run = await runErrgen(["generate", "--spec", "spec/spec.yaml", "--out", "out", "--pretty", pretty], dir);
    t.is(run.code, 1);
    for (const item of ["../elsewhere.yaml", "/etc/passwd", "products/link.yaml"]) {
      t.true(run.stderr.includes(`spec/spec.yaml:4:${list.indexOf(item) + 1}: error: product spec "${item}" is outside the root spec's folder: errgen reads product specs only from that folder and below; move it there`), `${item}:\n${run.stderr}`);
    }
    t.notRegex(run.stderr, /root:|must not reach a log|secret/, "nothing of those files is shown");
    t.regex(run.stderr, /errgen: 3 errors; nothing was written\n$/);
  }
});

const encodings: [string, { bytes: Buffer; stderr: string }][] = [
  [
    "Latin-1 text",
    { bytes: Buffer.concat([Buffer.from(`${HEAD}\n  C.D: {description: "caf`), Buffer.from([0xe9]), Buffer.from('"}\n')]), stderr: "spec.yaml:5:26: error: the file is not UTF-8: the bytes here (0xe9 0x22 0x7d 0x0a) are no UTF-8 character; save the file as UTF-8 (it may be Latin-1 or GBK)" },
  ],
  ["UTF-16 with a byte-order mark", { bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(HEAD, "utf16le")]), stderr: "spec.yaml:1:1: error: the file is UTF-16 (little-endian, by its byte-order mark): save the file as UTF-8" }],
  ["UTF-16 without one", { bytes: Buffer.from(HEAD, "utf16le"), stderr: "spec.yaml:1:2: error: the file holds a NUL byte here: it looks like UTF-16 without a byte-order mark, or not text at all; save the file as UTF-8" }],
  ["an overlong encoding of '/'", { bytes: Buffer.concat([Buffer.from(`${HEAD}# `), Buffer.from([0xc0, 0xaf]), Buffer.from("\n")]), stderr: "spec.yaml:4:3: error: the file is not UTF-8: the bytes here (0xc0 0xaf 0x0a) are no UTF-8 character; save the file as UTF-8 (it may be Latin-1 or GBK)" }],
];

for (const [name, { bytes, stderr }] of encodings) {
  test(`encoding: ${name} is a diagnostic at the first bad byte, as a root spec and as a product spec`, async (t) => {
    const dir = tempDir(t);
    writeFileSync(join(dir, "spec.yaml"), bytes);
    const root = await runErrgen(["generate", "--spec", "spec.yaml", "--out", "out"], dir);
    t.is(root.code, 1);
    t.is(root.stderr, `${stderr}\nerrgen: 1 error; nothing was written\n`);
    mkdirSync(join(dir, "outer"));
    writeFileSync(join(dir, "outer/root.yaml"), `${HEAD}products: [../spec.yaml]\n`.replace("../spec.yaml", "inner.yaml"));
    writeFileSync(join(dir, "outer/inner.yaml"), bytes);
    const product = await runErrgen(["generate", "--spec", "outer/root.yaml", "--out", "out"], dir);
    t.is(product.code, 1);
    t.true(product.stderr.startsWith(stderr.replace("spec.yaml:", "outer/inner.yaml:")), product.stderr);
  });
}

test("a byte-order mark before UTF-8 is fine", async (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, "spec.yaml"), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(HEAD.replace("d}", "Café ☕ 错误}"))]));
  const run = await runErrgen(["generate", "--spec", "spec.yaml", "--out", "out"], dir);
  t.is(run.code, 0, run.stderr);
});
