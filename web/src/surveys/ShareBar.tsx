// A horizontal bar of a percentage (0..100) for result tables; the number is shown
// beside it, so the bar is decoration for screen readers.
export function ShareBar({ percent }: { percent: number | null }) {
  const width = Math.max(0, Math.min(100, percent ?? 0));
  return (
    <span className="share-bar" aria-hidden="true">
      <span className="share-bar-fill" style={{ width: `${width}%` }} />
    </span>
  );
}
