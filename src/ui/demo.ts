/** The scenario the page shows when the address names none: bundled, so the first visit needs no fetch. */
import text from '../../lessons/scenarios/hello.yaml?raw';

export const demoScenario = { text, file: 'lessons/scenarios/hello.yaml' };
