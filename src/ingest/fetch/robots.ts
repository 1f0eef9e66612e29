/**
 * robots.txt per origin, fetched once per crawl (through the same politeness as every page) and read
 * with robots-parser. RFC 9309: 4xx → everything allowed; 5xx or no answer → nothing allowed.
 */
import robotsParser from 'robots-parser';

export interface RobotsRules {
  isAllowed(url: string): boolean;
  crawlDelaySeconds: number | null;
  /** why, when nothing is allowed */
  blockedReason: string | null;
}

export const ALLOW_ALL: RobotsRules = { isAllowed: () => true, crawlDelaySeconds: null, blockedReason: null };

export function disallowAll(reason: string): RobotsRules {
  return { isAllowed: () => false, crawlDelaySeconds: null, blockedReason: reason };
}

/** The rules of a robots.txt text for our user agent token. */
export function parseRobots(robotsUrl: string, text: string, agentToken: string): RobotsRules {
  const robot = robotsParser(robotsUrl, text);
  const delay = robot.getCrawlDelay(agentToken);
  return {
    isAllowed: (url) => robot.isAllowed(url, agentToken) !== false,
    crawlDelaySeconds: typeof delay === 'number' && delay > 0 ? delay : null,
    blockedReason: null,
  };
}
