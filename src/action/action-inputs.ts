/** The Action's inputs, read and checked: `with:` values arrive as strings, empty when not given. */
import type { FailOn } from '../core/config.js';
import type { ReviewEvent } from '../github/client.js';
import type { CommentMode } from '../github/review-pull-request.js';

export interface ActionInputs {
  /** Empty when the workflow passes none (the default is `${{ github.token }}`). */
  token: string;
  paths: string[];
  configPath: string;
  /** Whether `config` is the default path, which may be missing (then `.ecs-iam-lint.yml`, then defaults). */
  configIsDefault: boolean;
  /** Overrides the config file's `fail-on` when given. */
  failOn?: FailOn;
  commentMode: CommentMode;
  reviewEvent: ReviewEvent;
  sarifFile?: string;
}

export const defaultConfigPath = '.github/ecs-iam-lint.yml';
/** Tried when the default config path does not exist. */
export const fallbackConfigPath = '.ecs-iam-lint.yml';

const failOnValues: readonly FailOn[] = ['error', 'warning', 'notice', 'never'];
const commentModes: readonly CommentMode[] = ['review', 'annotations', 'none'];
const reviewEvents: readonly ReviewEvent[] = ['COMMENT', 'REQUEST_CHANGES'];

/** Reads every input through `getInput` (values already trimmed, as `@actions/core` returns them). */
export function parseActionInputs(getInput: (name: string) => string): ActionInputs | { error: string } {
  const errors: string[] = [];
  const choose = <T extends string>(name: string, allowed: readonly T[], fallback: T | undefined, normalize = (value: string) => value): T | undefined => {
    const raw = getInput(name).trim();
    if (raw === '') return fallback;
    const value = normalize(raw);
    if ((allowed as readonly string[]).includes(value)) return value as T;
    errors.push(`input ${name} must be one of ${allowed.join(', ')}, not "${raw}"`);
    return fallback;
  };
  const configInput = getInput('config').trim();
  const inputs: ActionInputs = {
    token: getInput('github-token').trim(),
    // Paths are separated by spaces or new lines, as a multi-line `with:` value reads naturally.
    paths: getInput('paths').split(/\s+/).filter((path) => path !== ''),
    configPath: configInput || defaultConfigPath,
    configIsDefault: configInput === '' || configInput === defaultConfigPath,
    commentMode: choose('comment-mode', commentModes, 'review', (value) => value.toLowerCase())!,
    reviewEvent: choose('review-event', reviewEvents, 'COMMENT', (value) => value.toUpperCase())!,
  };
  if (inputs.paths.length === 0) inputs.paths = ['.'];
  const failOn = choose('fail-on', failOnValues, undefined, (value) => value.toLowerCase());
  if (failOn !== undefined) inputs.failOn = failOn;
  const sarifFile = getInput('sarif-file').trim();
  if (sarifFile !== '') inputs.sarifFile = sarifFile;
  return errors.length > 0 ? { error: errors.join('\n') } : inputs;
}
