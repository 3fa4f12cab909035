import { useEffect, useState } from 'react';

// The browser's time in µs, refreshed every `intervalMs` while `active`.
export function useNowUs(intervalMs: number, active: boolean): number {
  const [now, setNow] = useState(() => Date.now() * 1000);
  useEffect(() => {
    setNow(Date.now() * 1000);
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now() * 1000), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, active]);
  return now;
}
