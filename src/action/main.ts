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
import { createGitHubClient, type CheckConclusion, type GitHubClient } from '../github/client.js';
import { renderFence } from '../github/markdown-fence.js';
import { redactSecrets } from '../github/redact-secrets.js';
import { reviewPullRequest, type PullRequestTarget } from '../github/review-pull-request.js';
import { parseActionInputs, type ActionInputs } from './action-inputs.js';
import { renderConfigErrorSummary, renderJobSummary } from './job-summary.js';
import { loadActionConfig } from './load-config.js';
import { createWorkspaceFileSource } from './workspace-file-source.js';

const pullRequestEvents = new Set(['pull_request', 'pull_request_target']);

/** What a failure must still conclude: the pull request's check run, once there is a client to publish it. */
interface RunState {
  token: string;
  pr?: PullRequestTarget;
  client?: GitHubClient;
  /** A check run with a conclusion was published for this run. */
  checkRunConcluded: boolean;
}

/** Runs the Action; never throws: failures end in `core.setFailed`, and on a pull request in a failed check run saying why. */
export async function run(): Promise<void> {
  const token = core.getInput('github-token').trim();
  // Masked before anything else runs: the runner hides it in every later line of the log.
  if (token) core.setSecret(token);
  const state: RunState = { token, checkRunConcluded: false };
  try {
    await runAction(state);
  } catch (error) {
    // A path input that does not exist is the workflow's mistake: its message is enough.
    const message = redactSecrets(error instanceof PathArgumentError ? error.message : ((error as Error)?.stack ?? String(error)), [token]);
    await concludeCheckRun(state, 'failure', 'The review could not run', `ecs-iam-lint could not review commit ${state.pr?.headSha ?? ''}, so nothing was checked:\n\n${renderFence(redactSecrets((error as Error)?.message ?? String(error), [token]), 'text')}\n\nRe-run the job to try again.\n`);
    core.setFailed(error instanceof PathArgumentError ? `ecs-iam-lint: ${message}` : `ecs-iam-lint failed: ${message}`);
  }
}

async function runAction(state: RunState): Promise<void> {
  const pr = readPullRequest();
  const client = pr && state.token ? createGitHubClient(createActionOctokit(state.token, { log: (message) => core.info(message) }), { secrets: [state.token] }) : undefined;
  if (pr) state.pr = pr;
  if (client) state.client = client;
  const inputs = parseActionInputs((name) => core.getInput(name));
  if ('error' in inputs) {
    await concludeCheckRun(state, 'failure', 'Invalid inputs', `The ecs-iam-lint step's inputs are invalid, so nothing was linted:\n\n${renderFence(inputs.error, 'text')}\n`);
    core.setFailed(inputs.error);
    return;
  }
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();

  const loaded = await loadActionConfig(workspace, inputs.configPath, inputs.configIsDefault);
  if ('error' in loaded) {
    await failOnInvalidConfig(loaded.error, state);
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
    await failOnInvalidConfig(`invalid config file:\n${loaded.path ?? 'config'}: ${error.message}`, state);
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
    state.checkRunConcluded = result.checkRun.published;
    for (const notice of result.fileNotices) core.info(`ecs-iam-lint: ${notice}`);
    lintResult = result.lint;
    findings = result.findings;
    scope = result.changedPaths ? `on the files pull request #${pr.number} changes` : 'in the repository (the changed files could not be listed)';
    problems.push(...result.problems);
    notes.push(...result.notes);
    actions.push(...describeReview(result, inputs));
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

function describeReview(result: Awaited<ReturnType<typeof reviewPullRequest>>, inputs: ActionInputs): string[] {
  if (inputs.commentMode !== 'review') return [];
  const { review } = result;
  const lines: string[] = [];
  if (result.supersededBy !== undefined) {
    lines.push(`No review posted: the pull request's head moved to ${result.supersededBy} during this run, whose own run reports.`);
  } else if (review.posted) {
    lines.push(`Review posted: ${review.inline.length} inline comment(s), ${review.body.length} finding(s) in its body.`);
  } else if (result.findings.every((finding) => review.alreadyReported.includes(finding))) {
    lines.push('No review posted: nothing new since the last run.');
  } else {
    lines.push('No review posted: it could not be published (the problems below say why).');
  }
  if (review.alreadyReported.length > 0) lines.push(`${review.alreadyReported.length} finding(s) were already reported by an earlier run.`);
  if (review.deletedCommentIds.length > 0) lines.push(`${review.deletedCommentIds.length} comment(s) whose finding is gone were deleted.`);
  if (review.keptCommentIds.length > 0) lines.push(`${review.keptCommentIds.length} comment(s) whose finding is gone were kept because someone replied.`);
  if (review.deletedDuplicateIds.length > 0) lines.push(`${review.deletedDuplicateIds.length} comment(s) a concurrent run had posted as well were deleted.`);
  return lines;
}

/** An invalid config stops the run: a failed check run saying why (on a pull request), the job summary, a failed step. */
async function failOnInvalidConfig(error: string, state: RunState): Promise<void> {
  core.error(error);
  await concludeCheckRun(state, 'failure', 'Invalid configuration', `The ecs-iam-lint configuration is invalid, so nothing was linted:\n\n${renderFence(error, 'text')}\n`);
  core.setOutput('findings', 0);
  core.setOutput('errors', 0);
  core.setOutput('sarif-file', '');
  await writeJobSummary(renderConfigErrorSummary(error));
  core.setFailed(`ecs-iam-lint: ${error}`);
}

/** On a pull request, publishes a check run without annotations unless one was concluded already; a failure to publish is a warning. */
async function concludeCheckRun(state: RunState, conclusion: CheckConclusion, title: string, summary: string): Promise<void> {
  const { pr, client } = state;
  if (!pr || !client || state.checkRunConcluded) return;
  try {
    await publishCheckRun(client, pr, { headSha: pr.headSha, conclusion, title, summary: redactSecrets(summary, [state.token]), annotations: [] }, { signal: AbortSignal.timeout(60_000) });
    state.checkRunConcluded = true;
  } catch (publishError) {
    core.warning(`could not publish the failed check run: ${(publishError as Error).message}`);
  }
}

async function writeJobSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  try {
    await core.summary.addRaw(markdown).write();
  } catch (error) {
    core.warning(`could not write the job summary: ${(error as Error).message}`);
  }
}
