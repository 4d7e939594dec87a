/**
 * The scenario as a YAML file to save. Its text already holds everything
 * that shapes a run but the commands given by hand and the questions: the
 * edits, and the prepared schedule in its `faults:` list. Those two travel
 * in share links.
 */

/** A file name for the download: the scenario's own name, safe for any file system. */
export function exportFileName(file: string): string {
  const base = (file.split('/').pop() ?? '').replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '');
  const name = base === '' ? 'scenario' : base.replace(/\.ya?ml$/i, '');
  return `${name}.yaml`;
}
