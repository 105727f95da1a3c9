// What a plugin sees: the contract of ARCHITECTURE.md, "Plugins (ts-morph)". Types only, so that
// errgen's API can export them without loading ts-morph.
import type { OptionalKind, Project, SourceFile, SourceFileStructure, WriterFunction } from "ts-morph";
import type { Model } from "../model/model.ts";

/** What a plugin's default export is given. */
export interface PluginContext {
  /** The package's model: every code, class, category, product and action, as errgen's own emitters read it. Frozen. */
  readonly model: Model;
  /**
   * Adds `src/<name>.ts` to the package, in one call: errgen also builds it as ESM, CommonJS and `.d.ts`,
   * exports it as `<package>/<name>` and lists it in the README. `name` is lowercase letters, digits and `-`,
   * in segments joined by `/` (`http-status`, `helpers/lke`); a file imports the root entry as `./index.js`
   * (`../index.js` one folder down) and a product as `./products/<product>.js`.
   */
  createSourceFile(name: string, content: PluginFileContent): SourceFile;
  /**
   * The ts-morph project the files are made in, for plugins that need more: a file it holds under `src/`
   * is added like one from createSourceFile. errgen's own modules are in its file system
   * (`project.addSourceFileAtPath("/package/src/index.ts")`) and may be read, not changed.
   */
  readonly project: Project;
}

/** A file's statements as ts-morph structures, a writer function, or the text itself. */
export type PluginFileContent = string | WriterFunction | OptionalKind<SourceFileStructure>;

/** A plugin: the default export of a plugin module. */
export type ErrgenPlugin = (context: PluginContext) => void | Promise<void>;
