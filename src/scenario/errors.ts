/**
 * Scenario errors: each names the file, line, column and field, and says what
 * was expected, so an author can fix the file without reading our code.
 */

/** One problem in a scenario file. Lines and columns count from 1. */
export interface ScenarioError {
  file: string;
  line: number;
  column: number;
  /** The field, e.g. `topology.servers[0].latencyMs`; '' for the file as a whole (YAML syntax). */
  path: string;
  /** What was expected, and what was found. */
  message: string;
}

/**
 * `hello.yaml:7:5: topology.servers[0].latencyMs: expected a number of milliseconds ≥ 0, got "fast"`;
 * without the path segment when the error is not about one field.
 */
export function formatScenarioError(e: ScenarioError): string {
  const where = `${e.file}:${e.line}:${e.column}`;
  return e.path === '' ? `${where}: ${e.message}` : `${where}: ${e.path}: ${e.message}`;
}
