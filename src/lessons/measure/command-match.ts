/**
 * Whether a line the student ran matches what a step asked for. A goal
 * names the words that matter ("kubectl get pods", "curl /auth/login"), not
 * the exact line: flags, a URL's host or `-o wide` may come in between, and
 * each asked word may sit inside a longer one (`/auth/login` in
 * `http://my-nlb-url.com/auth/login`, `pods` in `pods,svc`).
 */

/** True when every word of `pattern` is inside a word of `line`, in order, each in a later word than the one before. */
export function lineMatches(pattern: string, line: string): boolean {
  const wanted = words(pattern);
  const have = words(line);
  let at = 0;
  for (const w of wanted) {
    while (at < have.length && !(have[at] ?? '').includes(w)) at++;
    if (at >= have.length) return false;
    at++;
  }
  return true;
}

/** Words split on blanks, with the quotes a shell would remove gone, so `'http://x/a'` holds `http://x/a`. */
function words(text: string): string[] {
  return text
    .split(/\s+/)
    .map((w) => w.replace(/['"]/g, ''))
    .filter((w) => w !== '');
}
