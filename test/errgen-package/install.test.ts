// errgen in its users' projects, end to end, through a real registry. errgen is packed (prepack builds
// it) and published to Verdaccio on loopback with the packages it needs; a fresh npm project installs
// it by name, runs `init` and a plain `generate` as a user who may not write into node_modules/errgen,
// calls the typed API, and publishes the package it wrote; a second project installs that package by
// name, compiles a strict consumer and runs it. A pnpm project (strict, linked node_modules) and a
// yarn 4 project (nodeLinker: node-modules) do the same steps. The server is stopped and every folder removed, also when a step fails.
import test from "ava";
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { compileConsumer, runNode } from "../helpers/consumer.ts";
import { folderSnapshot, packErrgen, runtimeDependencyFolders } from "../helpers/errgen-package.ts";
import { restrictWrites, type RunAs } from "../helpers/restricted-user.ts";
import { REPO_ROOT, tempDir } from "../helpers/run-cli.ts";
import { npmFor, startRegistry, type Registry, type RegistryNpm } from "../helpers/verdaccio.ts";

const FIXTURES = join(REPO_ROOT, "test/fixtures/install");
const MANIFEST = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8"));
const PNPM = join(REPO_ROOT, "node_modules/pnpm/bin/pnpm.cjs");
const YARN = join(REPO_ROOT, "node_modules/@yarnpkg/cli-dist/bin/yarn.js");

interface Published {
  readonly dir: string;
  readonly registry: Registry;
  readonly client: RegistryNpm;
  readonly tarball: string;
}

let published: Promise<Published> | undefined;

/** One registry for the file: errgen packed and published once, with its run-time dependencies. */
function registryWithErrgen(t: Parameters<typeof tempDir>[0]): Promise<Published> {
  published ??= (async () => {
    const dir = tempDir(t, "errgen-install-");
    const registry = await startRegistry(join(dir, "verdaccio"));
    const client = npmFor(registry, join(dir, "npm"));
    const tarball = packErrgen(join(dir, "errgen-copy"), join(dir, "pack"));
    await Promise.all([tarball, ...runtimeDependencyFolders()].map((source) => client.npm(["publish", source, "--ignore-scripts"], dir)));
    return { dir, registry, client, tarball };
  })();
  return published;
}

test.after.always(async () => {
  if (published) await (await published).registry.stop();
});

/** The README's example of the API ("From a build script"), which must compile against the installed errgen. */
function readmeApiExample(): string {
  const readme = readFileSync(join(REPO_ROOT, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("**From a build script**"));
  const example = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  if (example === undefined || !example.includes('from "errgen"')) throw new Error("the README has no API example under **From a build script**");
  return example;
}

/** A fresh project folder with a package.json and an .npmrc pointing at the registry. */
function freshProject(root: string, name: string, registry: Registry, extra: Record<string, unknown> = {}): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), `${JSON.stringify({ name, version: "1.0.0", private: true, ...extra }, null, 2)}\n`);
  writeFileSync(join(dir, ".npmrc"), `registry=${registry.url}/\n`);
  return dir;
}

