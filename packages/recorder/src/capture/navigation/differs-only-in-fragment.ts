/** True when two URLs are the same document: only the part after `#` differs. */
export function differsOnlyInFragment(from: string, to: string): boolean {
  return from !== to && from.split('#')[0] === to.split('#')[0];
}
