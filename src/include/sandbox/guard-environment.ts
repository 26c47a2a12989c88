/**
 * Makes `Fn::GetEnv` a refusal instead of a read. The sandbox already starts with an empty environment,
 * so there is nothing to leak; this turns every attempt (both `Fn::GetEnv: NAME` and the
 * `[NAME, default]` form) into a finding that says so, rather than a default value or a vague error.
 */
import type { SandboxRefusal } from './sandbox-protocol.js';

export class EnvironmentRefusedError extends Error {
  readonly sandboxRefusal: SandboxRefusal = { function: 'Fn::GetEnv' };

  constructor(name: string) {
    super(`Fn::GetEnv of ${name} was refused: templates under review are expanded without environment variables`);
    this.name = 'EnvironmentRefusedError';
  }
}

/** Replaces `process.env`; reads throw only while `isExpanding()` is true so Node's own reads elsewhere keep working. */
export function guardEnvironment(isExpanding: () => boolean): void {
  const empty: Record<string, string> = {};
  const guarded = new Proxy(empty, {
    get(target, key) {
      if (typeof key === 'string' && isExpanding()) throw new EnvironmentRefusedError(key);
      return Reflect.get(target, key);
    },
    has(target, key) {
      if (typeof key === 'string' && isExpanding()) throw new EnvironmentRefusedError(key);
      return Reflect.has(target, key);
    },
    set() {
      return false;
    },
  });
  Object.defineProperty(process, 'env', { value: guarded, writable: false, configurable: false, enumerable: true });
}
