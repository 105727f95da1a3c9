// A team's own templates: the `.hbs` files of a folder (--templates, or the spec's `templates`) that
// replace errgen's built-in templates of the same name. Read here, in the load stage, like the specs.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { diagnostic, type Diagnostic } from "../diagnostics.ts";
import { BUILT_IN_TEMPLATES } from "../errgen-files.ts";
import { displayPath } from "./spec-files.ts";

export interface TemplateSource {
  /** As diagnostics show it. */
  readonly file: string;
  readonly text: string;
}

export interface Templates {
  /** Template name (`package-readme.md.hbs`) → the team's version of it. */
  readonly overrides: ReadonlyMap<string, TemplateSource>;
  readonly diagnostics: readonly Diagnostic[];
}

export const NO_TEMPLATES: Templates = { overrides: new Map(), diagnostics: [] };

/** errgen's own templates by name, read once per process. */
const builtIn = new Map<string, TemplateSource>();

/** errgen's own template of this name (`templates/<name>` in errgen's folder). */
export function builtInTemplate(name: string): TemplateSource {
  let template = builtIn.get(name);
  if (template === undefined) builtIn.set(name, (template = { file: `templates/${name}`, text: readFileSync(join(BUILT_IN_TEMPLATES, name), "utf8") }));
  return template;
}

/** The template a run renders by this name: the team's version when it has one, else errgen's. */
export function templateOf(templates: Templates, name: string): TemplateSource {
  return templates.overrides.get(name) ?? builtInTemplate(name);
}

/** The templates of the package's text files (README, product docs, changelog): those a team may replace. */
export function builtInTemplateNames(): string[] {
  return readdirSync(BUILT_IN_TEMPLATES).filter((name) => name.endsWith(".md.hbs")).sort();
}

export function loadTemplates(dir: string | undefined, cwd: string): Templates {
  if (dir === undefined) return NO_TEMPLATES;
  const shown = displayPath(dir, cwd);
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith(".hbs")).sort();
  } catch {
    return { overrides: new Map(), diagnostics: [diagnostic({ file: shown, line: 1, column: 1 }, `cannot read the templates folder ${shown}`)] };
  }
  const known = builtInTemplateNames();
  const overrides = new Map<string, TemplateSource>();
  const diagnostics: Diagnostic[] = [];
  for (const name of names) {
    const file = displayPath(join(dir, name), cwd);
    if (!known.includes(name)) {
      diagnostics.push(diagnostic({ file, line: 1, column: 1 }, `errgen has no template named ${name}: a template replaces one of ${known.join(", ")}`));
      continue;
    }
    overrides.set(name, { file, text: readFileSync(join(dir, name), "utf8") });
  }
  return { overrides, diagnostics };
}
