/** The command line: arguments and config in, files read, lint, report rendered, exit code out. */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import type { FailOn, LintConfig } from '../core/config.js';
import { lint, ruleMetas, type InputFile, type LintResult } from '../core/lint.js';
import { expandIncludes } from '../include/expand-includes.js';
import { renderJson } from '../render/json.js';
import { renderSarif } from '../render/sarif.js';
import { renderText } from '../render/text.js';
import { renderWorkflowCommands } from '../render/github-commands.js';
import { applyFixes } from './apply-fixes.js';
import { PathArgumentError, readLintFiles } from '../workspace/discover-files.js';
import { GlobSyntaxError } from '../core/glob-match.js';
import { hasFailingFinding } from '../core/has-failing-finding.js';
import { toolVersion } from '../core/tool-version.js';
import { configFileNames, readConfig } from '../workspace/read-config.js';

export interface CliIo {
  /** The lint root: paths are resolved against it and reported relative to it. */
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stdout is a terminal; text output is colored only then. */
  isTTY: boolean;
  /** For NO_COLOR and FORCE_COLOR (https://no-color.org); absent means neither is set. */
  env?: Readonly<Record<string, string | undefined>>;
}

const formats = ['text', 'json', 'sarif', 'github'] as const;
type Format = (typeof formats)[number];
const failOnValues: readonly FailOn[] = ['error', 'warning', 'notice', 'never'];

/** Looked up in this order under the working directory when `--config` is not given. */

const usage = `Usage: ecs-iam-lint [paths...] [options]

Checks the IAM roles of Amazon ECS tasks in CloudFormation templates and task-definition JSON.
Paths are files or directories (default: .).

Options:
  --format text|json|sarif|github   report format (default: text)
  --fix                             apply the first fix of every finding, then report what is left
  --config FILE                     config file (default: ${configFileNames.join(', then ')})
  --fail-on error|warning|notice|never
                                    exit 1 when a finding is at least this severe (default: error,
                                    or the config file's fail-on)
  --output FILE                     write the report to FILE instead of stdout
  --changed FILE                    review mode (repeatable): report only findings that touch these
                                    files, parsing only the files they may depend on
  -h, --help                        show this help
  --version                         print the version

Exit status: 0 no failing finding, 1 a failing finding, 2 the command itself failed.
`;

