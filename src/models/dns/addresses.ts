/**
 * Which address a client connects to next. getaddrinfo returns every A
 * record; curl and browsers connect to the first and, when that connection
 * fails, move on to the next (RFC 8305 "Happy Eyeballs" does the same across
 * address families). A client that keeps an address after the NLB dropped
 * it from DNS fails against it and relies on this to recover.
 */

/** The first address not yet failed, or undefined when every one has failed. */
export function nextAddress(addresses: readonly string[], failed: Iterable<string>): string | undefined {
  const tried = new Set(failed);
  return addresses.find((a) => !tried.has(a));
}

/** Why that address: for the trace. */
export function nextAddressWhy(addresses: readonly string[], failed: Iterable<string>): string {
  const tried = [...new Set(failed)];
  const next = nextAddress(addresses, tried);
  if (next === undefined) return `all ${addresses.length} address(es) failed: ${addresses.join(', ')}`;
  if (tried.length === 0) return `connect to the first address, ${next}`;
  return `${tried.join(', ')} failed: try the next address, ${next}`;
}
