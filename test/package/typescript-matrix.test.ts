// The packed package type-checks, with no errors and no skipLibCheck, under every TypeScript a team
// may have (5.0, 5.9, 6.0 and the native 7.0) and every module resolution (node16, nodenext, bundler),
// strictest options on; and once more with verbatimModuleSyntax, isolatedModules, erasableSyntaxOnly.
import test, { type ExecutionContext } from "ava";
import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { installConsumer, packPackage } from "../helpers/consumer.ts";
import { REPO_ROOT } from "../helpers/run-cli.ts";

const run = promisify(execFile);
const COMPILERS = [
  ["5.0", "typescript-5.0"],
  ["5.9", "typescript"],
  ["6.0", "typescript-6.0"],
  ["7.0", "typescript-7"],
] as const;
const RESOLUTIONS = [
  ["node16", { module: "node16", moduleResolution: "node16" }, ["consumer.ts", "consumer.cts"]],
  ["nodenext", { module: "nodenext", moduleResolution: "nodenext" }, ["consumer.ts", "consumer.cts"]],
  ["bundler", { module: "esnext", moduleResolution: "bundler" }, ["consumer.ts"]],
] as const;
const STRICTEST = { strict: true, exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true, target: "es2022", noEmit: true, skipLibCheck: false, types: [] };

/** One consumer project for the whole file: the package packed and installed once. */
let dir = "";
test.before(() => {
  const root = mkdtempSync(join(tmpdir(), "errgen-matrix-"));
  const tarball = packPackage(join(REPO_ROOT, "generated/tencentcloud-api-errors"), join(root, "pack"));
  dir = join(root, "consumer");
  installConsumer(dir, { "tencentcloud-api-errors": tarball });
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  for (const file of ["consumer.ts", "consumer.cts"]) copyFileSync(join(REPO_ROOT, "test/fixtures/matrix", file), join(dir, file));
});
test.after.always(() => {
  if (dir) rmSync(join(dir, ".."), { recursive: true, force: true });
});

async function typeCheck(t: ExecutionContext, compiler: string, name: string, options: object, files: readonly string[]): Promise<void> {
  const config = join(dir, `tsconfig.${name}.json`);
  writeFileSync(config, JSON.stringify({ compilerOptions: { ...STRICTEST, ...options }, files }));
  try {
    await run(process.execPath, [join(REPO_ROOT, "node_modules", compiler, "bin/tsc"), "-p", config], { cwd: dir });
    t.pass();
  } catch (error) {
    t.fail(`${compiler} ${name}:\n${(error as { stdout?: string }).stdout}`);
  }
}

for (const [version, compiler] of COMPILERS) {
  for (const [resolution, options, files] of RESOLUTIONS) {
    test.serial(`TypeScript ${version}, ${resolution}, strictest options`, async (t) => {
      await typeCheck(t, compiler, `${version}-${resolution}`, options, files);
    });
  }
}

for (const [version, compiler] of COMPILERS.filter(([version]) => version !== "5.0")) {
  test.serial(`TypeScript ${version}, nodenext with verbatimModuleSyntax, isolatedModules and erasableSyntaxOnly`, async (t) => {
    const options = { module: "nodenext", moduleResolution: "nodenext", verbatimModuleSyntax: true, isolatedModules: true, erasableSyntaxOnly: true };
    await typeCheck(t, compiler, `${version}-erasable`, options, ["consumer.ts"]);
  });
}
