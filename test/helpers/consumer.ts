// Packs a generated package with npm and installs it into a throwaway consumer project, the way
// another team would get it: no path mapping, no access to the repo's sources.
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "./run-cli.ts";

const NPM_QUIET = ["--no-audit", "--no-fund", "--loglevel=error"];

/** `npm pack` of a package folder into `destination`; returns the tarball's path. */
export function packPackage(packageDir: string, destination: string): string {
  mkdirSync(destination, { recursive: true });
  execFileSync("npm", ["pack", packageDir, "--pack-destination", destination, ...NPM_QUIET], { stdio: "pipe" });
  const tarball = readdirSync(destination).find((name) => name.endsWith(".tgz"));
  if (!tarball) throw new Error(`npm pack wrote no tarball into ${destination}`);
  return join(destination, tarball);
}

/** A consumer project with `dependencies` (name → tarball path) installed from the tarballs alone. */
export function installConsumer(dir: string, dependencies: Record<string, string>): void {
  mkdirSync(dir, { recursive: true });
  const deps = Object.fromEntries(Object.entries(dependencies).map(([name, tarball]) => [name, `file:${tarball}`]));
  writeFileSync(join(dir, "package.json"), `${JSON.stringify({ name: "consumer", private: true, dependencies: deps }, null, 2)}\n`);
  execFileSync("npm", ["install", "--offline", "--ignore-scripts", ...NPM_QUIET], { cwd: dir, stdio: "pipe" });
}

/** Compiles a consumer with the repo's TypeScript (`typescript` in devDependencies) and `--strict`. */
export function compileConsumer(dir: string, files: readonly string[], extraOptions: Record<string, unknown> = {}): void {
  const tsconfig = {
    compilerOptions: {
      strict: true,
      target: "ES2022",
      module: "NodeNext",
      moduleResolution: "NodeNext",
      outDir: "out",
      typeRoots: [join(REPO_ROOT, "node_modules/@types")],
      types: ["node"],
      ...extraOptions,
    },
    files,
  };
  writeFileSync(join(dir, "tsconfig.json"), `${JSON.stringify(tsconfig, null, 2)}\n`);
  execFileSync(process.execPath, [join(REPO_ROOT, "node_modules/typescript/bin/tsc"), "-p", dir], { stdio: "pipe" });
}

/** Runs a compiled file under Node and returns its stdout. */
export function runNode(file: string, cwd: string): string {
  return execFileSync(process.execPath, [file], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}
