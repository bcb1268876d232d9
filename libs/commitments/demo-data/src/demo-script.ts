import type { DemoStep } from './demo-step.js';
import { HEALTH } from './health.js';
import { REGION_STEPS } from './region-steps.js';
import type { Story } from './story.js';
import { TRANSPORT } from './transport.js';
import { WORKFORCE } from './workforce.js';

export const DEMO_STORIES: readonly Story[] = [...TRANSPORT, ...HEALTH, ...WORKFORCE];

/**
 * The demo, oldest step first: the region's reference data, then the commitments of the
 * three tracks interleaved by date (2023-07 … 2025-10). The sort is stable, so steps at
 * the same moment keep the order they are told in, reference data first.
 */
export const DEMO_SCRIPT: readonly DemoStep[] = [...REGION_STEPS, ...DEMO_STORIES.flatMap((story) => story.steps)].sort(
  (a, b) => Date.parse(a.at) - Date.parse(b.at),
);
