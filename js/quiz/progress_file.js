/* "Download my progress" and "Import progress": everything the quiz saved in this browser (the whole value under
   storage.js's KEY: answers, checklist, titles, exam, mains, schedule) as a JSON file, to move to another device.
   The file: {format: FORMAT, version: 1, exported: ISO date, key: KEY, progress: <the saved value, version 2>}.
   It is made in the browser (a Blob and an <a download>) and read with a file input: nothing leaves the machine.
   An import is checked first (format, version, each section an object) and then REPLACES what this browser has
   saved, after a confirmation: merging two histories of the same cards could not be told apart from a mistake. */

import { KEY, load, save } from "./storage.js";
import { button, el, day, status } from "./dom.js";
import { refresh } from "./progress.js";

export const FORMAT = "storyguide-quiz-progress";
const SECTIONS = ["answers", "checklist", "titles", "exam", "mains", "schedule"];

function isObject(v) {
  return !!v && typeof v === "object" && !Array.isArray(v);
}

function fileName(now) {
  const pad = (n) => (n < 10 ? "0" : "") + n;
  return "quiz-progress-" + now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate()) + ".json";
}

function download() {
  const now = new Date();
  const file = { format: FORMAT, version: 1, exported: now.toISOString(), key: KEY, progress: load() };
  const url = URL.createObjectURL(new Blob([JSON.stringify(file, null, 1)], { type: "application/json" }));
  const a = el("a");
  a.href = url;
  a.download = fileName(now);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

// The progress in a file's text, or a string saying what is wrong with it.
export function parse(text) {
  let file;
  try {
    file = JSON.parse(text);
  } catch (e) {
    return "it is not a JSON file";
  }
  if (!isObject(file) || file.format !== FORMAT) return "it is not a progress file of this quiz";
  if (file.version !== 1) return "it was made by another version of this site (file version " + file.version + ")";
  const p = file.progress;
  if (!isObject(p) || p.version !== 2) return "its saved progress has an unknown format";
  const bad = SECTIONS.filter((k) => p[k] !== undefined && !isObject(p[k]));
  if (bad.length) return "its section " + bad.join(", ") + " is damaged";
  if (Object.keys(p.answers || {}).some((k) => !isObject(p.answers[k]))) return "an answer in it is damaged";
  const cards = (p.schedule || {}).cards;
  if (cards !== undefined && (!isObject(cards) || Object.keys(cards).some((k) => !isObject(cards[k]) ||
    isNaN(new Date(cards[k].due))))) return "its review schedule is damaged";
  const progress = { version: 2 };
  SECTIONS.forEach((k) => { progress[k] = p[k] || {}; });
  return { progress, exported: new Date(file.exported) };
}

function counted(n, one, many) {
  return n + " " + (n === 1 ? one : many);
}

function describe(p) { // what a progress holds, leaving out what it has none of
  const n = (o) => Object.keys(o || {}).length, parts = [];
  const add = (k, one, many) => { if (k) parts.push(counted(k, one, many)); };
  add(n(p.answers), "answer", "answers");
  add(n(p.checklist), "key-point checklist", "key-point checklists");
  add(n(p.mains), "written answer", "written answers");
  if (n(p.exam)) parts.push("the mock test");
  add(n(p.schedule.cards), "review card", "review cards");
  return parts.length ? parts.join(", ") : "nothing saved yet";
}

export function progressFile(box) {
  const message = status("quiz-progress-file-note");
  const input = el("input");
  input.type = "file";
  input.accept = ".json,application/json";
  input.hidden = true;
  input.id = "quiz-import-" + (document.querySelectorAll("[data-quiz-file] input[type=file]").length + 1);
  input.addEventListener("change", () => {
    const file = input.files && input.files[0];
    if (!file) return;
    const reader = new FileReader();
    reader.onload = () => {
      input.value = ""; // the same file can be chosen again
      const got = parse(String(reader.result));
      if (typeof got === "string") {
        message.textContent = "Not imported: " + got + ". Your saved progress is unchanged.";
        return;
      }
      const what = describe(got.progress);
      if (!window.confirm("Replace all progress saved in this browser with the file's (" + what + ")?")) {
        message.textContent = "Not imported: your saved progress is unchanged.";
        return;
      }
      save(got.progress);
      refresh();
      message.textContent = "Imported " + file.name + (isNaN(got.exported) ? "" : " (saved on " +
        day(got.exported) + ")") + ": " + what + ". It replaced the progress saved in this browser.";
    };
    reader.onerror = () => { message.textContent = "Not imported: the file could not be read."; };
    reader.readAsText(file);
  });
  const row = el("div", "quiz-progress-file-buttons");
  row.append(button("Download my progress", download), button("Import progress", () => input.click()), input);
  box.append(row, message);
}
