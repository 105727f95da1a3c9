// The command line as this repository runs it: from generator/dist/, rebuilt first whenever the
// sources differ from the ones it was built from, so it never runs stale code. With ERRGEN_BUNDLE=0,
// or when the sources do not build, it runs from the sources through tsx (which reports a source
// that does not compile with its position). Not part of the published package.
import { build, isBuildCurrent, sourcesSignature, DIST } from "./build.js";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

/** The command line's module: `{ runCli }`. */
export async function loadCli(env = process.env) {
  if (env.ERRGEN_BUNDLE !== "0") {
    const signature = sourcesSignature();
    let current = isBuildCurrent(signature);
    if (!current) {
      try {
        await build({ signature });
        current = true;
      } catch {
        // Sources that do not compile are reported by tsx below, with their position.
      }
    }
    if (current) {
      try {
        const cli = await import(pathToFileURL(join(DIST, "cli.js")).href);
        process.setSourceMapsEnabled(true); // stack traces (errgen's own bugs) name the TypeScript sources
        return cli;
      } catch (error) {
        // Another run swapped a newer build in at this very moment: run from source this once.
        if (error?.code !== "ERR_MODULE_NOT_FOUND") throw error;
      }
    }
  }
  const { register } = await import("tsx/esm/api");
  register();
  return import("../cli.ts");
}
