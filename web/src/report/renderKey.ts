// A random key naming one render (16..64 of [A-Za-z0-9_-], see docs/api.md).
export function newRenderKey(random: (bytes: Uint8Array) => Uint8Array = (bytes) => crypto.getRandomValues(bytes)): string {
  const bytes = random(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

// Progress shown while a render runs: the server's stage and percent, never going back.
export function nextProgress(previous: number, reported: number | undefined): number {
  if (reported === undefined || Number.isNaN(reported)) return previous;
  return Math.max(previous, Math.min(100, Math.max(0, reported)));
}
