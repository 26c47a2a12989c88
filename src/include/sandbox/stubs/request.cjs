// Replaces cfn-include's lib/request.js (`http://` and `https://` includes) in the include sandbox bundle:
// a template under review must not make the runner fetch URLs (instance metadata, internal services).
// Plain CommonJS because cfn-include reads it with `require`.
'use strict';

module.exports = function request(location) {
  const error = new Error(`network access is disabled: Fn::Include of ${location} was not fetched`);
  error.sandboxRefusal = { function: 'Fn::Include', location: String(location) };
  return Promise.reject(error);
};
