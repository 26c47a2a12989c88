/**
 * The Action: inputs in, the workspace linted, the pull request reviewed (or, on other events, the
 * findings annotated), outputs, job summary and exit status out. The only file that touches @actions/core.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import * as core from '@actions/core';
import { context } from '@actions/github';
import type { Finding } from '../core/finding.js';
import { lint, ruleMetas, type LintResult } from '../core/lint.js';
import { PathArgumentError } from '../workspace/discover-files.js';
import { GlobSyntaxError } from '../core/glob-match.js';
import { hasFailingFinding } from '../core/has-failing-finding.js';
import { toolVersion } from '../core/tool-version.js';
import { renderWorkflowCommands } from '../render/github-commands.js';
import { renderSarif } from '../render/sarif.js';
import { countBySeverity } from '../render/summary.js';
import { createActionOctokit } from '../github/action-octokit.js';
import { checkRunName, publishCheckRun } from '../github/check-run.js';
import { createGitHubClient, type GitHubClient } from '../github/client.js';
import { renderFence } from '../github/markdown-fence.js';
import { reviewPullRequest, type PullRequestTarget } from '../github/review-pull-request.js';
import { parseActionInputs, type ActionInputs } from './action-inputs.js';
import { renderConfigErrorSummary, renderJobSummary } from './job-summary.js';
import { loadActionConfig } from './load-config.js';
import { createWorkspaceFileSource } from './workspace-file-source.js';

const pullRequestEvents = new Set(['pull_request', 'pull_request_target']);

/** Runs the Action; never throws: failures end in `core.setFailed`. */
export async function run(): Promise<void> {
  try {
    await runAction();
  } catch (error) {
    // A path input that does not exist is the workflow's mistake: its message is enough.
    if (error instanceof PathArgumentError) core.setFailed(`ecs-iam-lint: ${error.message}`);
    else core.setFailed(`ecs-iam-lint failed: ${(error as Error)?.stack ?? String(error)}`);
  }
}

async function runAction(): Promise<void> {
  const inputs = parseActionInputs((name) => core.getInput(name));
  if ('error' in inputs) {
    core.setFailed(inputs.error);
    return;
  }
  if (inputs.token) core.setSecret(inputs.token);
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const pr = readPullRequest();
  const client = pr && inputs.token ? createGitHubClient(createActionOctokit(inputs.token, { log: (message) => core.info(message) })) : undefined;

  const loaded = await loadActionConfig(workspace, inputs.configPath, inputs.configIsDefault);
  if ('error' in loaded) {
    await failOnInvalidConfig(loaded.error, pr, client);
    return;
  }
  const config = loaded.config;
  if (inputs.failOn !== undefined) config.failOn = inputs.failOn;
  let source;
  try {
    source = createWorkspaceFileSource(workspace, inputs.paths, config);
  } catch (error) {
    // A malformed include/exclude glob is a config error.
    if (!(error instanceof GlobSyntaxError)) throw error;
    await failOnInvalidConfig(`invalid config file:\n${loaded.path ?? 'config'}: ${error.message}`, pr, client);
    return;
  }

  let lintResult: LintResult;
  let findings: Finding[];
  let scope: string;
  const actions: string[] = [];
  const problems: string[] = [];
  const notes: string[] = [];
  if (pr && client) {
    const result = await reviewPullRequest(client, pr, {
      config,
      ...(loaded.path !== undefined ? { configPath: loaded.path } : {}),
      files: source,
      commentMode: inputs.commentMode,
      reviewEvent: inputs.reviewEvent,
      // A SARIF log for code scanning covers the whole repository; otherwise parse only what the changes touch.
      lintWholeRepository: inputs.sarifFile !== undefined,
      log: (message) => core.info(message),
    });
    for (const notice of result.fileNotices) core.info(`ecs-iam-lint: ${notice}`);
    lintResult = result.lint;
    findings = result.findings;
    scope = result.changedPaths ? `on the files pull request #${pr.number} changes` : 'in the repository (the changed files could not be listed)';
    problems.push(...result.problems);
    notes.push(...result.notes);
    actions.push(...describeReview(result.review, inputs));
    if (result.checkRun.published) actions.push(`Check run \`${checkRunName}\`: ${result.conclusion}, ${result.checkRun.annotations} annotation(s).`);
    // The check run could not be published (a read-only token on a fork, an outage): annotate from the log.
    if (inputs.commentMode !== 'none' && !result.checkRun.published) {
      process.stdout.write(renderWorkflowCommands(findings, lintResult.files));
      actions.push('Findings were annotated through workflow commands, since the check run could not be published.');
    }
  } else {
    if (pr) problems.push('no github-token was given, so the pull request was not reviewed');
    const read = await source.readFiles();
    for (const notice of read.notices) core.info(`ecs-iam-lint: ${notice}`);
    lintResult = lint(read.files, config, loaded.path !== undefined ? { configPath: loaded.path } : {});
    findings = lintResult.findings;
    scope = 'in the repository';
    if (inputs.commentMode !== 'none') process.stdout.write(renderWorkflowCommands(findings, lintResult.files));
  }
  for (const problem of problems) core.warning(problem);

  let sarifPath = '';
  if (inputs.sarifFile !== undefined) {
    sarifPath = resolve(workspace, inputs.sarifFile);
    await mkdir(dirname(sarifPath), { recursive: true });
    await writeFile(sarifPath, `${JSON.stringify(renderSarif(lintResult.findings, lintResult.files, ruleMetas, toolVersion), null, 2)}\n`, 'utf8');
    actions.push(`SARIF written to \`${inputs.sarifFile}\` (every finding in the linted paths).`);
  }

  const counts = countBySeverity(findings);
  core.setOutput('findings', findings.length);
  core.setOutput('errors', counts.error);
  core.setOutput('sarif-file', sarifPath);
  await writeJobSummary(renderJobSummary({ findings, files: lintResult.files, scope, actions, problems, notes }));

  core.info(`ecs-iam-lint: ${findings.length} finding(s) ${scope}: ${counts.error} error(s), ${counts.warning} warning(s), ${counts.notice} notice(s).`);
  if (hasFailingFinding(findings, config.failOn)) {
    core.setFailed(`ecs-iam-lint: ${findings.length} finding(s), some at or above fail-on (${config.failOn}).`);
  }
}

