/** Shared by the instructor and share tests: the demo scenario's text and a plan for it. */
import { readFileSync } from 'node:fs';
import { freshPlan, type RunPlan } from '../../../src/ui/instructor/plan';
import { ManualFrames } from '../fixtures';

export const HELLO_FILE = 'lessons/scenarios/hello.yaml';
export const helloText = (): string => readFileSync(HELLO_FILE, 'utf8');
export const helloPlan = (seed = 1): RunPlan => freshPlan(HELLO_FILE, helloText(), seed);
/** Session options for headless tests: frames that only run when ticked. */
export const headless = () => ({ speed: 1, frames: new ManualFrames() });