/** What the errgen command line does in a fresh project: init, generate, a cached rerun, check, a spec error. */
async function initAndGenerate(t: Parameters<typeof tempDir>[0], runAs: RunAs, project: string, packageName: string): Promise<void> {
  const errgen = (...args: string[]) => runAs(join(project, "node_modules/.bin/errgen"), args, project);
  const version = await errgen("--version");
  t.is(version.stdout, `${MANIFEST.version}\n`, version.stderr);

  const init = await errgen("init");
  t.is(init.code, 0, init.stderr);
  t.is(init.stdout, "errgen: wrote errors.yaml. Next: edit its codes, then run `errgen generate`\n");
  const schema = /^# yaml-language-server: \$schema=(\S+)\n/.exec(readFileSync(join(project, "errors.yaml"), "utf8"))?.[1];
  t.is(schema, "node_modules/errgen/generated/schema/errgen-spec.schema.json", "through node_modules/errgen, never a store path");
  t.true(existsSync(resolve(project, schema!)), "the $schema line resolves in the install");

  const first = await errgen("generate");
  t.is(first.code, 0, first.stderr);
  t.regex(first.stdout, new RegExp(`^errgen: generated/${packageName} \\(3 codes\\): \\d+ written, 0 unchanged, 0 removed in`));
  t.true(existsSync(join(project, "generated", packageName, "dist/esm/index.d.ts")));
  const second = await errgen("generate");
  t.regex(second.stdout, /: 0 written, \d+ unchanged, 0 removed \(up to date since the last run\)/);
  t.is(readdirSync(join(project, "node_modules/.cache/errgen")).length, 1, "the output cache is in the project");
  t.is((await errgen("check")).code, 0);
  const verified = await errgen("check", "--verify");
  t.regex(verified.stdout, /is up to date, type-checked with TypeScript 6\./, verified.stderr);

  const spec = readFileSync(join(project, "errors.yaml"), "utf8");
  writeFileSync(join(project, "errors.yaml"), spec.replace("    description: Internal error.", "    descripton: Internal error."));
  const broken = await errgen("generate");
  t.is(broken.code, 1);
  t.regex(broken.stderr, /^errors\.yaml:\d+:5: error: unknown key "descripton" in code "InternalError"; did you mean "description"\?\n/);

  // Plugins: a .ts one that imports a value from ts-morph (the project's, or errgen's own where the
  // package manager hides it) and errgen's types, and a .mjs one; their modules become subpaths.
  mkdirSync(join(project, "plugins"), { recursive: true });
  writeFileSync(join(project, "plugins/status.ts"), PLUGIN_TS);
  writeFileSync(join(project, "plugins/count.mjs"), 'export default ({ model, createSourceFile }) => createSourceFile("count", `export const codeCount = ${model.codes.length};\n`);\n');
  writeFileSync(join(project, "errors.yaml"), `${spec}plugins:\n  - ./plugins/status.ts\n  - ./plugins/count.mjs\n`);
  const withPlugins = await errgen("generate");
  t.is(withPlugins.code, 0, withPlugins.stderr);
  const packageDir = join(project, "generated", packageName);
  t.is(readFileSync(join(packageDir, "dist/cjs/count.js"), "utf8").split("\n").at(-2), "exports.codeCount = 3;");
  t.regex(readFileSync(join(packageDir, "dist/esm/status.d.ts"), "utf8"), /export declare function statusOf\(error: unknown\): number;/);
  t.is(JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")).exports["./status"].import.types, "./dist/esm/status.d.ts");
  t.regex((await errgen("generate")).stdout, /up to date since the last run/);
  t.is((await errgen("check", "--verify")).code, 0);
  writeFileSync(join(project, "errors.yaml"), spec);
  t.is((await errgen("generate")).code, 0);
  t.false(existsSync(join(packageDir, "dist/esm/status.js")), "the plugins gone, their modules are gone");
}

/** A plugin as a team writes one: TypeScript, ts-morph structures, errgen's types. */
const PLUGIN_TS = `import { StructureKind } from "ts-morph";
import type { ErrgenPlugin } from "errgen";

const plugin: ErrgenPlugin = ({ model, createSourceFile }) => {
  createSourceFile("status", {
    statements: [
      { kind: StructureKind.ImportDeclaration, moduleSpecifier: "./index.js", namedImports: ["isApiError"] },
      {
        kind: StructureKind.Function,
        isExported: true,
        docs: ["400 for a client's fault, 500 otherwise."],
        name: "statusOf",
        parameters: [{ name: "error", type: "unknown" }],
        returnType: "number",
        statements: [\`const client = new Set<string>(\${JSON.stringify(model.codes.filter((code) => code.fault === "client").map((code) => code.code))});\`, "return isApiError(error) && client.has(error.code) ? 400 : 500;"],
      },
    ],
  });
};

export default plugin;
`;

test("npm: errgen installed by name generates with no flags, never writes into itself; its package is published, installed by name and used", async (t) => {
  const { dir, registry, client, tarball } = await registryWithErrgen(t);
  const project = freshProject(dir, "acme-billing", registry, { type: "module" });
  await client.npm(["install", "-D", "errgen"], project);
  const manifest = JSON.parse(readFileSync(join(project, "package.json"), "utf8"));
  t.is(manifest.devDependencies.errgen, `^${MANIFEST.version}`);
  const lock = JSON.parse(readFileSync(join(project, "package-lock.json"), "utf8"));
  t.is(lock.packages["node_modules/errgen"]?.integrity, `sha512-${createHash("sha512").update(readFileSync(tarball)).digest("base64")}`, "the bytes published");

  const installed = join(project, "node_modules/errgen");
  const before = folderSnapshot(installed);
  const runAs = restrictWrites(t, project, [installed]);
  await initAndGenerate(t, runAs, project, "acme-billing-errors");

  // The typed API: compiled strictly against errgen's own declarations (skipLibCheck off), run from ESM and CommonJS.
  for (const file of ["build.mts", "build.cjs"]) copyFileSync(join(FIXTURES, file), join(project, file));
  writeFileSync(join(project, "readme-example.mts"), readmeApiExample());
  try {
    // The plugin too: errgen's plugin types, from the install.
    compileConsumer(project, ["build.mts", "readme-example.mts", "plugins/status.ts"], { skipLibCheck: false });
  } catch (error) {
    return t.fail(`tsc failed:\n${String((error as { stdout?: Buffer }).stdout ?? error)}`);
  }
  const api = await runAs(process.execPath, ["out/build.mjs"], project);
  t.is(api.stdout, "api: generated/acme-billing-errors (3 codes), up to date, no changes; bad spec: empty.yaml:1:1: error: the spec is empty: expected a mapping with specVersion, package and codes\n", api.stderr);
  const cjs = await runAs(process.execPath, ["build.cjs"], project);
  t.is(cjs.stdout, "cjs api: up to date\n", cjs.stderr);

  t.deepEqual(folderSnapshot(installed), before, "nothing in node_modules/errgen changed");

  // No cache folder the user may write: every run is a full one, and still generates.
  execFileSync("rm", ["-rf", join(project, "node_modules/.cache")]);
  const noCache = restrictWrites(t, project, [installed, join(project, "node_modules")]);
  const spec = readFileSync(join(project, "errors.yaml"), "utf8");
  writeFileSync(join(project, "errors.yaml"), spec.replace("Internal error.", "Internal error; try again."));
  const uncached = await noCache(join(project, "node_modules/.bin/errgen"), ["generate"], project);
  t.is(uncached.code, 0, uncached.stderr);
  t.regex(uncached.stdout, /: [1-9]\d* written, \d+ unchanged, 0 removed in/);
  t.false(existsSync(join(project, "node_modules/.cache")));
  t.notRegex((await noCache(join(project, "node_modules/.bin/errgen"), ["generate"], project)).stdout, /up to date since the last run/);

  // The package errgen wrote, published and installed by name in another project, used by a strict consumer.
  await client.npm(["publish", join(project, "generated/acme-billing-errors")], dir);
  const consumer = freshProject(dir, "acme-checkout", registry, { type: "module" });
  await client.npm(["install", "acme-billing-errors@0.1.0"], consumer);
  copyFileSync(join(FIXTURES, "consumer.mts"), join(consumer, "consumer.mts"));
  try {
    compileConsumer(consumer, ["consumer.mts"]);
  } catch (error) {
    return t.fail(`tsc failed:\n${String((error as { stdout?: Buffer }).stdout ?? error)}`);
  }
  t.is(runNode(join(consumer, "out/consumer.mjs"), consumer), "consumer: ok (AuthFailure.TokenExpired, r-1, retry RequestLimitExceeded)\n");

  // ts-morph (and the compiler in it) loads only for --verify: without it, everything else still runs.
  renameSync(join(project, "node_modules/ts-morph"), join(project, "node_modules/ts-morph-gone"));
  t.is((await runAs(join(project, "node_modules/.bin/errgen"), ["check"], project)).code, 0);
  const noCompiler = await runAs(join(project, "node_modules/.bin/errgen"), ["check", "--verify"], project);
  t.is(noCompiler.code, 2);
  t.regex(noCompiler.stderr, /^errgen: cannot start: Cannot find package 'ts-morph' imported from \S+ \(errgen's install is incomplete: reinstall it\)\n$/);

  // A broken install (a dependency gone) is one line and exit code 2, not a stack trace.
  renameSync(join(project, "node_modules/js-yaml"), join(project, "node_modules/js-yaml-gone"));
  const missing = await runAs(join(project, "node_modules/.bin/errgen"), ["generate"], project);
  t.is(missing.code, 2);
  t.regex(missing.stderr, /^errgen: cannot start: Cannot find package 'js-yaml' imported from \S+ \(errgen's install is incomplete: reinstall it\)\n$/);
  const stillStarts = await runAs(join(project, "node_modules/.bin/errgen"), ["--version"], project);
  t.is(stillStarts.stdout, `${MANIFEST.version}\n`, "--version needs none of the pipeline's dependencies");
});

test("pnpm: errgen installed by name into strict, linked node_modules generates with no flags and never writes into its store", async (t) => {
  const { dir, registry } = await registryWithErrgen(t);
  const project = freshProject(dir, "acme-ledger", registry);
  const store = join(dir, "pnpm-store");
  execFileSync(process.execPath, [PNPM, "add", "-D", "errgen", `--store-dir=${store}`, "--config.update-notifier=false", "--reporter=silent"], { cwd: project, stdio: "pipe" });
  const link = join(project, "node_modules/errgen");
  t.true(existsSync(link));
  t.regex(readdirSync(join(project, "node_modules/.pnpm")).join(" "), /errgen@/, "installed into pnpm's virtual store");
  t.false(existsSync(join(project, "node_modules/js-yaml")), "strict: errgen's dependencies are not hoisted to the project");

  const before = folderSnapshot(link);
  const runAs = restrictWrites(t, project, [link]);
  await initAndGenerate(t, runAs, project, "acme-ledger-errors");
  copyFileSync(join(FIXTURES, "build.cjs"), join(project, "build.cjs"));
  const cjs = await runAs(process.execPath, ["build.cjs"], project);
  t.is(cjs.stdout, "cjs api: up to date\n", cjs.stderr);
  t.deepEqual(folderSnapshot(link), before, "nothing in errgen's folder changed");
});

test("yarn 4 (nodeLinker: node-modules): errgen installed by name generates with no flags and never writes into itself", async (t) => {
  const { dir, registry } = await registryWithErrgen(t);
  const project = freshProject(dir, "acme-orders", registry);
  const host = new URL(registry.url).hostname;
  writeFileSync(
    join(project, ".yarnrc.yml"),
    `nodeLinker: node-modules\nnpmRegistryServer: "${registry.url}"\nunsafeHttpWhitelist: ["${host}"]\nenableGlobalCache: false\nenableMirror: false\nglobalFolder: "${join(dir, "yarn-global")}"\nenableTelemetry: false\nnpmMinimalAgeGate: 0\n`, // errgen was published seconds ago; nothing from the user's yarn setup
  );
  writeFileSync(join(project, "yarn.lock"), "");
  execFileSync(process.execPath, [YARN, "add", "-D", "errgen"], { cwd: project, stdio: "pipe", env: { ...process.env, YARN_ENABLE_PROGRESS_BARS: "false" } });
  const installed = join(project, "node_modules/errgen");
  const before = folderSnapshot(installed);
  const runAs = restrictWrites(t, project, [installed]);
  await initAndGenerate(t, runAs, project, "acme-orders-errors");
  t.deepEqual(folderSnapshot(installed), before, "nothing in node_modules/errgen changed");
});
