/* Counting the words of a written answer as an examiner would: runs of letters, digits and joined punctuation
   between spaces ("Russia–Ukraine" and "2024" are one word each). */

export function countWords(text) {
  const words = text.trim().split(/\s+/);
  return words[0] ? words.length : 0;
}

export function wordsText(n, limit) { // "152 / 150 words: 2 over the limit"
  const count = n + " / " + limit + " words";
  return n > limit ? count + ": " + (n - limit) + " over the limit" : count;
}

export function clockText(seconds) { // 425 -> "7:05"
  const s = Math.max(0, Math.floor(seconds));
  return Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
}
