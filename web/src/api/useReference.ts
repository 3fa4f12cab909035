// Reference data (sectors, ministries) loaded once per page load and shared.
import { useEffect, useState } from 'react';
import { getReference } from './endpoints';
import type { Reference } from './types';

let cached: Promise<Reference> | null = null;

export function resetReferenceCache(): void {
  cached = null;
}

export function useReference(): { reference: Reference | null; error: unknown } {
  const [reference, setReference] = useState<Reference | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let cancelled = false;
    if (!cached) cached = getReference();
    const pending = cached;
    pending.then(
      (value) => {
        if (!cancelled) setReference({
            ministries: value.ministries ?? [],
            sectors: value.sectors ?? [],
            regions: value.regions ?? [],
            objectives: value.objectives ?? [],
          });
      },
      (failure: unknown) => {
        if (cached === pending) cached = null;
        if (!cancelled) setError(failure);
      },
    );
    return () => {
      cancelled = true;
    };
  }, []);
  return { reference, error };
}
