// Stands in for aws-sdk and aws-sdk-proxy in the include sandbox bundle. cfn-include builds an S3 client
// when it loads, so constructing any client works; every call on one throws, so a template under review
// can neither read S3 (`s3://` includes) nor call an AWS API (`type: api` includes) with whatever
// credentials the runner has. Plain CommonJS because cfn-include reads it with `require`.
'use strict';

function awsCallsDisabled(service, method, params) {
  const target =
    service === 'S3' && method === 'getObject' && params && typeof params === 'object'
      ? `Fn::Include of s3://${params.Bucket}/${params.Key} was not fetched`
      : `${service}.${method} was not called`;
  const error = new Error(`AWS calls are disabled: ${target}`);
  error.sandboxRefusal = { function: 'Fn::Include', location: service === 'S3' && params ? `s3://${params.Bucket}/${params.Key}` : undefined };
  return error;
}

function clientClass(service) {
  return function Client() {
    return new Proxy(
      {},
      {
        get(_target, method) {
          if (typeof method !== 'string' || method === 'then') return undefined;
          return (params) => {
            throw awsCallsDisabled(service, method, params);
          };
        },
      },
    );
  };
}

module.exports = new Proxy(
  { config: { update() {} } },
  {
    get(target, service) {
      if (typeof service !== 'string' || service === '__esModule' || service === 'then') return undefined;
      if (service in target) return target[service];
      return clientClass(service);
    },
  },
);
