// Replaces cfn-include's lib/include/api.js (`Fn::Include` with `type: api`) in the include sandbox bundle:
// the real one calls any AWS API with the runner's credentials. Plain CommonJS because cfn-include reads it with `require`.
'use strict';

module.exports = function apiInclude(args) {
  const service = args && typeof args.service === 'string' ? args.service : '?';
  const action = args && typeof args.action === 'string' ? args.action : '?';
  const error = new Error(`AWS calls are disabled: Fn::Include of type api (${service} ${action}) was not called`);
  error.sandboxRefusal = { function: 'Fn::Include' };
  return Promise.reject(error);
};
