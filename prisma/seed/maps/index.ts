import type { DemoMap } from '../map-builder.js';
import { microPartyDebate } from './micro-party-debate.js';
import { permanentRevolutionComments } from './permanent-revolution-comments.js';

export const DEMO_MAPS: readonly DemoMap[] = [microPartyDebate, permanentRevolutionComments];
