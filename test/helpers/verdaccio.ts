// A throwaway npm registry: Verdaccio on 127.0.0.1 with a temporary storage folder, no uplinks.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { promisify } from "node:util";
import { REPO_ROOT } from "./run-cli.ts";

export interface Registry {
  readonly url: string;
  /** Stops the server; safe to call twice. */
  stop(): Promise<void>;
}

/** npm, set up for the registry alone: its own config, cache and token; nothing from the user's setup or the public registry. */
export interface RegistryNpm {
  /** The config file, for other tools that read npm's (pnpm). */
  readonly npmrc: string;
  npm(args: readonly string[], cwd: string): Promise<{ readonly stdout: string; readonly stderr: string }>;
}

export function npmFor(registry: Registry, dir: string): RegistryNpm {
  const host = registry.url.replace(/^http:/, "");
  const npmrc = join(dir, "npmrc");
  mkdirSync(dir, { recursive: true });
  writeFileSync(npmrc, `registry=${registry.url}/\n${host}/:_authToken=errgen-test\ncache=${join(dir, "cache")}\naudit=false\nfund=false\nupdate-notifier=false\n`);
  const run = promisify(execFile);
  return { npmrc, npm: (args, cwd) => run("npm", [...args, "--userconfig", npmrc, "--loglevel=error"], { cwd, maxBuffer: 1 << 24 }) };
}

export async function startRegistry(dir: string): Promise<Registry> {
  const port = await freePort();
  mkdirSync(dir, { recursive: true });
  const config = join(dir, "config.yaml");
  writeFileSync(
    config,
    [
      `storage: ${JSON.stringify(join(dir, "storage"))}`,
      "auth:",
      "  htpasswd:",
      `    file: ${JSON.stringify(join(dir, "htpasswd"))}`,
      "    max_users: -1",
      "uplinks: {}",
      "packages:",
      "  '**':",
      "    access: $all",
      "    publish: $all",
      "    unpublish: $all",
      "log: { type: stdout, format: pretty, level: warn }",
      "",
    ].join("\n"),
  );
  const server = spawn(process.execPath, [join(REPO_ROOT, "node_modules/verdaccio/bin/verdaccio"), "--config", config, "--listen", `127.0.0.1:${port}`], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const registry = { url, stop: () => stop(server) };
  try {
    await waitUntilUp(url, server, () => output);
  } catch (error) {
    await registry.stop();
    throw error;
  }
  return registry;
}

async function waitUntilUp(url: string, server: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`verdaccio exited (${server.exitCode}):\n${output()}`);
    try {
      if ((await fetch(`${url}/-/ping`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`verdaccio did not answer within 30 s:\n${output()}`);
}

function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => server.kill("SIGKILL"), 5000);
    server.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    server.kill("SIGTERM");
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}
