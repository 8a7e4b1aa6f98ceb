// A seeded pseudo-random sequence (mulberry32): small, fast, and the same numbers for the same seed, so a
// fuzz test or a benchmark data set can be replayed exactly. Plain ES module without imports: it runs in
// Node and, served as is, in a page.

/** Returns a function giving the next number in [0, 1) of the sequence for `seed`. */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
