/* Quiz pages: checking answers, the mock exam, saved progress, the list of mistakes. No framework, no network.
   Markup comes from builder/templates/quiz_*.md.j2; without this file every answer is still readable.
   Saved in localStorage under KEY, format version 2: {version: 2, answers: {qid: {choice, correct, version, at,
   page, dom, stem}}, checklist: {mid: {version, ticked}}, titles: {page: title}}. `page` is the site-relative
   URL of the practice page (its data-page, "quiz/sources-2.html"), `dom` the question's element id and `stem`
   (wrong answers only) a short plain-text copy of the question: the review page links to page#dom from its own
   data-root, so the links work on any host, under a sub-path and from file://. Version 1 data is migrated:
   its answers are kept but have no page; the practice page they are on fills that in when next opened. */
(function () {
  "use strict";
  var KEY = "storyguide.quiz.v2", OLD_KEY = "storyguide.quiz.v1", STEM = 160;
  var timer = null; // the running exam's interval: one at a time, cleared when the page changes

  function fresh(s) {
    return { version: 2, answers: (s && s.answers) || {}, checklist: (s && s.checklist) || {},
      titles: (s && s.titles) || {} };
  }
  function load() {
    try {
      var s = JSON.parse(localStorage.getItem(KEY));
      if (s && s.version === 2) return fresh(s);
      var old = s ? null : JSON.parse(localStorage.getItem(OLD_KEY));
      if (old && old.version === 1) { // migrate once: answers and ticks stay, without page or stem
        s = fresh(old);
        save(s);
        localStorage.removeItem(OLD_KEY);
        return s;
      }
    } catch (e) { /* no storage, or a damaged value: start afresh */ }
    return fresh(null);
  }
  function save(s) {
    try { localStorage.setItem(KEY, JSON.stringify(s)); } catch (e) { /* storage full or blocked */ }
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  function button(text, onClick, primary) {
    var b = el("button", "md-button quiz-button" + (primary ? " md-button--primary" : ""), text);
    b.type = "button";
    b.addEventListener("click", onClick);
    return b;
  }

  // One question on a page whose .quiz element is `root`: its choice, how it shows feedback, how it is saved.
  function Q(fs, root) {
    var q = { fs: fs, id: fs.dataset.qid, version: fs.dataset.version, key: +fs.dataset.answer, dom: fs.id };
    q.page = fs.dataset.home || root.dataset.page || ""; // where the question can be answered again
    q.title = fs.dataset.homeTitle || root.dataset.title || "";
    q.radios = Array.prototype.slice.call(fs.querySelectorAll("input[type=radio]"));
    q.details = fs.querySelector("details.quiz-answer");
    q.choice = function () {
      for (var i = 0; i < q.radios.length; i++) if (q.radios[i].checked) return i;
      return -1;
    };
    q.option = function (i) { return fs.querySelector("label[for='" + q.radios[i].id + "']").textContent.trim(); };
    q.stem = function () { // the legend without its number, then any statements: plain text, cut short
      var legend = fs.querySelector("legend").cloneNode(true), n = legend.querySelector(".quiz-n");
      if (n) n.remove();
      var more = fs.querySelector(".quiz-more");
      var text = (legend.textContent + " " + (more ? more.textContent : "")).replace(/\s+/g, " ").trim();
      return text.length > STEM ? text.slice(0, STEM - 1).trim() + "…" : text;
    };
    q.feedback = el("p", "quiz-feedback");
    q.feedback.setAttribute("role", "status"); // role=status is aria-live=polite
    q.feedback.setAttribute("aria-live", "polite");
    fs.insertBefore(q.feedback, q.details);
    q.show = function (choice) {
      var right = choice === q.key;
      fs.classList.toggle("quiz-q--right", choice >= 0 && right);
      fs.classList.toggle("quiz-q--wrong", choice >= 0 && !right);
      q.feedback.textContent = (choice < 0 ? "– Not answered: the answer is " : right ? "✓ Correct: "
        : "✗ Not correct: the answer is ") + q.option(q.key);
    };
    q.place = function (s, a) { // note where the saved answer `a` can be found again; true if anything changed
      var changed = a.page !== q.page || a.dom !== q.dom || (!a.correct && !a.stem);
      a.page = q.page;
      a.dom = q.dom;
      if (!a.correct && !a.stem) a.stem = q.stem();
      if (a.correct) delete a.stem; // only mistakes are listed: no need to keep the text of right answers
      if (q.page && q.title && s.titles[q.page] !== q.title) { s.titles[q.page] = q.title; changed = true; }
      return changed;
    };
    q.record = function (choice) {
      var s = load();
      var a = { choice: choice, correct: choice === q.key, version: q.version, at: new Date().toISOString() };
      q.place(s, a);
      s.answers[q.id] = a;
      save(s);
    };
    q.clear = function () {
      q.radios.forEach(function (r) { r.checked = false; r.disabled = false; });
      fs.classList.remove("quiz-q--right", "quiz-q--wrong");
      q.feedback.textContent = "";
      if (q.details) q.details.open = false;
    };
    return q;
  }

  function practice(root) {
    var qs = Array.prototype.map.call(root.querySelectorAll(".quiz-q"), function (fs) { return Q(fs, root); });
    qs.forEach(function (q) {
      var check = button("Check", function () {
        var c = q.choice();
        if (c < 0) { q.feedback.textContent = "Choose an option first."; return; }
        q.show(c);
        q.record(c);
        if (q.details) q.details.open = true;
      });
      q.fs.insertBefore(el("div", "quiz-actions"), q.feedback).appendChild(check);
    });
    function restore() {
      var s = load(), changed = false;
      qs.forEach(function (q) {
        var a = s.answers[q.id];
        q.clear();
        if (!a) return;
        if (a.version !== q.version || !q.radios[a.choice]) { // the question changed: its old answer is void
          delete s.answers[q.id];
          changed = true;
          return;
        }
        changed = q.place(s, a) || changed; // answers saved elsewhere (mock test, version 1) learn their page
        q.radios[a.choice].checked = true;
        q.show(a.choice);
      });
      if (changed) save(s);
    }
    restore();
    root.quizRestore = restore;
    var target = decodeURIComponent(location.hash.slice(1));
    if (/^q-/.test(target) && !document.getElementById(target)) { // a saved link to a question that has moved
      var note = el("p", "quiz-moved", "The question you followed is no longer on this page: the set has changed " +
        "since you answered it. Look for it on the other pages of this set.");
      note.setAttribute("role", "status");
      root.prepend(note);
    }
  }

  // The review page: the saved mistakes, newest first, as links to their questions, grouped by page.
  function review(root) {
    var count = el("p", "quiz-review-count"), list = el("div", "quiz-review-list");
    count.setAttribute("role", "status");
    root.append(count, list);
    var base = root.dataset.root || "";
    function render() {
      var s = load(), groups = {}, pages = [], unplaced = 0;
      var wrong = Object.keys(s.answers).map(function (id) { return s.answers[id]; })
        .filter(function (a) { return a && !a.correct; })
        .sort(function (a, b) { return a.at < b.at ? 1 : a.at > b.at ? -1 : 0; });
      wrong.forEach(function (a) {
        if (!a.page || !a.dom) { unplaced++; return; } // saved before pages were kept (version 1)
        if (!groups[a.page]) { groups[a.page] = []; pages.push(a.page); }
        groups[a.page].push(a);
      });
      list.textContent = "";
      pages.forEach(function (page) {
        var items = groups[page], section = el("section", "quiz-review-page"), ul = el("ul");
        var title = s.titles[page] || page;
        section.append(el("h2", "", title + ": " + items.length + (items.length === 1 ? " mistake" : " mistakes")), ul);
        items.forEach(function (a) {
          var li = el("li"), link = el("a", "", a.stem || a.dom);
          link.href = base + encodeURI(page) + "#" + encodeURIComponent(a.dom);
          var when = new Date(a.at), letter = "abcde".charAt(a.choice);
          li.append(link, el("span", "quiz-review-meta", " (you chose (" + letter + ")" +
            (isNaN(when) ? "" : ", " + when.toLocaleDateString()) + ")"));
          ul.append(li);
        });
        list.append(section);
      });
      var placed = wrong.length - unplaced;
      count.textContent = placed ? placed + (placed === 1 ? " question" : " questions") + " to review, on " +
        pages.length + (pages.length === 1 ? " page." : " pages.") : "";
      if (unplaced) list.append(el("p", "quiz-review-older", unplaced + (unplaced === 1 ? " older mistake was" :
        " older mistakes were") + " saved without its page. Open the practice sets: they show there, and appear " +
        "here once you have opened their page."));
      root.querySelector(".quiz-empty").hidden = wrong.length > 0;
    }
    render();
    root.quizRestore = render;
  }

  function exam(root) {
    var qs = Array.prototype.map.call(root.querySelectorAll(".quiz-q"), function (fs) { return Q(fs, root); });
    var minutes = +root.dataset.minutes || 30, started = 0, end = 0, warned = 0;
    var bar = el("div", "quiz-bar"), clock = el("p", "quiz-timer"), count = el("p", "quiz-count");
    var notice = el("p", "quiz-sr"), summary = el("div", "quiz-summary");
    clock.setAttribute("role", "timer");
    notice.setAttribute("aria-live", "polite");
    summary.tabIndex = -1;
    var start = button("Start the test (" + minutes + " minutes)", begin, true);
    var submit = button("Submit answers", function () {
      var blank = qs.length - answered();
      var ask = blank ? blank + " of " + qs.length + " questions are unanswered. Submit anyway?" : "Submit your answers?";
      if (window.confirm(ask)) finish(false);
    }, true);
    bar.append(start, clock, count, notice);
    root.prepend(bar, summary);
    root.append(submit);
    root.addEventListener("change", counted);

    function answered() { return qs.filter(function (q) { return q.choice() >= 0; }).length; }
    function counted() { count.textContent = started ? "Answered: " + answered() + " of " + qs.length : ""; }
    function tick() {
      var left = Math.max(0, Math.ceil((end - Date.now()) / 1000));
      clock.textContent = "Time left: " + Math.floor(left / 60) + ":" + String(left % 60).padStart(2, "0");
      [300, 60].forEach(function (at) {
        if (left <= at && warned > at && left > 0) {
          warned = at;
          notice.textContent = at / 60 + (at === 60 ? " minute" : " minutes") + " left";
        }
      });
      if (!left) finish(true);
    }
    function reset() {
      stop();
      qs.forEach(function (q) { q.clear(); if (q.details) q.details.hidden = true; });
      root.classList.add("quiz-waiting");
      start.hidden = false;
      submit.hidden = summary.hidden = true;
      started = 0;
      clock.textContent = notice.textContent = "";
      counted();
    }
    function begin() {
      root.classList.remove("quiz-waiting");
      start.hidden = true;
      submit.hidden = false;
      started = Date.now();
      end = started + minutes * 60000;
      warned = minutes * 60;
      tick();
      counted();
      timer = { id: setInterval(tick, 1000), root: root };
      if (qs[0]) qs[0].radios[0].focus();
    }
    function stop() {
      if (timer && timer.root === root) { clearInterval(timer.id); timer = null; }
    }
    function finish(timeUp) {
      stop();
      var right = 0, wrong = 0;
      qs.forEach(function (q) {
        var c = q.choice();
        q.radios.forEach(function (r) { r.disabled = true; });
        if (q.details) q.details.hidden = false;
        q.show(c);
        if (c < 0) return; // a blank is not an answer: nothing saved
        if (c === q.key) right++; else wrong++;
        q.record(c);
      });
      var blank = qs.length - right - wrong, attempted = right + wrong;
      var score = ((200 * right - 66 * wrong) / 100).toFixed(2).replace("-", "−"); // UPSC: +2, −0.66, 0
      var used = Math.round((Math.min(Date.now(), end) - started) / 1000);
      var list = el("ul", "quiz-score");
      [
        "Net score: " + score + " out of " + 2 * qs.length,
        "Correct: " + right + " (+" + 2 * right + ")",
        "Wrong: " + wrong + " (−" + (66 * wrong / 100).toFixed(2) + ")",
        "Blank: " + blank + " (0)",
        "Attempted: " + attempted + " of " + qs.length,
        "Accuracy: " + (attempted ? Math.round(100 * right / attempted) + "% of attempted" : "nothing attempted"),
        "Time used: " + Math.floor(used / 60) + " min " + (used % 60) + " s",
      ].forEach(function (t) { list.append(el("li", "", t)); });
      summary.textContent = "";
      summary.append(el("h2", "", "Your result"));
      if (timeUp) summary.append(el("p", "", "Time is up: your answers were submitted."));
      summary.append(list, el("p", "", "Each question below now shows whether you were right, with its answer and " +
        "explanation."), button("Take the test again", reset));
      submit.hidden = true;
      summary.hidden = false;
      clock.textContent = count.textContent = "";
      summary.focus();
    }
    reset();
  }

  function checklist(box) {
    var id = box.dataset.mid, version = box.dataset.version;
    var boxes = Array.prototype.slice.call(box.querySelectorAll("input[type=checkbox]"));
    var tally = el("p", "quiz-tally");
    tally.setAttribute("aria-live", "polite");
    box.querySelector(".quiz-checklist").append(tally);
    function count() {
      var n = boxes.filter(function (b) { return b.checked; }).length;
      tally.textContent = n + " of " + boxes.length + " key points covered";
    }
    var saved = load().checklist[id];
    boxes.forEach(function (b, i) {
      b.checked = !!(saved && saved.version === version && (saved.ticked || []).indexOf(i) >= 0);
      b.addEventListener("change", function () {
        var s = load();
        s.checklist[id] = { version: version, ticked: boxes.map(function (x, j) { return x.checked ? j : -1; })
          .filter(function (j) { return j >= 0; }) };
        save(s);
        count();
      });
    });
    count();
  }

  function progress(box) {
    var answers = load().answers, ids = Object.keys(answers);
    var wrong = ids.filter(function (k) { return !(answers[k] || {}).correct; }).length;
    box.textContent = ids.length ? "Saved in this browser: " + ids.length + " answered, " + (ids.length - wrong) +
      " correct, " + wrong + " not correct." : "No answers saved in this browser yet.";
  }

  function resetter(box) {
    box.append(button("Reset my progress", function () {
      if (!window.confirm("Delete every answer and checklist tick saved by the quiz in this browser?")) return;
      try { localStorage.removeItem(KEY); localStorage.removeItem(OLD_KEY); } catch (e) { /* nothing to delete */ }
      document.querySelectorAll(".quiz").forEach(function (q) { if (q.quizRestore) q.quizRestore(); });
      document.querySelectorAll("[data-quiz-progress]").forEach(progress);
      var note = box.querySelector(".quiz-sr") || box.appendChild(el("p", "quiz-sr"));
      note.setAttribute("role", "status");
      note.textContent = "Your progress has been reset.";
    }));
  }

  function init() {
    if (timer && !document.contains(timer.root)) { clearInterval(timer.id); timer = null; }
    document.documentElement.classList.add("quiz-js");
    function each(sel, fn) {
      document.querySelectorAll(sel).forEach(function (e) {
        if (e.dataset.quizReady) return; // idempotent: each element is set up once
        e.dataset.quizReady = "1";
        fn(e);
      });
    }
    each(".quiz[data-mode]", function (root) {
      if (root.dataset.mode === "exam") exam(root);
      else if (root.dataset.mode === "review") review(root);
      else practice(root);
    });
    each(".quiz-mains[data-mid]", checklist);
    each("[data-quiz-progress]", progress);
    each("[data-quiz-reset]", resetter);
  }

  // Open the answer key for printing (and close it again after).
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll(".quiz-key details").forEach(function (d) { d.dataset.wasOpen = d.open; d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    document.querySelectorAll(".quiz-key details").forEach(function (d) { d.open = d.dataset.wasOpen === "true"; });
  });

  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
