// The package through a real registry: published to Verdaccio, installed by name and version into a
// fresh consumer, and run. The server is stopped and every folder removed, also when a step fails.
import test from "ava";
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { promisify } from "node:util";
import { packPackage } from "../helpers/consumer.ts";
import { REPO_ROOT, tempDir } from "../helpers/run-cli.ts";
import { npmFor, startRegistry } from "../helpers/verdaccio.ts";

const run = promisify(execFile);

test("npm publish to a local registry, install by name and version, run", async (t) => {
  const dir = tempDir(t, "errgen-registry-");
  const registry = await startRegistry(join(dir, "verdaccio"));
  t.teardown(() => registry.stop());
  const { npm } = npmFor(registry, join(dir, "npm"));

  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, "generated/tencentcloud-api-errors/package.json"), "utf8"));
  const tarball = packPackage(join(REPO_ROOT, "generated/tencentcloud-api-errors"), join(dir, "pack"));
  await npm(["publish", tarball], dir);
  const view = await npm(["view", `${manifest.name}@${manifest.version}`, "version"], dir);
  t.is(view.stdout.trim(), manifest.version);

  const consumer = join(dir, "consumer");
  mkdirSync(consumer);
  writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module", dependencies: { [manifest.name]: manifest.version } }));
  await npm(["install"], consumer);
  const lock = JSON.parse(readFileSync(join(consumer, "package-lock.json"), "utf8"));
  // npm 11 leaves `resolved` out of the lock; the integrity shows the bytes are the ones published.
  const integrity = `sha512-${createHash("sha512").update(readFileSync(tarball)).digest("base64")}`;
  t.is(lock.packages[`node_modules/${manifest.name}`]?.integrity, integrity);
  t.true(existsSync(join(dir, "verdaccio/storage", manifest.name, basename(tarball))), "the registry stored the tarball");
  copyFileSync(join(REPO_ROOT, "test/fixtures/registry/consumer.mjs"), join(consumer, "consumer.mjs"));
  const { stdout } = await run(process.execPath, ["consumer.mjs"], { cwd: consumer });
  t.is(stdout, `registry consumer: ok (${manifest.name}@${manifest.version})\n`);
});
