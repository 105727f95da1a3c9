// The command line as data: every command with its arguments and options, the parser that reads
// argv against it (suggesting the nearest name for a typo), and the help text built from it.
import { ErrgenError } from "../diagnostics.ts";
import { nearest } from "../validate/check-shape.ts";

export interface OptionSpec {
  readonly name: string;
  readonly short?: string;
  /** The value's placeholder; absent for a flag. */
  readonly value?: string;
  readonly description: string;
}

export interface CommandSpec {
  readonly name: string;
  readonly summary: string;
  readonly arguments: readonly { readonly name: string; readonly optional?: boolean; readonly description: string }[];
  readonly options: readonly OptionSpec[];
}

/** A mistake in how errgen was called: exit 2, with a pointer to the help. */
export class UsageError extends ErrgenError {
  constructor(
    message: string,
    readonly command: string | undefined,
  ) {
    super(message);
  }
}

const spec: OptionSpec = { name: "spec", value: "FILE", description: 'the root spec (default: the project\'s: "errgen": {"spec"} in package.json, else errors.yaml beside it)' };
const out: OptionSpec = { name: "out", value: "DIR", description: "the package folder (default: the spec's `output`, else generated/<package name> in the spec's project)" };
const templates: OptionSpec = { name: "templates", value: "DIR", description: "templates that replace the built-in ones of the same name (default: the spec's `templates`)" };
const pretty: OptionSpec = { name: "pretty", value: "true|false", description: "show the spec line under each error (default: true on a terminal)" };
const verify: OptionSpec = { name: "verify", description: "type-check the package in memory (TypeScript, strict) before writing or comparing it; a problem is an error in the generated file" };
const verbose: OptionSpec = { name: "verbose", description: "print each stage as it starts, with the time since the start" };
const help: OptionSpec = { name: "help", short: "h", description: "show help" };

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: "generate",
    summary: "write the package the spec describes",
    arguments: [],
    options: [
      spec,
      out,
      templates,
      { name: "bump", description: "release the changes since the package on disk: next semver version (also written into the spec) and a CHANGELOG.md section" },
      { name: "from", value: "SOURCE", description: "with --bump: compare with this release instead (a package folder, .tgz, catalogue.json, installed package name or spec)" },
      verify,
      pretty,
      verbose,
      help,
    ],
  },
  {
    name: "check",
    summary: "exit 1, naming the files, when the package on disk differs from what generate would write",
    arguments: [],
    options: [spec, out, templates, verify, pretty, verbose, help],
  },
  {
    name: "diff",
    summary: "what changed between two catalogues, code by code, and the semver level of it",
    arguments: [
      { name: "OLD", description: "a spec (.yaml), a generated package folder, its catalogue.json, an `npm pack` tarball, or an installed package's name" },
      { name: "NEW", description: "the same kinds, usually the spec" },
    ],
    options: [{ name: "json", description: "print the changes as JSON, for machines" }, pretty, help],
  },
  {
    name: "watch",
    summary: "generate, then again whenever a spec file or template changes (Ctrl-C to stop)",
    arguments: [],
    options: [spec, out, templates, pretty, { name: "debounce", value: "MS", description: "wait this long after the last change (default: 150)" }, help],
  },
  {
    name: "init",
    summary: "write a starter spec, with comments and editor support, into a new project",
    arguments: [{ name: "FILE", optional: true, description: "where to write it (default: errors.yaml in the project, where generate looks); never overwritten" }],
    options: [help],
  },
  {
    name: "import-corpus",
    summary: "turn the Tencent Cloud catalogue into a spec folder (root: SPEC_DIR/tencentcloud.yaml)",
    arguments: [
      { name: "CORPUS_DIR", description: "the folder with the catalogue's JSON files (../shared/corpus)" },
      { name: "SPEC_DIR", description: "the spec folder to write" },
    ],
    options: [{ name: "products", value: "A,B,...", description: "import only these products (default: all)" }, help],
  },
  { name: "schema", summary: "write the JSON Schemas of the spec formats (root and product)", arguments: [], options: [{ name: "out", value: "DIR", description: "the folder to write them to" }, help] },
];

const GLOBAL: readonly OptionSpec[] = [help, { name: "version", short: "v", description: "print errgen's version" }];