/** The pull request of a `pull_request` or `pull_request_target` event; undefined for any other event. */
function readPullRequest(): PullRequestTarget | undefined {
  if (!pullRequestEvents.has(context.eventName)) return undefined;
  const pull = context.payload.pull_request as { number?: number; head?: { sha?: string }; base?: { sha?: string } } | undefined;
  if (!pull?.number || !pull.head?.sha) return undefined;
  const { owner, repo } = context.repo;
  return { owner, repo, number: pull.number, headSha: pull.head.sha, ...(pull.base?.sha ? { baseSha: pull.base.sha } : {}) };
}

function describeReview(review: Awaited<ReturnType<typeof reviewPullRequest>>['review'], inputs: ActionInputs): string[] {
  if (inputs.commentMode !== 'review') return [];
  const lines: string[] = [];
  if (review.posted) {
    lines.push(`Review posted: ${review.inline.length} inline comment(s), ${review.body.length} finding(s) in its body.`);
  } else {
    lines.push('No review posted: nothing new since the last run.');
  }
  if (review.alreadyReported.length > 0) lines.push(`${review.alreadyReported.length} finding(s) were already reported by an earlier run.`);
  if (review.deletedCommentIds.length > 0) lines.push(`${review.deletedCommentIds.length} comment(s) whose finding is gone were deleted.`);
  if (review.keptCommentIds.length > 0) lines.push(`${review.keptCommentIds.length} comment(s) whose finding is gone were kept because someone replied.`);
  return lines;
}

/** An invalid config stops the run: a failed check run saying why (on a pull request), the job summary, a failed step. */
async function failOnInvalidConfig(error: string, pr: PullRequestTarget | undefined, client: GitHubClient | undefined): Promise<void> {
  core.error(error);
  if (pr && client) {
    try {
      await publishCheckRun(client, pr, {
        headSha: pr.headSha,
        conclusion: 'failure',
        title: 'Invalid configuration',
        summary: `The ecs-iam-lint configuration is invalid, so nothing was linted:\n\n${renderFence(error, 'text')}\n`,
        annotations: [],
      }, { signal: AbortSignal.timeout(60_000) });
    } catch (publishError) {
      core.warning(`could not publish the failed check run: ${(publishError as Error).message}`);
    }
  }
  core.setOutput('findings', 0);
  core.setOutput('errors', 0);
  core.setOutput('sarif-file', '');
  await writeJobSummary(renderConfigErrorSummary(error));
  core.setFailed(`ecs-iam-lint: ${error}`);
}

async function writeJobSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  try {
    await core.summary.addRaw(markdown).write();
  } catch (error) {
    core.warning(`could not write the job summary: ${(error as Error).message}`);
  }
}
