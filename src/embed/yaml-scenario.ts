/**
 * Checking a scenario's YAML, loaded only when a <traffic-lab> is given YAML
 * (`scenario="…"`, by URL or inline, or a lesson loader that hands text):
 * the bundled lessons come already checked, so a lesson step never
 * downloads the YAML parser.
 */
export { formatScenarioError, loadScenario } from '../scenario';
