/** Returns a function giving the next number in [0, 1) of the sequence for `seed`. */
export function seededRandom(seed: number): () => number;
