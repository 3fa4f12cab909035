// The observers' five-level rating scale (docs/world.md): the value and its label key.
export const RATINGS = [1, 2, 3, 4, 5] as const;

export function ratingLabelKey(rating: number): string {
  return `floor.rating.level${rating}`;
}
