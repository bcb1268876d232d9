import { REGION_STREAM, SOUTHEAST_REGION } from '@council/region/domain';
import { COUNCIL_SECRETARIAT } from './actors.js';
import { type DemoCommand, type DemoStep, vietnamTime } from './demo-step.js';

/** The council first met on 18 July 2023: the log begins then, with what was already true. */
export const LOG_BEGINS_ON = '2023-07-18';

/**
 * The region's reference data, each fact recorded on the day it took effect (facts older
 * than the log, such as provinces registered in 1976, on the day the log begins; their
 * own dates stay in the event data).
 */
export const REGION_STEPS: readonly DemoStep[] = SOUTHEAST_REGION.map(({ effectiveOn, command }) => ({
  at: vietnamTime(effectiveOn > LOG_BEGINS_ON ? effectiveOn : LOG_BEGINS_ON, '07:00'),
  stream: REGION_STREAM,
  command: command as DemoCommand,
  actor: COUNCIL_SECRETARIAT,
}));
