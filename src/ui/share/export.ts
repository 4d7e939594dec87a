/**
 * The scenario as a YAML file to save. Its text holds everything that
 * shapes a run but the commands given by hand and the questions: the edits,
 * the prepared schedule in its `faults:` list, and (written in by the share
 * panel) the Kubernetes objects applied so far, which then hold from t = 0.
 * The commands and questions travel in share links.
 */

/** A file name for the download: the scenario's own name, safe for any file system. */
export function exportFileName(file: string): string {
  const base = (file.split('/').pop() ?? '').replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '');
  const name = base === '' ? 'scenario' : base.replace(/\.ya?ml$/i, '');
  return `${name}.yaml`;
}