/** Runs the CLI and returns its exit status; never throws. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const fail = (message: string): number => {
    io.stderr(`ecs-iam-lint: ${message}\n`);
    return 2;
  };
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' },
        fix: { type: 'boolean' },
        config: { type: 'string' },
        'fail-on': { type: 'string' },
        output: { type: 'string' },
        changed: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    });
  } catch (error) {
    return fail(`${(error as Error).message}\nRun ecs-iam-lint --help for usage.`);
  }
  const { values, positionals } = args;
  if (values.help) {
    io.stdout(usage);
    return 0;
  }
  if (values.version) {
    io.stdout(`${toolVersion}\n`);
    return 0;
  }
  const format = values.format ?? 'text';
  if (!isOneOf(format, formats)) return fail(`--format must be one of ${formats.join(', ')}, not "${format}"`);
  const failOnOption = values['fail-on'];
  if (failOnOption !== undefined && !isOneOf(failOnOption, failOnValues)) {
    return fail(`--fail-on must be one of ${failOnValues.join(', ')}, not "${failOnOption}"`);
  }

  try {
    const loaded = await readConfig(io.cwd, values.config !== undefined ? [values.config] : configFileNames, { named: values.config !== undefined, confineToRoot: false });
    if ('error' in loaded) return fail(loaded.error);
    const config = loaded.config;
    if (failOnOption !== undefined) config.failOn = failOnOption;
    const changedPaths = values.changed?.map((path) => relative(io.cwd, resolve(io.cwd, path)).split(sep).join('/'));
    const discovered = await readArgumentFiles(io.cwd, positionals, config);
    for (const notice of discovered.notices) io.stderr(`ecs-iam-lint: ${notice}\n`);
    // cfn-include templates are expanded in a sandbox process; failures come back as parse-error findings.
    const expanded = new Map((await expandIncludes(io.cwd, discovered.files)).files.map((file) => [file.path, file]));
    // Lint gets the expansion of each file whose text is still the one expanded (`--fix` passes plain copies).
    const withExpansions = (files: readonly InputFile[]) =>
      files.map((file) => {
        const expansion = expanded.get(file.path);
        return expansion && (expansion.originalText ?? expansion.text) === file.text ? expansion : file;
      });
    const lintFiles = (files: readonly InputFile[], lintConfig: LintConfig): LintResult =>
      lint(withExpansions(files), lintConfig, { configPath: loaded.path, changedPaths });

    let result: LintResult;
    if (values.fix) {
      const fixed = await applyFixes(io.cwd, discovered.files, config, lintFiles);
      for (const notice of fixed.notices) io.stderr(`ecs-iam-lint: ${notice}\n`);
      io.stderr(`ecs-iam-lint: applied ${fixed.fixCount} ${fixed.fixCount === 1 ? 'fix' : 'fixes'} to ${fixed.fixedPaths.length} ${fixed.fixedPaths.length === 1 ? 'file' : 'files'}\n`);
      result = fixed.result;
    } else {
      result = lintFiles(discovered.files, config);
    }

    const report = renderReport(format, result, {
      color: values.output === undefined && shouldColor(io),
    });
    if (values.output !== undefined) {
      const outputPath = resolve(io.cwd, values.output);
      try {
        await mkdir(dirname(outputPath), { recursive: true });
        await writeFile(outputPath, report, 'utf8');
      } catch (error) {
        return fail(`cannot write ${values.output}: ${(error as Error).message}`);
      }
    } else {
      io.stdout(report);
    }
    return hasFailingFinding(result.findings, config.failOn) ? 1 : 0;
  } catch (error) {
    if (error instanceof PathArgumentError || error instanceof GlobSyntaxError) return fail(error.message);
    return fail(`internal error: ${(error as Error).stack ?? String(error)}`);
  }
}

/**
 * Reads the files the arguments name. Paths outside the working directory are read from their own
 * directory (the user named them explicitly), and every path is shown relative to the working directory.
 */
async function readArgumentFiles(cwd: string, positionals: readonly string[], config: LintConfig) {
  const inside = positionals.filter((p) => !relative(cwd, resolve(cwd, p)).startsWith('..'));
  const outside = positionals.filter((p) => !inside.includes(p));
  const files: InputFile[] = [];
  const notices: string[] = [];
  if (inside.length > 0 || outside.length === 0) {
    const result = await readLintFiles(cwd, inside, config);
    files.push(...result.files);
    notices.push(...result.notices);
  }
  for (const argument of outside) {
    const absolute = resolve(cwd, argument);
    const info = await stat(absolute).catch(() => undefined);
    if (!info) throw new PathArgumentError(`cannot read ${argument}: no such file or directory`);
    const root = info.isDirectory() ? absolute : dirname(absolute);
    const result = await readLintFiles(root, [info.isDirectory() ? '.' : relative(root, absolute)], config);
    const prefix = relative(cwd, root).split(sep).join('/');
    for (const file of result.files) files.push({ ...file, path: `${prefix}/${file.path}` });
    notices.push(...result.notices);
  }
  return { files, notices };
}

function renderReport(format: Format, result: LintResult, options: { color: boolean }): string {
  switch (format) {
    case 'text':
      return renderText(result.findings, result.files, { color: options.color });
    case 'json':
      return `${JSON.stringify(renderJson(result.findings, result.files), null, 2)}\n`;
    case 'sarif':
      return `${JSON.stringify(renderSarif(result.findings, result.files, ruleMetas, toolVersion), null, 2)}\n`;
    case 'github':
      return renderWorkflowCommands(result.findings, result.files);
  }
}


function shouldColor(io: CliIo): boolean {
  const env = io.env ?? {};
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  return io.isTTY;
}

function isOneOf<T extends string>(value: string, allowed: readonly T[]): value is T {
  return (allowed as readonly string[]).includes(value);
}
