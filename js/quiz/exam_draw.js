/* Drawing a mock test from the page's pool (exam.js): pure functions, no DOM and no storage, so the same seed
   always gives the same test (the seed is saved with the attempt) and tests can run them on their own.
   A pool entry is {id, theme, options (how many), fixed (the options must keep their order), capped (one of the
   questions of which a test holds at most `cap`: those that ask what a named source says, builder/questions.py)}. */

export function random(seed) { // mulberry32: a small seeded generator of numbers in [0, 1)
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle(list, next) { // Fisher–Yates on a copy
  const a = list.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

export function newSeed() {
  return Math.floor(Math.random() * 4294967296) >>> 0;
}

// `size` questions taken from the themes in turn (each theme's questions and the themes' order shuffled), so every
// theme is as evenly represented as the pool allows, with at most `cap` capped ones; then the questions shuffled, and
// the options of each question whose options may move. Returns {ids: [in test order], order: {id: [options shown]}}.
export function draw(pool, size, seed, cap) {
  const next = random(seed), themes = {}, names = [], most = cap === undefined ? Infinity : cap;
  pool.forEach((q) => {
    if (!themes[q.theme]) {
      themes[q.theme] = [];
      names.push(q.theme);
    }
    themes[q.theme].push(q);
  });
  const groups = shuffle(names, next).map((name) => shuffle(themes[name], next));
  const taken = groups.map(() => 0), chosen = [];
  let capped = 0, more = true;
  while (more && chosen.length < size) {
    more = false;
    groups.forEach((group, g) => {
      if (chosen.length >= size) return;
      while (taken[g] < group.length && group[taken[g]].capped && capped >= most) taken[g]++;
      if (taken[g] >= group.length) return;
      const q = group[taken[g]++];
      if (q.capped) capped++;
      chosen.push(q);
      more = true;
    });
  }
  const order = {}, picked = shuffle(chosen, next);
  picked.forEach((q) => {
    const shown = Array.from({ length: q.options }, (_, i) => i);
    order[q.id] = q.fixed ? shown : shuffle(shown, next);
  });
  return { ids: picked.map((q) => q.id), order };
}
