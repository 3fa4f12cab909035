import { useEffect, useState } from 'react';
import { getEvaluationReference } from '../../api/evaluationEndpoints';
import type { EvaluationReference } from '../../api/evaluationTypes';

// The objectives, scales and readiness items (loaded once per page load).
export function useEvaluationReference(): { reference: EvaluationReference | null; error: unknown } {
  const [reference, setReference] = useState<EvaluationReference | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let cancelled = false;
    getEvaluationReference().then(
      (value) => !cancelled && setReference(value),
      (failure: unknown) => !cancelled && setError(failure),
    );
    return () => {
      cancelled = true;
    };
  }, []);
  return { reference, error };
}
