// The handlebars engine of every text errgen renders (README, product docs, changelog sections, the
// starter spec): strict mode, no HTML escaping, and the `md` and `cell` helpers that escape spec text for
// markdown. A template's failure is a diagnostic at its line.
import Handlebars from "handlebars";
import { diagnostic, ErrgenError, type Diagnostic } from "../diagnostics.ts";
import { templateOf, type Templates } from "../load/load-templates.ts";
import { markdownCell, markdownText } from "./safe-text.ts";

/** A team's template that does not compile or asks for a field its view lacks: a spec-level error (exit 1). */
export class TemplateError extends ErrgenError {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}

/** Compiled templates by their text: a template is compiled once per process, however many files use it. */
const compiled = new Map<string, Handlebars.TemplateDelegate>();

/**
 * Renders a template (the team's version when `templates` has one, else errgen's) with a plain view.
 * Handlebars runs in strict mode: a field the view lacks is an error naming the template's line.
 */
export function renderTemplate(name: string, view: object, templates: Templates): string {
  const { file, text } = templateOf(templates, name);
  try {
    let template = compiled.get(text);
    if (!template) {
      template = compileTemplate(text);
      compiled.set(text, template);
    }
    return template(view);
  } catch (error) {
    throw new TemplateError(templateDiagnostic(file, error as Error));
  }
}

/** Handlebars says `"foo" not defined in [object Object] - 3:4` or `Parse error on line 3:`: point at that place. */
function templateDiagnostic(file: string, error: Error): Diagnostic {
  const missing = /^"([^"]+)" not defined in .* - (\d+):(\d+)$/.exec(error.message);
  if (missing) {
    const position = { file, line: Number(missing[2]), column: Number(missing[3]) + 1 };
    return diagnostic(position, `the template refers to "${missing[1]}", which its view does not have: see "Templates" in errgen's README for each template's fields`);
  }
  const parse = /^Parse error on line (\d+):\n[^\n]*\n(-*)\^\n(.*)/s.exec(error.message);
  if (parse) return diagnostic({ file, line: Number(parse[1]), column: (parse[2]?.length ?? 0) + 1 }, `the template does not parse: ${parse[3]!.split("\n")[0]}`);
  const located = /^(.*) - (\d+):(\d+)$/s.exec(error.message);
  if (located) return diagnostic({ file, line: Number(located[2]), column: Number(located[3]) + 1 }, `the template does not compile: ${located[1]}`);
  return diagnostic({ file, line: 1, column: 1 }, `the template failed: ${error.message.split("\n")[0]}`);
}

export function compileTemplate(template: string): Handlebars.TemplateDelegate {
  const handlebars = Handlebars.create();
  handlebars.registerHelper("md", (text: unknown) => markdownText(String(text)));
  handlebars.registerHelper("cell", (text: unknown) => markdownCell(String(text)));
  return handlebars.compile(template, { strict: true, noEscape: true });
}
