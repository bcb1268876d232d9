import { createRequire } from 'node:module';
import { expect } from '@jest/globals';
import type { Page } from 'playwright-core';

/** axe-core's browser build, injected into each page as a script (it runs in the page). */
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Runs axe-core (every rule: WCAG 2.x A and AA, best practices) on the page as it
 * stands; returns its serious and critical violations, each said in one line.
 */
export async function audit(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const { violations, passes } = (await page.evaluate(`axe.run(document).then((r) => ({ violations: r.violations, passes: r.passes.length }))`)) as {
    violations: Violation[];
    passes: number;
  };
  // A page audited before it rendered would pass little: make sure axe saw the page.
  expect(passes).toBeGreaterThan(10);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}${v.nodes.length > 3 ? ` and ${v.nodes.length - 3} more` : ''}`);
}
