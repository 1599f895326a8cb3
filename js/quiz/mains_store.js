/* Saved written answers: the `mains` section of saved progress (storage.js), one record per prompt id (data-mid):
     mains[mid] = {version, text, seconds, finished, revealed, keys, ticked, at, earlier}
   version   the prompt's answer version (data-answer-version: a digest of its question and word limit);
   text      the answer as written; seconds: time used on the prompt's timer (whole seconds);
   finished  "I have finished" was pressed; revealed: the key points and model outline were shown;
   keys      the checklist's version (data-version: a digest of the key points); ticked: indices of the key points
             ticked in the self-check, ignored when `keys` is not the page's (the key points changed);
   at        when the record was last saved (ms since 1970);
   earlier   {text, at}: an answer saved for an earlier wording of the question, kept so that it can be restored
             but never shown as the answer to the current one; gone once restored or cleared.
   Ticks that the page saved before it had an answer box (section `checklist`: {mid: {version, ticked}}) move into
   the record the first time the prompt is opened, which then counts as revealed (its reader saw the key points). */

import { load, save } from "./storage.js";

export function blank(version, keys) {
  return { version, text: "", seconds: 0, finished: false, revealed: false, keys, ticked: [], at: 0 };
}

export function read(mid, version, keys) {
  const s = load();
  let rec = s.mains[mid];
  const old = s.checklist[mid];
  if (rec && rec.version !== version) {
    const earlier = rec.text ? { text: rec.text, at: rec.at } : rec.earlier;
    rec = blank(version, keys);
    if (earlier) rec.earlier = earlier;
  }
  rec = Object.assign(blank(version, keys), rec);
  if (old) { // migrate the checklist's ticks once
    if (old.version === keys && !rec.ticked.length && (old.ticked || []).length) {
      rec.ticked = old.ticked.slice();
      rec.keys = keys;
      rec.revealed = true;
    }
    delete s.checklist[mid];
    s.mains[mid] = rec;
    save(s);
  }
  if (rec.keys !== keys) {
    rec.keys = keys;
    rec.ticked = [];
  }
  return rec;
}

export function write(mid, rec) {
  const s = load();
  rec.at = Date.now();
  s.mains[mid] = rec;
  save(s);
}

export function forget(mid) {
  const s = load();
  delete s.mains[mid];
  delete s.checklist[mid];
  save(s);
}
