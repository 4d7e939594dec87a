/**
 * Names, labels and `metadata`, checked with the API server's rules
 * (`k8s.io/apimachinery/pkg/util/validation`): object names are RFC 1123
 * subdomains, Service and Namespace names RFC 1035 / 1123 labels (a Service
 * name becomes a DNS label), label keys and values at most 63 characters.
 */
import type { Findings, PathSegment } from './problems';
import type { Fields } from './read';
import { checkKeys, readString, readStringMap } from './read';
import type { ObjectMeta } from './types';

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const IANA_SVC_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

/** Which naming rule an object's name follows. */
export type NameRule = 'subdomain' | 'dns1123-label' | 'dns1035-label';

const NAME_RULES: Readonly<Record<NameRule, { re: RegExp; max: number; expected: string }>> = {
  subdomain: {
    re: DNS1123_SUBDOMAIN,
    max: 253,
    expected: "a lowercase RFC 1123 subdomain: lower case letters, digits, '-' or '.', starting and ending with a letter or digit",
  },
  'dns1123-label': {
    re: DNS1123_LABEL,
    max: 63,
    expected: "a lowercase RFC 1123 label: at most 63 lower case letters, digits or '-', starting and ending with a letter or digit",
  },
  'dns1035-label': {
    re: DNS1035_LABEL,
    max: 63,
    expected: "a DNS-1035 label: at most 63 lower case letters, digits or '-', starting with a letter and ending with a letter or digit",
  },
};

/** Check a name against a rule; returns whether it passed. */
export function checkName(f: Findings, name: string, path: readonly PathSegment[], rule: NameRule): boolean {
  const r = NAME_RULES[rule];
  if (name.length > r.max || !r.re.test(name)) {
    f.invalid(path, name, r.expected, `must be ${r.expected}`);
    return false;
  }
  return true;
}

/** A port name (`IANA_SVC_NAME`): at most 15 characters, lower case, at least one letter, no `--`. */
export function checkPortName(f: Findings, name: string, path: readonly PathSegment[]): boolean {
  const ok = name.length <= 15 && IANA_SVC_NAME.test(name) && /[a-z]/.test(name) && !name.includes('--');
  if (!ok) {
    const expected = "an IANA service name: at most 15 lower case letters, digits or '-', with at least one letter";
    f.invalid(path, name, expected, `must be ${expected}`);
  }
  return ok;
}

/** Label keys may carry a DNS-subdomain prefix (`app.kubernetes.io/name`). */
function validLabelKey(key: string): boolean {
  const slash = key.lastIndexOf('/');
  const name = slash === -1 ? key : key.slice(slash + 1);
  const prefix = slash === -1 ? undefined : key.slice(0, slash);
  if (prefix !== undefined && (prefix.length > 253 || !DNS1123_SUBDOMAIN.test(prefix))) return false;
  return name.length <= 63 && LABEL_NAME.test(name);
}

/** Check every key and value of a label map (labels or a selector). */
export function checkLabels(f: Findings, labels: Readonly<Record<string, string>>, path: readonly PathSegment[]): void {
  for (const [key, value] of Object.entries(labels)) {
    if (!validLabelKey(key)) {
      f.invalid([...path, key], key, "a label key: an optional DNS prefix and '/', then at most 63 letters, digits, '-', '_' or '.'", 'name part must consist of alphanumeric characters, \'-\', \'_\' or \'.\'');
    }
    if (value !== '' && (value.length > 63 || !LABEL_NAME.test(value))) {
      f.invalid([...path, key], value, "a label value: empty, or at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit", 'a valid label must be an empty string or consist of alphanumeric characters, \'-\', \'_\' or \'.\'');
    }
  }
}

/** `metadata` fields found in exported manifests (`kubectl get -o yaml`) that mean nothing here. */
const IGNORED_META: Readonly<Record<string, string>> = {
  uid: 'assigned by the API server',
  resourceVersion: 'assigned by the API server',
  generation: 'assigned by the API server',
  creationTimestamp: 'assigned by the API server',
  managedFields: 'server-side apply bookkeeping',
  ownerReferences: 'garbage collection is not simulated',
  finalizers: 'finalizers are not simulated',
};

/** Read `metadata`. `namespaced` objects may carry a namespace (default `default`). */
export function readMeta(
  f: Findings,
  obj: Fields,
  path: readonly PathSegment[],
  options: { rule: NameRule; namespaced: boolean },
): ObjectMeta | undefined {
  const metaPath = [...path, 'metadata'];
  const raw = obj['metadata'];
  if (raw === undefined || raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    f.required(metaPath, 'a metadata mapping with at least a name');
    return undefined;
  }
  const meta = raw as Fields;
  checkKeys(f, meta, metaPath, {
    supported: ['name', 'labels', 'annotations', ...(options.namespaced ? ['namespace'] : [])],
    ignored: IGNORED_META,
  });
  const name = readString(f, meta, 'name', metaPath);
  if (name === undefined || name === '') {
    f.required([...metaPath, 'name'], 'a name');
    return undefined;
  }
  checkName(f, name, [...metaPath, 'name'], options.rule);
  const namespace = options.namespaced ? readString(f, meta, 'namespace', metaPath) : undefined;
  if (namespace !== undefined) checkName(f, namespace, [...metaPath, 'namespace'], 'dns1123-label');
  const labels = readStringMap(f, meta, 'labels', metaPath);
  if (labels !== undefined) checkLabels(f, labels, [...metaPath, 'labels']);
  const annotations = readStringMap(f, meta, 'annotations', metaPath);
  return {
    name,
    ...(namespace !== undefined ? { namespace } : {}),
    ...(labels !== undefined ? { labels } : {}),
    ...(annotations !== undefined ? { annotations } : {}),
  };
}
