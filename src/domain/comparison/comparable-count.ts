/**
 * A node page counts the other organizations reporting a definition up to this many; at it, its link says
 * 「（20団体以上）」. Counting further read every organization's indicators, a cost growing with each one imported
 * (issue 16), for a number a reader takes in as "many" anyway.
 */
export const comparableCountLimit = 20;
