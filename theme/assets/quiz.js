/* GENERATED FILE: do not edit. Bundled by esbuild from js/quiz/ (entry: js/quiz/main.js): edit the
   modules there, run `make js` and commit this file with them; tests/test_js_bundle.py checks that it is
   current. The format of the progress saved in localStorage is described in js/quiz/storage.js. */
(() => {
  // js/quiz/dom.js
  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  function button(text, onClick, primary) {
    const b = el("button", "md-button quiz-button" + (primary ? " md-button--primary" : ""), text);
    b.type = "button";
    b.addEventListener("click", onClick);
    return b;
  }
  function status(cls, text) {
    const p = el("p", cls, text);
    p.setAttribute("role", "status");
    p.setAttribute("aria-live", "polite");
    return p;
  }
  function all(root, selector) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
  }
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  function day(date) {
    return date.getDate() + " " + MONTHS[date.getMonth()] + " " + date.getFullYear();
  }

  // js/quiz/storage.js
  var KEY = "storyguide.quiz.v2";
  var OLD_KEY = "storyguide.quiz.v1";
  function fresh(s) {
    return {
      version: 2,
      answers: s && s.answers || {},
      checklist: s && s.checklist || {},
      titles: s && s.titles || {},
      exam: s && s.exam || {},
      mains: s && s.mains || {},
      schedule: s && s.schedule || {}
    };
  }
  function load() {
    try {
      let s = JSON.parse(localStorage.getItem(KEY));
      if (s && s.version === 2) return fresh(s);
      const old = s ? null : JSON.parse(localStorage.getItem(OLD_KEY));
      if (old && old.version === 1) {
        s = fresh(old);
        save(s);
        localStorage.removeItem(OLD_KEY);
        return s;
      }
    } catch (e) {
    }
    return fresh(null);
  }
  function save(s) {
    try {
      localStorage.setItem(KEY, JSON.stringify(s));
    } catch (e) {
    }
  }
  function forget() {
    try {
      localStorage.removeItem(KEY);
      localStorage.removeItem(OLD_KEY);
    } catch (e) {
    }
  }

  // js/quiz/question.js
  var STEM = 160;
  var LETTERS = "abcde";
  function question(fs, root) {
    const q = { fs, id: fs.dataset.qid, version: fs.dataset.version, key: +fs.dataset.answer, dom: fs.id };
    q.page = fs.dataset.home || root.dataset.page || "";
    q.title = fs.dataset.homeTitle || root.dataset.title || "";
    q.radios = all(fs, "input[type=radio]");
    q.details = fs.querySelector("details.quiz-answer");
    q.choice = () => q.radios.findIndex((r) => r.checked);
    q.letter = (i) => "(" + LETTERS.charAt(i) + ")";
    q.stem = () => {
      const legend = fs.querySelector("legend").cloneNode(true), n = legend.querySelector(".quiz-n");
      if (n) n.remove();
      const more = fs.querySelector(".quiz-more");
      const text = (legend.textContent + " " + (more ? more.textContent : "")).replace(/\s+/g, " ").trim();
      return text.length > STEM ? text.slice(0, STEM - 1).trim() + "…" : text;
    };
    q.feedback = status("quiz-feedback");
    fs.insertBefore(q.feedback, q.details);
    function mark2(choice) {
      q.radios.forEach((r, i) => {
        const li = r.closest("li"), label = fs.querySelector("label[for='" + r.id + "']");
        const old = label && label.querySelector(".quiz-mark");
        if (old) {
          if (old.previousSibling && old.previousSibling.nodeValue === " ") old.previousSibling.remove();
          old.remove();
        }
        if (!li) return;
        li.classList.toggle("quiz-option--key", choice !== null && i === q.key);
        li.classList.toggle("quiz-option--wrong", choice !== null && i === choice && i !== q.key);
        if (choice === null || !label) return;
        if (i === q.key) label.append(" ", el("span", "quiz-mark quiz-mark--key", "✓ Correct answer"));
        else if (i === choice) label.append(" ", el("span", "quiz-mark quiz-mark--wrong", "✗ Your answer"));
      });
    }
    q.show = (choice) => {
      const right = choice === q.key;
      fs.classList.add("quiz-q--done");
      fs.classList.toggle("quiz-q--right", choice >= 0 && right);
      fs.classList.toggle("quiz-q--wrong", choice >= 0 && !right);
      q.feedback.textContent = choice < 0 ? "– Not answered: the answer is " + q.letter(q.key) : right ? "✓ Correct" : "✗ Not correct: the answer is " + q.letter(q.key);
      mark2(choice);
    };
    q.place = (s, a) => {
      let changed = a.page !== q.page || a.dom !== q.dom || !a.correct && !a.stem;
      a.page = q.page;
      a.dom = q.dom;
      if (!a.correct && !a.stem) a.stem = q.stem();
      if (a.correct) delete a.stem;
      if (q.page && q.title && s.titles[q.page] !== q.title) {
        s.titles[q.page] = q.title;
        changed = true;
      }
      return changed;
    };
    q.record = (choice) => {
      const s = load();
      const a = { choice, correct: choice === q.key, version: q.version, at: (/* @__PURE__ */ new Date()).toISOString() };
      q.place(s, a);
      s.answers[q.id] = a;
      save(s);
    };
    q.clear = () => {
      q.radios.forEach((r) => {
        r.checked = false;
        r.disabled = false;
      });
      fs.classList.remove("quiz-q--done", "quiz-q--right", "quiz-q--wrong");
      q.feedback.textContent = "";
      mark2(null);
      if (q.details) q.details.open = false;
    };
    return q;
  }
  function questions(root) {
    return all(root, ".quiz-q").map((fs) => question(fs, root));
  }

  // js/quiz/exam.js
  var timer = null;
  function stopStaleTimer() {
    if (timer && !document.contains(timer.root)) {
      clearInterval(timer.id);
      timer = null;
    }
  }
  function exam(root) {
    const qs = questions(root);
    const minutes = +root.dataset.minutes || 30;
    let started = 0, end = 0, warned = 0;
    const bar = el("div", "quiz-bar"), clock = el("p", "quiz-timer"), count = el("p", "quiz-count");
    const notice = el("p", "quiz-sr"), summary = el("div", "quiz-summary");
    clock.setAttribute("role", "timer");
    notice.setAttribute("aria-live", "polite");
    summary.tabIndex = -1;
    const start2 = button("Start the test (" + minutes + " minutes)", begin, true);
    const submit = button("Submit answers", () => {
      const blank = qs.length - answered();
      const ask = blank ? blank + " of " + qs.length + " questions are unanswered. Submit anyway?" : "Submit your answers?";
      if (window.confirm(ask)) finish(false);
    }, true);
    bar.append(start2, clock, count, notice);
    root.prepend(bar, summary);
    root.append(submit);
    root.addEventListener("change", counted);
    function answered() {
      return qs.filter((q) => q.choice() >= 0).length;
    }
    function counted() {
      count.textContent = started ? "Answered: " + answered() + " of " + qs.length : "";
    }
    function tick() {
      const left = Math.max(0, Math.ceil((end - Date.now()) / 1e3));
      clock.textContent = "Time left: " + Math.floor(left / 60) + ":" + String(left % 60).padStart(2, "0");
      [300, 60].forEach((at) => {
        if (left <= at && warned > at && left > 0) {
          warned = at;
          notice.textContent = at / 60 + (at === 60 ? " minute" : " minutes") + " left";
        }
      });
      if (!left) finish(true);
    }
    function reset() {
      stop();
      qs.forEach((q) => {
        q.clear();
        if (q.details) q.details.hidden = true;
      });
      root.classList.add("quiz-waiting");
      start2.hidden = false;
      submit.hidden = summary.hidden = true;
      started = 0;
      clock.textContent = notice.textContent = "";
      counted();
    }
    function begin() {
      root.classList.remove("quiz-waiting");
      start2.hidden = true;
      submit.hidden = false;
      started = Date.now();
      end = started + minutes * 6e4;
      warned = minutes * 60;
      tick();
      counted();
      timer = { id: setInterval(tick, 1e3), root };
      if (qs[0]) qs[0].radios[0].focus();
    }
    function stop() {
      if (timer && timer.root === root) {
        clearInterval(timer.id);
        timer = null;
      }
    }
    function finish(timeUp) {
      stop();
      let right = 0, wrong = 0;
      qs.forEach((q) => {
        const c = q.choice();
        q.radios.forEach((r) => {
          r.disabled = true;
        });
        if (q.details) q.details.hidden = false;
        q.show(c);
        if (c < 0) return;
        if (c === q.key) right++;
        else wrong++;
        q.record(c);
      });
      const blank = qs.length - right - wrong, attempted = right + wrong;
      const score = ((200 * right - 66 * wrong) / 100).toFixed(2).replace("-", "−");
      const used = Math.round((Math.min(Date.now(), end) - started) / 1e3);
      const list = el("ul", "quiz-score");
      [
        "Net score: " + score + " out of " + 2 * qs.length,
        "Correct: " + right + " (+" + 2 * right + ")",
        "Wrong: " + wrong + " (−" + (66 * wrong / 100).toFixed(2) + ")",
        "Blank: " + blank + " (0)",
        "Attempted: " + attempted + " of " + qs.length,
        "Accuracy: " + (attempted ? Math.round(100 * right / attempted) + "% of attempted" : "nothing attempted"),
        "Time used: " + Math.floor(used / 60) + " min " + used % 60 + " s"
      ].forEach((t) => list.append(el("li", "", t)));
      summary.textContent = "";
      summary.append(el("h2", "", "Your result"));
      if (timeUp) summary.append(el("p", "", "Time is up: your answers were submitted."));
      summary.append(list, el("p", "", "Each question below now shows whether you were right, with its answer and explanation."), button("Take the test again", reset));
      submit.hidden = true;
      summary.hidden = false;
      clock.textContent = count.textContent = "";
      summary.focus();
    }
    reset();
  }

  // js/quiz/glossary.js
  function glossary(article) {
    const seen = /* @__PURE__ */ new Set();
    article.querySelectorAll("abbr[title]").forEach((term) => {
      const key = term.textContent.trim().toLowerCase();
      if (seen.has(key) || term.closest(".quiz-q")) return;
      seen.add(key);
      term.tabIndex = 0;
    });
  }

  // js/quiz/mains.js
  function checklist(box) {
    const id = box.dataset.mid, version = box.dataset.version;
    const boxes = all(box, "input[type=checkbox]");
    const tally = el("p", "quiz-tally");
    tally.setAttribute("aria-live", "polite");
    box.querySelector(".quiz-checklist").append(tally);
    function count() {
      const n = boxes.filter((b) => b.checked).length;
      tally.textContent = n + " of " + boxes.length + " key points covered";
    }
    const saved = load().checklist[id];
    boxes.forEach((b, i) => {
      b.checked = !!(saved && saved.version === version && (saved.ticked || []).indexOf(i) >= 0);
      b.addEventListener("change", () => {
        const s = load();
        s.checklist[id] = {
          version,
          ticked: boxes.map((x, j) => x.checked ? j : -1).filter((j) => j >= 0)
        };
        save(s);
        count();
      });
    });
    count();
  }

  // js/quiz/practice.js
  var RETRY = "retry";
  function retryLink(pageUrl, dom) {
    return pageUrl + "?" + RETRY + "=" + encodeURIComponent(dom) + "#" + encodeURIComponent(dom);
  }
  function retried() {
    let params;
    try {
      params = new URLSearchParams(location.search);
    } catch (e) {
      return "";
    }
    const dom = params.get(RETRY);
    if (dom === null) return "";
    params.delete(RETRY);
    try {
      const rest = params.toString();
      history.replaceState(history.state, "", location.pathname + (rest ? "?" + rest : "") + location.hash);
    } catch (e) {
    }
    return dom;
  }
  function practice(root) {
    const qs = questions(root);
    const score = status("quiz-page-score");
    const retry = retried();
    qs.forEach((q) => {
      q.retry = q.dom === retry;
      const check = button("Check", () => {
        const c = q.choice();
        if (c < 0) {
          q.feedback.textContent = "Choose an option first.";
          return;
        }
        q.retry = false;
        q.show(c);
        q.record(c);
        tally(load());
        if (q.details) q.details.open = true;
      });
      q.fs.insertBefore(el("div", "quiz-actions"), q.feedback).appendChild(check);
    });
    root.append(score);
    function tally(s) {
      let answered = 0, right = 0;
      qs.forEach((q) => {
        const a = s.answers[q.id];
        if (!a || a.version !== q.version || !q.radios[a.choice]) return;
        answered++;
        if (a.correct) right++;
      });
      score.textContent = "On this page: " + answered + " of " + qs.length + " answered, " + right + " correct";
    }
    function restore() {
      const s = load();
      let changed = false;
      qs.forEach((q) => {
        const a = s.answers[q.id];
        q.clear();
        if (!a) return;
        if (a.version !== q.version || !q.radios[a.choice]) {
          delete s.answers[q.id];
          changed = true;
          return;
        }
        changed = q.place(s, a) || changed;
        if (q.retry) return;
        q.radios[a.choice].checked = true;
        q.show(a.choice);
      });
      if (changed) save(s);
      tally(s);
    }
    restore();
    root.quizRestore = restore;
    let target = "";
    try {
      target = decodeURIComponent(location.hash.slice(1));
    } catch (e) {
    }
    if (/^q-/.test(target) && !document.getElementById(target)) {
      const note = el("p", "quiz-moved", "The question you followed is no longer on this page: the set has changed since you answered it. Look for it on the other pages of this set.");
      note.setAttribute("role", "status");
      root.prepend(note);
    }
  }

  // js/quiz/print.js
  function printing() {
    window.addEventListener("beforeprint", () => {
      document.querySelectorAll(".quiz-key details").forEach((d) => {
        d.dataset.wasOpen = d.open;
        d.open = true;
      });
    });
    window.addEventListener("afterprint", () => {
      document.querySelectorAll(".quiz-key details").forEach((d) => {
        d.open = d.dataset.wasOpen === "true";
      });
    });
  }

  // js/quiz/progress.js
  function progress(box) {
    const answers = load().answers, ids = Object.keys(answers);
    const wrong = ids.filter((k) => !(answers[k] || {}).correct).length;
    box.textContent = ids.length ? "Saved in this browser: " + ids.length + " answered, " + (ids.length - wrong) + " correct, " + wrong + " not correct." : "No answers saved in this browser yet.";
  }
  function refresh() {
    document.querySelectorAll(".quiz").forEach((q) => {
      if (q.quizRestore) q.quizRestore();
    });
    document.querySelectorAll("[data-quiz-progress]").forEach(progress);
  }
  function resetter(box) {
    box.append(button("Reset my progress", () => {
      if (!window.confirm("Delete every answer and checklist tick saved by the quiz in this browser?")) return;
      forget();
      refresh();
      const note = box.querySelector(".quiz-sr") || box.appendChild(el("p", "quiz-sr"));
      note.setAttribute("role", "status");
      note.textContent = "Your progress has been reset.";
    }));
  }

  // js/quiz/review.js
  function review(root) {
    const count = el("p", "quiz-review-count"), list = el("div", "quiz-review-list");
    count.setAttribute("role", "status");
    root.append(count, list);
    const base = root.dataset.root || "";
    function render() {
      const s = load(), groups = {}, pages = [];
      let unplaced = 0;
      const wrong = Object.keys(s.answers).map((id) => s.answers[id]).filter((a) => a && !a.correct).sort((a, b) => a.at < b.at ? 1 : a.at > b.at ? -1 : 0);
      wrong.forEach((a) => {
        if (!a.page || !a.dom) {
          unplaced++;
          return;
        }
        if (!groups[a.page]) {
          groups[a.page] = [];
          pages.push(a.page);
        }
        groups[a.page].push(a);
      });
      list.textContent = "";
      pages.forEach((page) => {
        const items = groups[page], section = el("section", "quiz-review-page"), ul = el("ul");
        const title = s.titles[page] || page;
        section.append(el("h2", "", title + ": " + items.length + (items.length === 1 ? " mistake" : " mistakes")), ul);
        items.forEach((a) => {
          const li = el("li"), link = el("a", "", a.stem || a.dom);
          link.href = retryLink(base + encodeURI(page), a.dom);
          const when = new Date(a.at), letter = "abcde".charAt(a.choice);
          li.append(link, el("span", "quiz-review-meta", " (you chose (" + letter + ")" + (isNaN(when) ? "" : ", " + day(when)) + ")"));
          ul.append(li);
        });
        list.append(section);
      });
      const placed = wrong.length - unplaced;
      count.textContent = placed ? placed + (placed === 1 ? " question" : " questions") + " to review, on " + pages.length + (pages.length === 1 ? " page." : " pages.") : "";
      if (unplaced) {
        list.append(el("p", "quiz-review-older", unplaced + (unplaced === 1 ? " older mistake was" : " older mistakes were") + " saved without its page. Open the practice sets: they show there, and appear here once you have opened their page."));
      }
      root.querySelector(".quiz-empty").hidden = wrong.length > 0;
    }
    render();
    root.quizRestore = render;
  }

  // js/quiz/tables.js
  function heading(wrap) {
    for (let e = wrap.previousElementSibling; e; e = e.previousElementSibling) {
      if (/^H[1-6]$/.test(e.tagName)) return e.textContent.replace(/¶$/, "").trim();
    }
    return "";
  }
  function mark(wrap) {
    const scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
    if (scrolls && !wrap.hasAttribute("tabindex")) {
      wrap.tabIndex = 0;
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", (heading(wrap) || "Table") + " (scrolls sideways)");
    } else if (!scrolls && wrap.getAttribute("role") === "region") {
      ["tabindex", "role", "aria-label"].forEach((name) => wrap.removeAttribute(name));
    }
  }
  var resizing = 0;
  window.addEventListener("resize", () => {
    clearTimeout(resizing);
    resizing = setTimeout(() => document.querySelectorAll(".md-typeset__scrollwrap").forEach(mark), 200);
  });
  function scrollingTables(article) {
    article.querySelectorAll(".md-typeset__scrollwrap").forEach(mark);
  }

  // js/quiz/main.js
  function init() {
    stopStaleTimer();
    document.documentElement.classList.add("quiz-js");
    function each(selector, setUp) {
      document.querySelectorAll(selector).forEach((e) => {
        if (e.dataset.quizReady) return;
        e.dataset.quizReady = "1";
        setUp(e);
      });
    }
    each(".quiz[data-mode]", (root) => {
      if (root.dataset.mode === "exam") exam(root);
      else if (root.dataset.mode === "review") review(root);
      else practice(root);
    });
    each(".quiz-mains[data-mid]", checklist);
    each("[data-quiz-progress]", progress);
    each("[data-quiz-reset]", resetter);
    each("article.md-content__inner", (article) => {
      glossary(article);
      scrollingTables(article);
    });
  }
  printing();
  window.addEventListener("pageshow", (event) => {
    if (event.persisted) refresh();
  });
  function start() {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
    else init();
  }
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe({ next: init, error: start, complete: start });
  } else start();
})();
