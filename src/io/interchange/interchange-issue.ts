/** One problem in an interchange file: where (a JSONPath) and what, in Japanese then English. */
export interface InterchangeIssue {
  path: string;
  message: string;
}

/** "$.plans[0].title: 「…」 (…)", the line the CLI prints per issue. */
export const formatIssue = (issue: InterchangeIssue): string => `${issue.path}: ${issue.message}`;
