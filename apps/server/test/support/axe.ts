import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** WCAG 2.1 level A and AA, the bar the issue sets for every screen. */
export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

export interface A11yProblem {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
  summary: string;
}

/** Serious and critical WCAG 2.1 A/AA violations on the page as it stands. */
export async function seriousA11yProblems(page: Page): Promise<A11yProblem[]> {
  const result = await new AxeBuilder({ page }).withTags([...WCAG_21_AA]).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      rule: v.id,
      impact: v.impact ?? '',
      help: v.help,
      targets: v.nodes.slice(0, 6).map((n) => n.target.join(' ')),
      summary: v.nodes[0]?.failureSummary?.split('\n').slice(0, 3).join(' ') ?? '',
    }));
}

/** One readable paragraph per problem: rule, what it asks, where (a few nodes), why. */
export function describeA11yProblems(where: string, problems: A11yProblem[]): string {
  return problems
    .map(
      (p) =>
        `${where}: ${p.rule} (${p.impact}) — ${p.help}\n    at ${p.targets.join('\n       ')}\n    ${p.summary}`,
    )
    .join('\n');
}

/** Fails with the list of serious/critical violations, if any, naming the screen they were on. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const problems = await seriousA11yProblems(page);
  if (problems.length > 0)
    throw new Error(
      `${problems.length} serious/critical accessibility violation(s)\n${describeA11yProblems(where, problems)}`,
    );
}