export interface CommandLine {
  readonly command: CommandSpec | undefined;
  readonly arguments: readonly string[];
  readonly options: ReadonlyMap<string, string | true>;
}

export function parseCommandLine(argv: readonly string[]): CommandLine {
  const [first, ...rest] = argv;
  if (first === undefined || first.startsWith("-")) return { command: undefined, arguments: [], options: parseOptions(argv, GLOBAL, undefined) };
  const command = COMMANDS.find((candidate) => candidate.name === first);
  if (!command) {
    const near = nearest(first, COMMANDS.map((candidate) => candidate.name));
    throw new UsageError(`unknown command "${first}"${near ? `; did you mean "${near}"?` : ""}`, undefined);
  }
  const positionals: string[] = [];
  const options = parseOptions(rest, command.options, command, positionals);
  if (!options.has("help")) {
    const required = command.arguments.filter((argument) => !argument.optional).length;
    if (positionals.length < required) throw new UsageError(`${command.name} needs ${command.arguments.map((a) => a.name).join(" and ")}`, command.name);
    if (positionals.length > command.arguments.length) throw new UsageError(`unexpected argument "${positionals[command.arguments.length]}" for ${command.name}`, command.name);
  }
  return { command, arguments: positionals, options };
}

function parseOptions(argv: readonly string[], known: readonly OptionSpec[], command: CommandSpec | undefined, positionals: string[] = []): Map<string, string | true> {
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith("-") || arg === "-") {
      if (!command) throw new UsageError(`unexpected argument "${arg}"`, undefined);
      positionals.push(arg);
      continue;
    }
    const [flag, inline] = arg.startsWith("--") ? splitOnce(arg.slice(2), "=") : [arg.slice(1), undefined];
    const option = known.find((candidate) => (arg.startsWith("--") ? candidate.name === flag : candidate.short === flag));
    if (!option) {
      const near = nearest(flag, known.map((candidate) => candidate.name));
      const where = command ? ` for ${command.name}` : "";
      throw new UsageError(`unknown option ${arg.split("=")[0]}${where}${near ? `; did you mean --${near}?` : ""}`, command?.name);
    }
    if (option.value === undefined) {
      if (inline !== undefined) throw new UsageError(`--${option.name} takes no value`, command?.name);
      options.set(option.name, true);
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith("--"))) throw new UsageError(`--${option.name} needs a value (${option.value})`, command?.name);
    options.set(option.name, value);
  }
  return options;
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at === -1 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

/** `errgen --help`, or `errgen <command> --help`. */
export function helpText(command: CommandSpec | undefined, bold: (text: string) => string = (text) => text): string {
  const table = (rows: readonly [string, string][]) => {
    const width = Math.max(...rows.map(([left]) => left.length));
    return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`).join("\n");
  };
  const optionRows = (options: readonly OptionSpec[]) =>
    options.map((option): [string, string] => [`${option.short ? `-${option.short}, ` : "    "}--${option.name}${option.value ? ` ${option.value}` : ""}`, option.description]);
  if (!command) {
    return [
      `${bold("errgen")}: typed error packages from API error catalogues`,
      "",
      `${bold("Usage:")} errgen <command> [options]`,
      "",
      bold("Commands:"),
      table(COMMANDS.map((entry) => [entry.name, entry.summary])),
      "",
      bold("Options:"),
      table(optionRows(GLOBAL)),
      "",
      "Run `errgen <command> --help` for a command's options.",
      "Exit codes: 0 done (check: up to date), 1 spec errors (check: out of date; init: the file exists), 2 usage or internal error.",
    ].join("\n");
  }
  const args = command.arguments.map((argument) => (argument.optional ? `[${argument.name}]` : argument.name)).join(" ");
  const lines = [`${bold("Usage:")} errgen ${command.name}${args ? ` ${args}` : ""} [options]`, "", command.summary.charAt(0).toUpperCase() + command.summary.slice(1) + "."];
  if (command.arguments.length > 0) lines.push("", bold("Arguments:"), table(command.arguments.map((argument) => [argument.name, argument.description])));
  lines.push("", bold("Options:"), table(optionRows(command.options)));
  return lines.join("\n");
}
