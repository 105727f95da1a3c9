// Prints TypeScript files from ts-morph structures, each file in one call: building a file node
// by node makes ts-morph reparse it on every change, which is quadratic in the number of codes.
import { IndentationText, NewLineKind, Project, QuoteKind, type StatementStructures, type WriterFunction } from "ts-morph";
import { generatedHeader, type EmittedFile } from "./emitted-file.ts";

export type Statement = string | WriterFunction | StatementStructures;

export class TypeScriptPrinter {
  private readonly project = new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: {
      indentationText: IndentationText.TwoSpaces,
      newLineKind: NewLineKind.LineFeed,
      quoteKind: QuoteKind.Double,
      useTrailingCommas: true,
    },
  });

  constructor(private readonly source: string) {}

  /** One source file under `src/`: the generated-code header, the imports, a blank line, the statements. */
  print(path: string, imports: readonly string[], statements: readonly Statement[]): EmittedFile {
    const head: WriterFunction = (writer) => {
      writer.write(generatedHeader(this.source));
      for (const line of imports) writer.newLine().write(line);
      writer.blankLine();
    };
    const file = this.project.createSourceFile(`/${path}`, { statements: [head, ...statements] }, { overwrite: true });
    const contents = file.getFullText();
    this.project.removeSourceFile(file);
    return { path, contents: contents.endsWith("\n") ? contents : `${contents}\n` };
  }
}

/** `import { a, b } from "./module.js";` (or `export`), one name per line once it grows past a line. */
export function namedModuleStatement(keyword: "import" | "export", names: readonly string[], module: string): string {
  const from = `from "./${module}.js";`;
  const single = `${keyword} { ${names.join(", ")} } ${from}`;
  return single.length <= 100 ? single : `${keyword} {\n${names.map((name) => `  ${name},\n`).join("")}} ${from}`;
}

/** A function or block body written as the given lines, exactly (ts-morph would add blank lines after `}`). */
export function body(...lines: readonly string[]): WriterFunction {
  return (writer) => {
    lines.forEach((line, index) => {
      if (index > 0) writer.newLine();
      writer.write(line);
    });
  };
}

/**
 * A whole declaration whose value is written one item per line, flush with the statement: ts-morph
 * gives initializers and types a hanging indent, which a long list or union should not have.
 * `const X: T = [\n  a,\n];`, `const X: T = {\n  "k": v,\n};` or `type X =\n  | "a"\n  | "b";`.
 */
export function listDeclaration(options: {
  readonly docs?: string;
  readonly head: string;
  readonly layout: "array" | "object" | "union";
  readonly items: readonly string[];
}): WriterFunction {
  const { docs, head, layout, items } = options;
  return (writer) => {
    writer.blankLineIfLastNot();
    if (docs !== undefined) writer.write(`/** ${docs} */`).newLine();
    if (layout === "union") {
      writer.write(`${head} =`);
      if (items.length === 0) writer.write(" never");
      for (const item of items) writer.newLine().write(`  | ${item}`);
      writer.write(";");
      return;
    }
    const [open, close] = layout === "array" ? ["[", "]"] : ["{", "}"];
    writer.write(`${head} = ${open}`);
    for (const item of items) writer.newLine().write(`  ${item},`);
    writer.newLine().write(`${close};`);
  };
}
