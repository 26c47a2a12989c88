/** Log group ARNs in the two forms that CloudWatch Logs actions are authorised against. */

/**
 * A log group's ARN, as logs:CreateLogGroup checks it, and the form that covers its streams
 * (logs:CreateLogStream, logs:PutLogEvents); a grant on either is accepted by the rules.
 */
export function logGroupArns(
  groupName: string,
  region: string,
  account = '${AWS::AccountId}',
  partition = '${AWS::Partition}',
): { groupArn: string; streamsArn: string } {
  const groupArn = `arn:${partition}:logs:${region}:${account}:log-group:${groupName}`;
  return { groupArn, streamsArn: `${groupArn}:*` };
}
