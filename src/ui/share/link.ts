/**
 * The address a share link has: the page's path and query, minus what must
 * not travel with a shared moment (`autoplay`: a link opens paused where it
 * was shared), plus the run in the hash.
 */

/** `/app/?speed=2#s=1.…` from `/app/`, `?speed=2&autoplay=1` and the hash. */
export function linkAddress(pathname: string, search: string, hash: string): string {
  const query = new URLSearchParams(search);
  query.delete('autoplay');
  const rest = query.toString();
  return `${pathname}${rest === '' ? '' : `?${rest}`}${hash}`;
}
