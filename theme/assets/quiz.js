/* GENERATED FILE: do not edit. Bundled by esbuild from js/quiz/ (entry: js/quiz/main.js): edit the
   modules there, run `make js` and commit this file with them; tests/test_js_bundle.py checks that it is
   current. The format of the progress saved in localStorage is described in js/quiz/storage.js. */
(() => {
  var __defProp = Object.defineProperty;
  var __defProps = Object.defineProperties;
  var __getOwnPropDescs = Object.getOwnPropertyDescriptors;
  var __getOwnPropSymbols = Object.getOwnPropertySymbols;
  var __hasOwnProp = Object.prototype.hasOwnProperty;
  var __propIsEnum = Object.prototype.propertyIsEnumerable;
  var __defNormalProp = (obj, key, value) => key in obj ? __defProp(obj, key, { enumerable: true, configurable: true, writable: true, value }) : obj[key] = value;
  var __spreadValues = (a, b) => {
    for (var prop in b || (b = {}))
      if (__hasOwnProp.call(b, prop))
        __defNormalProp(a, prop, b[prop]);
    if (__getOwnPropSymbols)
      for (var prop of __getOwnPropSymbols(b)) {
        if (__propIsEnum.call(b, prop))
          __defNormalProp(a, prop, b[prop]);
      }
    return a;
  };
  var __spreadProps = (a, b) => __defProps(a, __getOwnPropDescs(b));
  var __publicField = (obj, key, value) => __defNormalProp(obj, typeof key !== "symbol" ? key + "" : key, value);

  // js/quiz/storage.js
  var KEY = "storyguide.quiz.v2";
  var OLD_KEY = "storyguide.quiz.v1";
  var MOVED = [[/^quiz\/prelims(-\d+)?\.html$/, "quiz/formats$1.html"]];
  function moved(page) {
    return MOVED.reduce((url, [from, to]) => typeof url === "string" ? url.replace(from, to) : url, page);
  }
  function fresh(s) {
    const answers = s && s.answers || {}, titles = {};
    Object.keys(answers).forEach((id) => {
      if (answers[id] && answers[id].page) answers[id].page = moved(answers[id].page);
    });
    Object.keys(s && s.titles || {}).forEach((page) => {
      titles[moved(page)] = s.titles[page];
    });
    return {
      version: 2,
      answers,
      checklist: s && s.checklist || {},
      titles,
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
      let changed2 = a.page !== q.page || a.dom !== q.dom || !a.correct && !a.stem;
      a.page = q.page;
      a.dom = q.dom;
      if (!a.correct && !a.stem) a.stem = q.stem();
      if (a.correct) delete a.stem;
      if (q.page && q.title && s.titles[q.page] !== q.title) {
        s.titles[q.page] = q.title;
        changed2 = true;
      }
      return changed2;
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

  // node_modules/ts-fsrs/dist/index.mjs
  var FSRSError = class _FSRSError extends Error {
    constructor(message = "FSRS Error") {
      var _a;
      super(message);
      this.name = "FSRSError";
      (_a = Error.captureStackTrace) == null ? void 0 : _a.call(Error, this, _FSRSError);
    }
  };
  var FSRSValidationError = class _FSRSValidationError extends FSRSError {
    constructor(message) {
      var _a;
      super(message);
      this.name = "FSRSValidationError";
      (_a = Error.captureStackTrace) == null ? void 0 : _a.call(Error, this, _FSRSValidationError);
    }
  };
  var State = /* @__PURE__ */ ((State2) => {
    State2[State2["New"] = 0] = "New";
    State2[State2["Learning"] = 1] = "Learning";
    State2[State2["Review"] = 2] = "Review";
    State2[State2["Relearning"] = 3] = "Relearning";
    return State2;
  })(State || {});
  var Rating = /* @__PURE__ */ ((Rating2) => {
    Rating2[Rating2["Manual"] = 0] = "Manual";
    Rating2[Rating2["Again"] = 1] = "Again";
    Rating2[Rating2["Hard"] = 2] = "Hard";
    Rating2[Rating2["Good"] = 3] = "Good";
    Rating2[Rating2["Easy"] = 4] = "Easy";
    return Rating2;
  })(Rating || {});
  var TypeConvert = class _TypeConvert {
    static card(card) {
      return __spreadProps(__spreadValues({}, card), {
        state: _TypeConvert.state(card.state),
        due: _TypeConvert.time(card.due),
        last_review: card.last_review ? _TypeConvert.time(card.last_review) : void 0
      });
    }
    static rating(value) {
      if (typeof value === "string") {
        const firstLetter = value.charAt(0).toUpperCase();
        const restOfString = value.slice(1).toLowerCase();
        const ret = Rating[`${firstLetter}${restOfString}`];
        if (ret === void 0) {
          throw new FSRSValidationError(`Invalid rating:[${value}]`);
        }
        return ret;
      } else if (typeof value === "number") {
        return value;
      }
      throw new FSRSValidationError(`Invalid rating:[${value}]`);
    }
    static state(value) {
      if (typeof value === "string") {
        const firstLetter = value.charAt(0).toUpperCase();
        const restOfString = value.slice(1).toLowerCase();
        const ret = State[`${firstLetter}${restOfString}`];
        if (ret === void 0) {
          throw new FSRSValidationError(`Invalid state:[${value}]`);
        }
        return ret;
      } else if (typeof value === "number") {
        return value;
      }
      throw new FSRSValidationError(`Invalid state:[${value}]`);
    }
    static time(value) {
      if (value instanceof Date) {
        return value;
      }
      const date = new Date(value);
      if (typeof value === "object" && value !== null && !Number.isNaN(Date.parse(value) || +date)) {
        return date;
      } else if (typeof value === "string") {
        const timestamp = Date.parse(value);
        if (!Number.isNaN(timestamp)) {
          return new Date(timestamp);
        } else {
          throw new FSRSValidationError(`Invalid date:[${value}]`);
        }
      } else if (typeof value === "number") {
        return new Date(value);
      }
      throw new FSRSValidationError(`Invalid date:[${value}]`);
    }
    static review_log(log) {
      return __spreadProps(__spreadValues({}, log), {
        due: _TypeConvert.time(log.due),
        rating: _TypeConvert.rating(log.rating),
        state: _TypeConvert.state(log.state),
        review: _TypeConvert.time(log.review)
      });
    }
  };
  Date.prototype.scheduler = function(t, isDay) {
    return date_scheduler(this, t, isDay);
  };
  Date.prototype.diff = function(pre, unit) {
    return date_diff(this, pre, unit);
  };
  Date.prototype.format = function() {
    return formatDate(this);
  };
  Date.prototype.dueFormat = function(last_review, unit, timeUnit) {
    return show_diff_message(this, last_review, unit, timeUnit);
  };
  function date_scheduler(now, t, isDay) {
    return new Date(
      isDay ? TypeConvert.time(now).getTime() + t * 24 * 60 * 60 * 1e3 : TypeConvert.time(now).getTime() + t * 60 * 1e3
    );
  }
  function date_diff(now, pre, unit) {
    if (!now || !pre) {
      throw new FSRSValidationError("Invalid date");
    }
    const diff = TypeConvert.time(now).getTime() - TypeConvert.time(pre).getTime();
    let r = 0;
    switch (unit) {
      case "days":
        r = Math.floor(diff / (24 * 60 * 60 * 1e3));
        break;
      case "minutes":
        r = Math.floor(diff / (60 * 1e3));
        break;
    }
    return r;
  }
  function formatDate(dateInput) {
    const date = TypeConvert.time(dateInput);
    const year = date.getFullYear();
    const month = date.getMonth() + 1;
    const day2 = date.getDate();
    const hours = date.getHours();
    const minutes = date.getMinutes();
    const seconds = date.getSeconds();
    return `${year}-${padZero(month)}-${padZero(day2)} ${padZero(hours)}:${padZero(
      minutes
    )}:${padZero(seconds)}`;
  }
  function padZero(num) {
    return num < 10 ? `0${num}` : `${num}`;
  }
  var TIMEUNIT = [60, 60, 24, 31, 12];
  var TIMEUNITFORMAT = ["second", "min", "hour", "day", "month", "year"];
  function show_diff_message(due2, last_review, unit, timeUnit = TIMEUNITFORMAT) {
    due2 = TypeConvert.time(due2);
    last_review = TypeConvert.time(last_review);
    if (timeUnit.length !== TIMEUNITFORMAT.length) {
      timeUnit = TIMEUNITFORMAT;
    }
    let diff = due2.getTime() - last_review.getTime();
    let i = 0;
    diff /= 1e3;
    for (i = 0; i < TIMEUNIT.length; i++) {
      if (diff < TIMEUNIT[i]) {
        break;
      } else {
        diff /= TIMEUNIT[i];
      }
    }
    return `${Math.floor(diff)}${unit ? timeUnit[i] : ""}`;
  }
  var Grades = Object.freeze([
    Rating.Again,
    Rating.Hard,
    Rating.Good,
    Rating.Easy
  ]);
  var FUZZ_RANGES = [
    {
      start: 2.5,
      end: 7,
      factor: 0.15
    },
    {
      start: 7,
      end: 20,
      factor: 0.1
    },
    {
      start: 20,
      end: Infinity,
      factor: 0.05
    }
  ];
  function get_fuzz_range(interval2, elapsed_days, maximum_interval) {
    let delta = 1;
    for (const range of FUZZ_RANGES) {
      delta += range.factor * Math.max(Math.min(interval2, range.end) - range.start, 0);
    }
    interval2 = Math.min(interval2, maximum_interval);
    let min_ivl = Math.max(2, Math.round(interval2 - delta));
    const max_ivl = Math.min(Math.round(interval2 + delta), maximum_interval);
    if (interval2 > elapsed_days) {
      min_ivl = Math.max(min_ivl, elapsed_days + 1);
    }
    min_ivl = Math.min(min_ivl, max_ivl);
    return { min_ivl, max_ivl };
  }
  function clamp(value, min, max) {
    return Math.min(Math.max(value, min), max);
  }
  function roundTo(num, decimals) {
    const factor = 10 ** decimals;
    return Math.round(num * factor) / factor;
  }
  function dateDiffInDays(last, cur) {
    const utc1 = Date.UTC(
      last.getUTCFullYear(),
      last.getUTCMonth(),
      last.getUTCDate()
    );
    const utc2 = Date.UTC(
      cur.getUTCFullYear(),
      cur.getUTCMonth(),
      cur.getUTCDate()
    );
    return Math.floor(
      (utc2 - utc1) / 864e5
      /** 1000 * 60 * 60 * 24*/
    );
  }
  var ConvertStepUnitToMinutes = (step) => {
    const unit = step.slice(-1);
    const value = parseInt(step.slice(0, -1), 10);
    if (Number.isNaN(value) || !Number.isFinite(value) || value < 0) {
      throw new FSRSValidationError(`Invalid step value: ${step}`);
    }
    switch (unit) {
      case "m":
        return value;
      case "h":
        return value * 60;
      case "d":
        return value * 1440;
      default:
        throw new FSRSValidationError(
          `Invalid step unit: ${step}, expected m/h/d`
        );
    }
  };
  var BasicLearningStepsStrategy = (params, state, cur_step) => {
    const learning_steps = state === State.Relearning || state === State.Review ? params.relearning_steps : params.learning_steps;
    const steps_length = learning_steps.length;
    if (steps_length === 0 || cur_step >= steps_length) return {};
    const firstStep = learning_steps[0];
    const toMinutes = ConvertStepUnitToMinutes;
    const getAgainInterval = () => {
      return toMinutes(firstStep);
    };
    const getHardInterval = () => {
      if (steps_length === 1) return Math.round(toMinutes(firstStep) * 1.5);
      const nextStep = learning_steps[1];
      return Math.round((toMinutes(firstStep) + toMinutes(nextStep)) / 2);
    };
    const getStepInfo = (index) => {
      if (index < 0 || index >= steps_length) {
        return null;
      } else {
        return learning_steps[index];
      }
    };
    const getGoodMinutes = (step) => {
      return toMinutes(step);
    };
    const result = {};
    const step_info = getStepInfo(Math.max(0, cur_step));
    if (state === State.Review) {
      result[Rating.Again] = {
        scheduled_minutes: toMinutes(step_info),
        next_step: 0
      };
      return result;
    } else {
      result[Rating.Again] = {
        scheduled_minutes: getAgainInterval(),
        next_step: 0
      };
      result[Rating.Hard] = {
        scheduled_minutes: getHardInterval(),
        next_step: cur_step
      };
      const next_info = getStepInfo(cur_step + 1);
      if (next_info) {
        const nextMin = getGoodMinutes(next_info);
        if (nextMin) {
          result[Rating.Good] = {
            scheduled_minutes: Math.round(nextMin),
            next_step: cur_step + 1
          };
        }
      }
    }
    return result;
  };
  function DefaultInitSeedStrategy() {
    const time = this.review_time.getTime();
    const reps = this.current.reps;
    const mul = this.current.difficulty * this.current.stability;
    return `${time}_${reps}_${mul}`;
  }
  var StrategyMode = /* @__PURE__ */ ((StrategyMode2) => {
    StrategyMode2["SCHEDULER"] = "Scheduler";
    StrategyMode2["LEARNING_STEPS"] = "LearningSteps";
    StrategyMode2["SEED"] = "Seed";
    return StrategyMode2;
  })(StrategyMode || {});
  var AbstractScheduler = class {
    // init
    constructor(card, now, algorithm, strategies) {
      __publicField(this, "last");
      __publicField(this, "current");
      __publicField(this, "review_time");
      __publicField(this, "next", /* @__PURE__ */ new Map());
      __publicField(this, "algorithm");
      __publicField(this, "strategies");
      __publicField(this, "elapsed_days", 0);
      this.algorithm = algorithm;
      this.last = TypeConvert.card(card);
      this.current = TypeConvert.card(card);
      this.review_time = TypeConvert.time(now);
      this.strategies = strategies;
      this.init();
    }
    checkGrade(grade) {
      if (!Number.isFinite(grade) || grade < 1 || grade > 4) {
        throw new FSRSValidationError(`Invalid grade "${grade}",expected 1-4`);
      }
    }
    init() {
      const { state, last_review } = this.current;
      let interval2 = 0;
      if (state !== State.New && last_review) {
        interval2 = dateDiffInDays(last_review, this.review_time);
      }
      this.current.last_review = this.review_time;
      this.elapsed_days = interval2;
      this.current.elapsed_days = interval2;
      this.current.reps += 1;
      let seed_strategy = DefaultInitSeedStrategy;
      if (this.strategies) {
        const custom_strategy = this.strategies.get(StrategyMode.SEED);
        if (custom_strategy) {
          seed_strategy = custom_strategy;
        }
      }
      this.algorithm.seed = seed_strategy.call(this);
    }
    preview() {
      return {
        [Rating.Again]: this.review(Rating.Again),
        [Rating.Hard]: this.review(Rating.Hard),
        [Rating.Good]: this.review(Rating.Good),
        [Rating.Easy]: this.review(Rating.Easy),
        [Symbol.iterator]: this.previewIterator.bind(this)
      };
    }
    *previewIterator() {
      for (const grade of Grades) {
        yield this.review(grade);
      }
    }
    review(grade) {
      const { state } = this.last;
      let item;
      this.checkGrade(grade);
      switch (state) {
        case State.New:
          item = this.newState(grade);
          break;
        case State.Learning:
        case State.Relearning:
          item = this.learningState(grade);
          break;
        case State.Review:
          item = this.reviewState(grade);
          break;
      }
      return item;
    }
    buildLog(rating) {
      const { last_review, due: due2, elapsed_days } = this.last;
      return {
        rating,
        state: this.current.state,
        due: last_review || due2,
        stability: this.current.stability,
        difficulty: this.current.difficulty,
        elapsed_days: this.elapsed_days,
        last_elapsed_days: elapsed_days,
        scheduled_days: this.current.scheduled_days,
        learning_steps: this.current.learning_steps,
        review: this.review_time
      };
    }
  };
  var Alea = class {
    constructor(seed) {
      __publicField(this, "c");
      __publicField(this, "s0");
      __publicField(this, "s1");
      __publicField(this, "s2");
      const mash = Mash();
      this.c = 1;
      this.s0 = mash(" ");
      this.s1 = mash(" ");
      this.s2 = mash(" ");
      if (seed == null) seed = Date.now();
      this.s0 -= mash(seed);
      if (this.s0 < 0) this.s0 += 1;
      this.s1 -= mash(seed);
      if (this.s1 < 0) this.s1 += 1;
      this.s2 -= mash(seed);
      if (this.s2 < 0) this.s2 += 1;
    }
    next() {
      const t = 2091639 * this.s0 + this.c * 23283064365386963e-26;
      this.s0 = this.s1;
      this.s1 = this.s2;
      this.c = t | 0;
      this.s2 = t - this.c;
      return this.s2;
    }
    set state(state) {
      this.c = state.c;
      this.s0 = state.s0;
      this.s1 = state.s1;
      this.s2 = state.s2;
    }
    get state() {
      return {
        c: this.c,
        s0: this.s0,
        s1: this.s1,
        s2: this.s2
      };
    }
  };
  function Mash() {
    let n = 4022871197;
    return function mash(data) {
      data = String(data);
      for (let i = 0; i < data.length; i++) {
        n += data.charCodeAt(i);
        let h = 0.02519603282416938 * n;
        n = h >>> 0;
        h -= n;
        h *= n;
        n = h >>> 0;
        h -= n;
        n += h * 4294967296;
      }
      return (n >>> 0) * 23283064365386963e-26;
    };
  }
  function alea(seed) {
    const xg = new Alea(seed);
    const prng = () => xg.next();
    prng.int32 = () => xg.next() * 4294967296 | 0;
    prng.double = () => prng() + (prng() * 2097152 | 0) * 11102230246251565e-32;
    prng.state = () => xg.state;
    prng.importState = (state) => {
      xg.state = state;
      return prng;
    };
    return prng;
  }
  var version = "5.4.2";
  var default_request_retention = 0.9;
  var default_maximum_interval = 36500;
  var default_enable_fuzz = false;
  var default_enable_short_term = true;
  var default_learning_steps = Object.freeze([
    "1m",
    "10m"
  ]);
  var default_relearning_steps = Object.freeze([
    "10m"
  ]);
  var FSRSVersion = `v${version} using FSRS-6.0`;
  var S_MIN = 1e-3;
  var INIT_S_MAX = 100;
  var FSRS5_DEFAULT_DECAY = 0.5;
  var FSRS6_DEFAULT_DECAY = 0.1542;
  var default_w = Object.freeze([
    0.212,
    1.2931,
    2.3065,
    8.2956,
    6.4133,
    0.8334,
    3.0194,
    1e-3,
    1.8722,
    0.1666,
    0.796,
    1.4835,
    0.0614,
    0.2629,
    1.6483,
    0.6014,
    1.8729,
    0.5425,
    0.0912,
    0.0658,
    FSRS6_DEFAULT_DECAY
  ]);
  var W17_W18_Ceiling = 2;
  var CLAMP_PARAMETERS = (w17_w18_ceiling, enable_short_term = default_enable_short_term) => [
    [S_MIN, INIT_S_MAX],
    [S_MIN, INIT_S_MAX],
    [S_MIN, INIT_S_MAX],
    [S_MIN, INIT_S_MAX],
    [1, 10],
    [1e-3, 4],
    [1e-3, 4],
    [1e-3, 0.75],
    [0, 4.5],
    [0, 0.8],
    [1e-3, 3.5],
    [1e-3, 5],
    [1e-3, 0.25],
    [1e-3, 0.9],
    [0, 4],
    [0, 1],
    [1, 6],
    [0, w17_w18_ceiling],
    [0, w17_w18_ceiling],
    [
      enable_short_term ? 0.01 : 0,
      0.8
    ],
    [0.1, 0.8]
  ];
  var clipParameters = (parameters, numRelearningSteps, enableShortTerm = default_enable_short_term) => {
    const clip = CLAMP_PARAMETERS(W17_W18_Ceiling, enableShortTerm).slice(
      0,
      parameters.length
    );
    if (Math.max(0, numRelearningSteps) > 1) {
      const w11 = clamp(parameters[11] || 0, clip[11][0], clip[11][1]);
      const w13 = clamp(parameters[13] || 0, clip[13][0], clip[13][1]);
      const w14 = clamp(parameters[14] || 0, clip[14][0], clip[14][1]);
      const value = -(Math.log(w11) + Math.log(Math.pow(2, w13) - 1) + w14 * 0.3) / numRelearningSteps;
      const w17_w18_ceiling = clamp(
        roundTo(Math.sqrt(Math.max(value, 0)), 8),
        0.01,
        W17_W18_Ceiling
      );
      if (clip[17]) clip[17] = [clip[17][0], w17_w18_ceiling];
      if (clip[18]) clip[18] = [clip[18][0], w17_w18_ceiling];
    }
    return clip.map(
      ([min, max], index) => clamp(parameters[index] || 0, min, max)
    );
  };
  var migrateParameters = (parameters, numRelearningSteps = 0, enableShortTerm = default_enable_short_term) => {
    if (parameters === void 0) {
      return [...default_w];
    }
    switch (parameters.length) {
      case 21:
        return clipParameters(
          Array.from(parameters),
          numRelearningSteps,
          enableShortTerm
        );
      case 19:
        console.debug("[FSRS-6]auto fill w from 19 to 21 length");
        return clipParameters(
          Array.from(parameters),
          numRelearningSteps,
          enableShortTerm
        ).concat([0, FSRS5_DEFAULT_DECAY]);
      case 17: {
        const w = clipParameters(
          Array.from(parameters),
          numRelearningSteps,
          enableShortTerm
        );
        w[4] = +(w[5] * 2 + w[4]).toFixed(8);
        w[5] = +(Math.log(w[5] * 3 + 1) / 3).toFixed(8);
        w[6] = +(w[6] + 0.5).toFixed(8);
        console.debug("[FSRS-6]auto fill w from 17 to 21 length");
        return w.concat([0, 0, 0, FSRS5_DEFAULT_DECAY]);
      }
      default:
        console.warn("[FSRS]Invalid parameters length, using default parameters");
        return [...default_w];
    }
  };
  var generatorParameters = (props) => {
    var _a, _b;
    const learning_steps = Array.isArray(props == null ? void 0 : props.learning_steps) ? props.learning_steps : default_learning_steps;
    const relearning_steps = Array.isArray(props == null ? void 0 : props.relearning_steps) ? props.relearning_steps : default_relearning_steps;
    const enable_short_term = (_a = props == null ? void 0 : props.enable_short_term) != null ? _a : default_enable_short_term;
    const w = migrateParameters(
      props == null ? void 0 : props.w,
      relearning_steps.length,
      enable_short_term
    );
    return {
      request_retention: (props == null ? void 0 : props.request_retention) || default_request_retention,
      maximum_interval: (props == null ? void 0 : props.maximum_interval) || default_maximum_interval,
      w,
      enable_fuzz: (_b = props == null ? void 0 : props.enable_fuzz) != null ? _b : default_enable_fuzz,
      enable_short_term,
      learning_steps,
      relearning_steps
    };
  };
  function createEmptyCard(now, afterHandler) {
    const emptyCard = {
      due: now ? TypeConvert.time(now) : /* @__PURE__ */ new Date(),
      stability: 0,
      difficulty: 0,
      elapsed_days: 0,
      scheduled_days: 0,
      reps: 0,
      lapses: 0,
      learning_steps: 0,
      state: State.New,
      last_review: void 0
    };
    if (afterHandler && typeof afterHandler === "function") {
      return afterHandler(emptyCard);
    } else {
      return emptyCard;
    }
  }
  var computeDecayFactor = (decayOrParams) => {
    const decay = typeof decayOrParams === "number" ? -decayOrParams : -decayOrParams[20];
    const factor = Math.exp(Math.pow(decay, -1) * Math.log(0.9)) - 1;
    return { decay, factor: roundTo(factor, 8) };
  };
  function forgetting_curve(decayOrParams, elapsed_days, stability) {
    const { decay, factor } = computeDecayFactor(decayOrParams);
    return roundTo(Math.pow(1 + factor * elapsed_days / stability, decay), 8);
  }
  var FSRSAlgorithm = class {
    constructor(params) {
      __publicField(this, "param");
      __publicField(this, "intervalModifier");
      __publicField(this, "_seed");
      __publicField(this, "prepare_parameters", (params) => {
        const generated = generatorParameters(params);
        generated.w = clipParameters(
          Array.from(generated.w),
          generated.relearning_steps.length,
          generated.enable_short_term
        );
        return generated;
      });
      /**
       * The formula used is :
       * $$R(t,S) = (1 + \text{FACTOR} \times \frac{t}{9 \cdot S})^{\text{DECAY}}$$
       * @param {number} elapsed_days t days since the last review
       * @param {number} stability Stability (interval when R=90%)
       * @return {number} r Retrievability (probability of recall)
       */
      __publicField(this, "forgetting_curve");
      this.param = new Proxy(
        this.prepare_parameters(params),
        this.params_handler_proxy()
      );
      this.intervalModifier = this.calculate_interval_modifier(
        this.param.request_retention
      );
      this.forgetting_curve = forgetting_curve.bind(this, this.param.w);
    }
    get interval_modifier() {
      return this.intervalModifier;
    }
    set seed(seed) {
      this._seed = seed;
    }
    /**
     * @see https://github.com/open-spaced-repetition/fsrs4anki/wiki/The-Algorithm#fsrs-5
     *
     * The formula used is: $$I(r,s) = (r^{\frac{1}{DECAY}} - 1) / FACTOR \times s$$
     * @param request_retention 0<request_retention<=1,Requested retention rate
     * @throws {Error} Requested retention rate should be in the range (0,1]
     */
    calculate_interval_modifier(request_retention) {
      if (request_retention <= 0 || request_retention > 1) {
        throw new FSRSValidationError(
          "Requested retention rate should be in the range (0,1]"
        );
      }
      const { decay, factor } = computeDecayFactor(this.param.w);
      return roundTo((Math.pow(request_retention, 1 / decay) - 1) / factor, 8);
    }
    /**
     * Get the parameters of the algorithm.
     */
    get parameters() {
      return this.param;
    }
    /**
     * Set the parameters of the algorithm.
     * @param params Partial<FSRSParameters>
     */
    set parameters(params) {
      this.update_parameters(params);
    }
    params_handler_proxy() {
      const _this = this;
      return {
        set: function(target, prop, value) {
          if (prop === "request_retention" && Number.isFinite(value)) {
            _this.intervalModifier = _this.calculate_interval_modifier(
              Number(value)
            );
          } else if (prop === "w") {
            value = migrateParameters(
              value,
              target.relearning_steps.length,
              target.enable_short_term
            );
            value = clipParameters(
              Array.from(value),
              target.relearning_steps.length,
              target.enable_short_term
            );
            _this.forgetting_curve = forgetting_curve.bind(this, value);
            _this.intervalModifier = _this.calculate_interval_modifier(
              Number(target.request_retention)
            );
          }
          Reflect.set(target, prop, value);
          return true;
        }
      };
    }
    update_parameters(params) {
      const _params = this.prepare_parameters(params);
      for (const key in _params) {
        const paramKey = key;
        this.param[paramKey] = _params[paramKey];
      }
    }
    /**
       * The formula used is :
       * $$ S_0(G) = w_{G-1}$$
       * $$S_0 = \max \lbrace S_0,0.1\rbrace $$
    
       * @param g Grade (rating at Anki) [1.again,2.hard,3.good,4.easy]
       * @return Stability (interval when R=90%)
       */
    init_stability(g) {
      return Math.max(this.param.w[g - 1], 0.1);
    }
    /**
     * The formula used is :
     * $$D_0(G) = w_4 - e^{(G-1) \cdot w_5} + 1 $$
     * $$D_0 = \min \lbrace \max \lbrace D_0(G),1 \rbrace,10 \rbrace$$
     * where the $$D_0(1)=w_4$$ when the first rating is good.
     *
     * @param {Grade} g Grade (rating at Anki) [1.again,2.hard,3.good,4.easy]
     * @return {number} Difficulty $$D \in [1,10]$$
     */
    init_difficulty(g) {
      const w = this.param.w;
      const d = w[4] - Math.exp((g - 1) * w[5]) + 1;
      return roundTo(d, 8);
    }
    /**
     * If fuzzing is disabled or ivl is less than 2.5, it returns the original interval.
     * @param {number} ivl - The interval to be fuzzed.
     * @param {number} elapsed_days t days since the last review
     * @return {number} - The fuzzed interval.
     **/
    apply_fuzz(ivl, elapsed_days) {
      if (!this.param.enable_fuzz || ivl < 2.5) return Math.round(ivl);
      const generator = alea(this._seed);
      const fuzz_factor = generator();
      const { min_ivl, max_ivl } = get_fuzz_range(
        ivl,
        elapsed_days,
        this.param.maximum_interval
      );
      return Math.floor(fuzz_factor * (max_ivl - min_ivl + 1) + min_ivl);
    }
    /**
     *   @see The formula used is : {@link FSRSAlgorithm.calculate_interval_modifier}
     *   @param {number} s - Stability (interval when R=90%)
     *   @param {number} elapsed_days t days since the last review
     */
    next_interval(s, elapsed_days) {
      const newInterval = Math.min(
        Math.max(1, Math.round(s * this.intervalModifier)),
        this.param.maximum_interval
      );
      return this.apply_fuzz(newInterval, elapsed_days);
    }
    /**
     * @see https://github.com/open-spaced-repetition/fsrs4anki/issues/697
     */
    linear_damping(delta_d, old_d) {
      return roundTo(delta_d * (10 - old_d) / 9, 8);
    }
    /**
     * The formula used is :
     * $$\text{delta}_d = -w_6 \cdot (g - 3)$$
     * $$\text{next}_d = D + \text{linear damping}(\text{delta}_d , D)$$
     * $$D^\prime(D,R) = w_7 \cdot D_0(4) +(1 - w_7) \cdot \text{next}_d$$
     * @param {number} d Difficulty $$D \in [1,10]$$
     * @param {Grade} g Grade (rating at Anki) [1.again,2.hard,3.good,4.easy]
     * @return {number} $$\text{next}_D$$
     */
    next_difficulty(d, g) {
      const delta_d = -this.param.w[6] * (g - 3);
      const next_d = d + this.linear_damping(delta_d, d);
      return clamp(
        this.mean_reversion(this.init_difficulty(Rating.Easy), next_d),
        1,
        10
      );
    }
    /**
     * The formula used is :
     * $$w_7 \cdot \text{init} +(1 - w_7) \cdot \text{current}$$
     * @param {number} init $$w_2 : D_0(3) = w_2 + (R-2) \cdot w_3= w_2$$
     * @param {number} current $$D - w_6 \cdot (R - 2)$$
     * @return {number} difficulty
     */
    mean_reversion(init2, current) {
      const w = this.param.w;
      return roundTo(w[7] * init2 + (1 - w[7]) * current, 8);
    }
    /**
     * The formula used is :
     * $$S^\prime_r(D,S,R,G) = S\cdot(e^{w_8}\cdot (11-D)\cdot S^{-w_9}\cdot(e^{w_{10}\cdot(1-R)}-1)\cdot w_{15}(\text{if} G=2) \cdot w_{16}(\text{if} G=4)+1)$$
     * @param {number} d Difficulty D \in [1,10]
     * @param {number} s Stability (interval when R=90%)
     * @param {number} r Retrievability (probability of recall)
     * @param {Grade} g Grade (Rating[0.again,1.hard,2.good,3.easy])
     * @return {number} S^\prime_r new stability after recall
     */
    next_recall_stability(d, s, r, g) {
      const w = this.param.w;
      const hard_penalty = Rating.Hard === g ? w[15] : 1;
      const easy_bound = Rating.Easy === g ? w[16] : 1;
      return roundTo(
        clamp(
          s * (1 + Math.exp(w[8]) * (11 - d) * Math.pow(s, -w[9]) * (Math.exp((1 - r) * w[10]) - 1) * hard_penalty * easy_bound),
          S_MIN,
          36500
        ),
        8
      );
    }
    /**
     * The formula used is :
     * $$S^\prime_f(D,S,R) = w_{11}\cdot D^{-w_{12}}\cdot ((S+1)^{w_{13}}-1) \cdot e^{w_{14}\cdot(1-R)}$$
     * enable_short_term = true : $$S^\prime_f \in \min \lbrace \max \lbrace S^\prime_f,0.01\rbrace, \frac{S}{e^{w_{17} \cdot w_{18}}} \rbrace$$
     * enable_short_term = false : $$S^\prime_f \in \min \lbrace \max \lbrace S^\prime_f,0.01\rbrace, S \rbrace$$
     * @param {number} d Difficulty D \in [1,10]
     * @param {number} s Stability (interval when R=90%)
     * @param {number} r Retrievability (probability of recall)
     * @return {number} S^\prime_f new stability after forgetting
     */
    next_forget_stability(d, s, r) {
      const w = this.param.w;
      return roundTo(
        clamp(
          w[11] * Math.pow(d, -w[12]) * (Math.pow(s + 1, w[13]) - 1) * Math.exp((1 - r) * w[14]),
          S_MIN,
          36500
        ),
        8
      );
    }
    /**
     * The formula used is :
     * $$S^\prime_s(S,G) = S \cdot e^{w_{17} \cdot (G-3+w_{18})}$$
     * @param {number} s Stability (interval when R=90%)
     * @param {Grade} g Grade (Rating[0.again,1.hard,2.good,3.easy])
     */
    next_short_term_stability(s, g) {
      const w = this.param.w;
      const sinc = Math.pow(s, -w[19]) * Math.exp(w[17] * (g - 3 + w[18]));
      const maskedSinc = g >= Rating.Hard ? Math.max(sinc, 1) : sinc;
      return roundTo(clamp(s * maskedSinc, S_MIN, 36500), 8);
    }
    /**
     * Calculates the next state of memory based on the current state, time elapsed, and grade.
     *
     * @param memory_state - The current state of memory, which can be null.
     * @param t - The time elapsed since the last review.
     * @param {Rating} g Grade (Rating[0.Manual,1.Again,2.Hard,3.Good,4.Easy])
     * @param r - Optional retrievability value. If not provided, it will be calculated.
     * @returns The next state of memory with updated difficulty and stability.
     */
    next_state(memory_state, t, g, r) {
      const { difficulty: d, stability: s } = memory_state != null ? memory_state : {
        difficulty: 0,
        stability: 0
      };
      if (t < 0) {
        throw new FSRSValidationError(`Invalid delta_t "${t}"`);
      }
      if (g < 0 || g > 4) {
        throw new FSRSValidationError(`Invalid grade "${g}"`);
      }
      if (d === 0 && s === 0) {
        return {
          difficulty: clamp(this.init_difficulty(g), 1, 10),
          stability: this.init_stability(g)
        };
      }
      if (g === 0) {
        return {
          difficulty: d,
          stability: s
        };
      }
      if (d < 1 || s < S_MIN) {
        throw new FSRSValidationError(
          `Invalid memory state { difficulty: ${d}, stability: ${s} }`
        );
      }
      const w = this.param.w;
      r = typeof r === "number" ? r : this.forgetting_curve(t, s);
      let new_s;
      if (t === 0 && this.param.enable_short_term) {
        new_s = this.next_short_term_stability(s, g);
      } else if (g === 1) {
        const s_after_fail = this.next_forget_stability(d, s, r);
        let [w_17, w_18] = [0, 0];
        if (this.param.enable_short_term) {
          w_17 = w[17];
          w_18 = w[18];
        }
        const next_s_min = s / Math.exp(w_17 * w_18);
        new_s = clamp(roundTo(next_s_min, 8), S_MIN, s_after_fail);
      } else {
        new_s = this.next_recall_stability(d, s, r, g);
      }
      const new_d = this.next_difficulty(d, g);
      return { difficulty: new_d, stability: new_s };
    }
  };
  var BasicScheduler = class extends AbstractScheduler {
    constructor(card, now, algorithm, strategies) {
      super(card, now, algorithm, strategies);
      __publicField(this, "learningStepsStrategy");
      let learningStepStrategy = BasicLearningStepsStrategy;
      if (this.strategies) {
        const custom_strategy = this.strategies.get(StrategyMode.LEARNING_STEPS);
        if (custom_strategy) {
          learningStepStrategy = custom_strategy;
        }
      }
      this.learningStepsStrategy = learningStepStrategy;
    }
    getLearningInfo(card, grade) {
      var _a, _b, _c, _d;
      const parameters = this.algorithm.parameters;
      card.learning_steps = card.learning_steps || 0;
      const steps_strategy = this.learningStepsStrategy(
        parameters,
        card.state,
        card.learning_steps
      );
      const scheduled_minutes = Math.max(
        0,
        (_b = (_a = steps_strategy[grade]) == null ? void 0 : _a.scheduled_minutes) != null ? _b : 0
      );
      const next_steps = Math.max(0, (_d = (_c = steps_strategy[grade]) == null ? void 0 : _c.next_step) != null ? _d : 0);
      return {
        scheduled_minutes,
        next_steps
      };
    }
    /**
     * @description This function applies the learning steps based on the current card's state and grade.
     */
    applyLearningSteps(nextCard, grade, to_state) {
      const { scheduled_minutes, next_steps } = this.getLearningInfo(
        this.current,
        grade
      );
      if (scheduled_minutes > 0 && scheduled_minutes < 1440) {
        nextCard.learning_steps = next_steps;
        nextCard.scheduled_days = 0;
        nextCard.state = to_state;
        nextCard.due = date_scheduler(
          this.review_time,
          Math.round(scheduled_minutes),
          false
          /** true:days false: minute */
        );
      } else {
        nextCard.state = State.Review;
        if (scheduled_minutes >= 1440) {
          nextCard.learning_steps = next_steps;
          nextCard.due = date_scheduler(
            this.review_time,
            Math.round(scheduled_minutes),
            false
            /** true:days false: minute */
          );
          nextCard.scheduled_days = Math.floor(scheduled_minutes / 1440);
        } else {
          nextCard.learning_steps = 0;
          const interval2 = this.algorithm.next_interval(
            nextCard.stability,
            this.elapsed_days
          );
          nextCard.scheduled_days = interval2;
          nextCard.due = date_scheduler(this.review_time, interval2, true);
        }
      }
    }
    newState(grade) {
      const exist = this.next.get(grade);
      if (exist) {
        return exist;
      }
      const next = this.next_ds(this.elapsed_days, grade);
      this.applyLearningSteps(next, grade, State.Learning);
      const item = {
        card: next,
        log: this.buildLog(grade)
      };
      this.next.set(grade, item);
      return item;
    }
    learningState(grade) {
      const exist = this.next.get(grade);
      if (exist) {
        return exist;
      }
      const next = this.next_ds(this.elapsed_days, grade);
      this.applyLearningSteps(
        next,
        grade,
        this.last.state
        /** Learning or Relearning */
      );
      const item = {
        card: next,
        log: this.buildLog(grade)
      };
      this.next.set(grade, item);
      return item;
    }
    reviewState(grade) {
      const exist = this.next.get(grade);
      if (exist) {
        return exist;
      }
      const interval2 = this.elapsed_days;
      const retrievability = this.algorithm.forgetting_curve(
        interval2,
        this.current.stability
      );
      const next_again = this.next_ds(interval2, Rating.Again, retrievability);
      const next_hard = this.next_ds(interval2, Rating.Hard, retrievability);
      const next_good = this.next_ds(interval2, Rating.Good, retrievability);
      const next_easy = this.next_ds(interval2, Rating.Easy, retrievability);
      this.next_interval(next_hard, next_good, next_easy, interval2);
      this.next_state(next_hard, next_good, next_easy);
      this.applyLearningSteps(next_again, Rating.Again, State.Relearning);
      next_again.lapses += 1;
      const item_again = {
        card: next_again,
        log: this.buildLog(Rating.Again)
      };
      const item_hard = {
        card: next_hard,
        log: super.buildLog(Rating.Hard)
      };
      const item_good = {
        card: next_good,
        log: super.buildLog(Rating.Good)
      };
      const item_easy = {
        card: next_easy,
        log: super.buildLog(Rating.Easy)
      };
      this.next.set(Rating.Again, item_again);
      this.next.set(Rating.Hard, item_hard);
      this.next.set(Rating.Good, item_good);
      this.next.set(Rating.Easy, item_easy);
      return this.next.get(grade);
    }
    /**
     * Review next_ds
     */
    next_ds(t, g, r) {
      const next_state = this.algorithm.next_state(
        {
          difficulty: this.current.difficulty,
          stability: this.current.stability
        },
        t,
        g,
        r
      );
      const card = TypeConvert.card(this.current);
      card.difficulty = next_state.difficulty;
      card.stability = next_state.stability;
      return card;
    }
    /**
     * Review next_interval
     */
    next_interval(next_hard, next_good, next_easy, interval2) {
      let hard_interval, good_interval;
      hard_interval = this.algorithm.next_interval(next_hard.stability, interval2);
      good_interval = this.algorithm.next_interval(next_good.stability, interval2);
      hard_interval = Math.min(hard_interval, good_interval);
      good_interval = Math.max(good_interval, hard_interval + 1);
      const easy_interval = Math.max(
        this.algorithm.next_interval(next_easy.stability, interval2),
        good_interval + 1
      );
      next_hard.scheduled_days = hard_interval;
      next_hard.due = date_scheduler(this.review_time, hard_interval, true);
      next_good.scheduled_days = good_interval;
      next_good.due = date_scheduler(this.review_time, good_interval, true);
      next_easy.scheduled_days = easy_interval;
      next_easy.due = date_scheduler(this.review_time, easy_interval, true);
    }
    /**
     * Review next_state
     */
    next_state(next_hard, next_good, next_easy) {
      next_hard.state = State.Review;
      next_hard.learning_steps = 0;
      next_good.state = State.Review;
      next_good.learning_steps = 0;
      next_easy.state = State.Review;
      next_easy.learning_steps = 0;
    }
  };
  var LongTermScheduler = class extends AbstractScheduler {
    newState(grade) {
      const exist = this.next.get(grade);
      if (exist) {
        return exist;
      }
      this.current.scheduled_days = 0;
      this.current.elapsed_days = 0;
      const first_interval = 0;
      const next_again = this.next_ds(first_interval, Rating.Again);
      const next_hard = this.next_ds(first_interval, Rating.Hard);
      const next_good = this.next_ds(first_interval, Rating.Good);
      const next_easy = this.next_ds(first_interval, Rating.Easy);
      this.next_interval(
        next_again,
        next_hard,
        next_good,
        next_easy,
        first_interval
      );
      this.next_state(next_again, next_hard, next_good, next_easy);
      this.update_next(next_again, next_hard, next_good, next_easy);
      return this.next.get(grade);
    }
    next_ds(t, g, r) {
      const next_state = this.algorithm.next_state(
        {
          difficulty: this.current.difficulty,
          stability: this.current.stability
        },
        t,
        g,
        r
      );
      const card = TypeConvert.card(this.current);
      card.difficulty = next_state.difficulty;
      card.stability = next_state.stability;
      return card;
    }
    /**
     * @see https://github.com/open-spaced-repetition/ts-fsrs/issues/98#issuecomment-2241923194
     */
    learningState(grade) {
      return this.reviewState(grade);
    }
    reviewState(grade) {
      const exist = this.next.get(grade);
      if (exist) {
        return exist;
      }
      const interval2 = this.elapsed_days;
      const retrievability = this.algorithm.forgetting_curve(
        interval2,
        this.current.stability
      );
      const next_again = this.next_ds(interval2, Rating.Again, retrievability);
      const next_hard = this.next_ds(interval2, Rating.Hard, retrievability);
      const next_good = this.next_ds(interval2, Rating.Good, retrievability);
      const next_easy = this.next_ds(interval2, Rating.Easy, retrievability);
      this.next_interval(next_again, next_hard, next_good, next_easy, interval2);
      this.next_state(next_again, next_hard, next_good, next_easy);
      next_again.lapses += 1;
      this.update_next(next_again, next_hard, next_good, next_easy);
      return this.next.get(grade);
    }
    /**
     * Review/New next_interval
     */
    next_interval(next_again, next_hard, next_good, next_easy, interval2) {
      let again_interval, hard_interval, good_interval, easy_interval;
      again_interval = this.algorithm.next_interval(
        next_again.stability,
        interval2
      );
      hard_interval = this.algorithm.next_interval(next_hard.stability, interval2);
      good_interval = this.algorithm.next_interval(next_good.stability, interval2);
      easy_interval = this.algorithm.next_interval(next_easy.stability, interval2);
      again_interval = Math.min(again_interval, hard_interval);
      hard_interval = Math.max(hard_interval, again_interval + 1);
      good_interval = Math.max(good_interval, hard_interval + 1);
      easy_interval = Math.max(easy_interval, good_interval + 1);
      next_again.scheduled_days = again_interval;
      next_again.due = date_scheduler(this.review_time, again_interval, true);
      next_hard.scheduled_days = hard_interval;
      next_hard.due = date_scheduler(this.review_time, hard_interval, true);
      next_good.scheduled_days = good_interval;
      next_good.due = date_scheduler(this.review_time, good_interval, true);
      next_easy.scheduled_days = easy_interval;
      next_easy.due = date_scheduler(this.review_time, easy_interval, true);
    }
    /**
     * Review/New next_state
     */
    next_state(next_again, next_hard, next_good, next_easy) {
      next_again.state = State.Review;
      next_again.learning_steps = 0;
      next_hard.state = State.Review;
      next_hard.learning_steps = 0;
      next_good.state = State.Review;
      next_good.learning_steps = 0;
      next_easy.state = State.Review;
      next_easy.learning_steps = 0;
    }
    update_next(next_again, next_hard, next_good, next_easy) {
      const item_again = {
        card: next_again,
        log: this.buildLog(Rating.Again)
      };
      const item_hard = {
        card: next_hard,
        log: super.buildLog(Rating.Hard)
      };
      const item_good = {
        card: next_good,
        log: super.buildLog(Rating.Good)
      };
      const item_easy = {
        card: next_easy,
        log: super.buildLog(Rating.Easy)
      };
      this.next.set(Rating.Again, item_again);
      this.next.set(Rating.Hard, item_hard);
      this.next.set(Rating.Good, item_good);
      this.next.set(Rating.Easy, item_easy);
    }
  };
  var Reschedule = class {
    /**
     * Creates an instance of the `Reschedule` class.
     * @param fsrs - An instance of the FSRS class used for scheduling.
     */
    constructor(fsrs2) {
      __publicField(this, "fsrs");
      this.fsrs = fsrs2;
    }
    /**
     * Replays a review for a card and determines the next review date based on the given rating.
     * @param card - The card being reviewed.
     * @param reviewed - The date the card was reviewed.
     * @param rating - The grade given to the card during the review.
     * @returns A `RecordLogItem` containing the updated card and review log.
     */
    replay(card, reviewed, rating) {
      return this.fsrs.next(card, reviewed, rating);
    }
    /**
     * Processes a manual review for a card, allowing for custom state, stability, difficulty, and due date.
     * @param card - The card being reviewed.
     * @param state - The state of the card after the review.
     * @param reviewed - The date the card was reviewed.
     * @param elapsed_days - The number of days since the last review.
     * @param stability - (Optional) The stability of the card.
     * @param difficulty - (Optional) The difficulty of the card.
     * @param due - (Optional) The due date for the next review.
     * @returns A `RecordLogItem` containing the updated card and review log.
     * @throws Will throw an error if the state or due date is not provided when required.
     */
    handleManualRating(card, state, reviewed, elapsed_days, stability, difficulty, due2) {
      if (typeof state === "undefined") {
        throw new FSRSValidationError(
          "reschedule: state is required for manual rating"
        );
      }
      let log;
      let next_card;
      if (state === State.New) {
        log = {
          rating: Rating.Manual,
          state,
          due: due2 != null ? due2 : reviewed,
          stability: card.stability,
          difficulty: card.difficulty,
          elapsed_days,
          last_elapsed_days: card.elapsed_days,
          scheduled_days: card.scheduled_days,
          learning_steps: card.learning_steps,
          review: reviewed
        };
        next_card = createEmptyCard(reviewed);
        next_card.last_review = reviewed;
      } else {
        if (typeof due2 === "undefined") {
          throw new FSRSValidationError(
            "reschedule: due is required for manual rating"
          );
        }
        const scheduled_days = date_diff(due2, reviewed, "days");
        log = {
          rating: Rating.Manual,
          state: card.state,
          due: card.last_review || card.due,
          stability: card.stability,
          difficulty: card.difficulty,
          elapsed_days,
          last_elapsed_days: card.elapsed_days,
          scheduled_days: card.scheduled_days,
          learning_steps: card.learning_steps,
          review: reviewed
        };
        next_card = __spreadProps(__spreadValues({}, card), {
          state,
          due: due2,
          last_review: reviewed,
          stability: stability || card.stability,
          difficulty: difficulty || card.difficulty,
          elapsed_days,
          scheduled_days,
          reps: card.reps + 1
        });
      }
      return { card: next_card, log };
    }
    /**
     * Reschedules a card based on its review history.
     *
     * @param current_card - The card to be rescheduled.
     * @param reviews - An array of review history objects.
     * @returns An array of record log items representing the rescheduling process.
     */
    reschedule(current_card, reviews) {
      const collections = [];
      let cur_card = createEmptyCard(current_card.due);
      for (const review2 of reviews) {
        let item;
        review2.review = TypeConvert.time(review2.review);
        if (review2.rating === Rating.Manual) {
          let interval2 = 0;
          if (cur_card.state !== State.New && cur_card.last_review) {
            interval2 = date_diff(review2.review, cur_card.last_review, "days");
          }
          item = this.handleManualRating(
            cur_card,
            review2.state,
            review2.review,
            interval2,
            review2.stability,
            review2.difficulty,
            review2.due ? TypeConvert.time(review2.due) : void 0
          );
        } else {
          item = this.replay(cur_card, review2.review, review2.rating);
        }
        collections.push(item);
        cur_card = item.card;
      }
      return collections;
    }
    calculateManualRecord(current_card, now, record_log_item, update_memory) {
      if (!record_log_item) {
        return null;
      }
      const { card: reschedule_card, log } = record_log_item;
      const cur_card = TypeConvert.card(current_card);
      if (cur_card.due.getTime() === reschedule_card.due.getTime()) {
        return null;
      }
      cur_card.scheduled_days = date_diff(
        reschedule_card.due,
        cur_card.due,
        "days"
      );
      return this.handleManualRating(
        cur_card,
        reschedule_card.state,
        TypeConvert.time(now),
        log.elapsed_days,
        update_memory ? reschedule_card.stability : void 0,
        update_memory ? reschedule_card.difficulty : void 0,
        reschedule_card.due
      );
    }
  };
  function applyAfterHandler(value, afterHandler) {
    return typeof afterHandler === "function" ? afterHandler(value) : value;
  }
  var FSRS = class extends FSRSAlgorithm {
    constructor(param) {
      super(param);
      __publicField(this, "strategyHandler", /* @__PURE__ */ new Map());
      __publicField(this, "Scheduler");
      const { enable_short_term } = this.parameters;
      this.Scheduler = enable_short_term ? BasicScheduler : LongTermScheduler;
    }
    params_handler_proxy() {
      const _this = this;
      return {
        set: function(target, prop, value) {
          if (prop === "request_retention" && Number.isFinite(value)) {
            _this.intervalModifier = _this.calculate_interval_modifier(
              Number(value)
            );
          } else if (prop === "enable_short_term") {
            _this.Scheduler = value === true ? BasicScheduler : LongTermScheduler;
          } else if (prop === "w") {
            value = migrateParameters(
              value,
              target.relearning_steps.length,
              target.enable_short_term
            );
            value = clipParameters(
              Array.from(value),
              target.relearning_steps.length,
              target.enable_short_term
            );
            _this.forgetting_curve = forgetting_curve.bind(this, value);
            _this.intervalModifier = _this.calculate_interval_modifier(
              Number(target.request_retention)
            );
          }
          Reflect.set(target, prop, value);
          return true;
        }
      };
    }
    useStrategy(mode, handler) {
      this.strategyHandler.set(mode, handler);
      return this;
    }
    clearStrategy(mode) {
      if (mode) {
        this.strategyHandler.delete(mode);
      } else {
        this.strategyHandler.clear();
      }
      return this;
    }
    getScheduler(card, now) {
      const schedulerStrategy = this.strategyHandler.get(
        StrategyMode.SCHEDULER
      );
      const Scheduler = schedulerStrategy || this.Scheduler;
      const instance = new Scheduler(card, now, this, this.strategyHandler);
      return instance;
    }
    /**
     * Display the collection of cards and logs for the four scenarios after scheduling the card at the current time.
     * @param card Card to be processed
     * @param now Current time or scheduled time
     * @param afterHandler Convert the result to another type. (Optional)
     * @example
     * ```typescript
     * const card: Card = createEmptyCard(new Date());
     * const f = fsrs();
     * const recordLog = f.repeat(card, new Date());
     * ```
     * @example
     * ```typescript
     * interface RevLogUnchecked
     *   extends Omit<ReviewLog, "due" | "review" | "state" | "rating"> {
     *   cid: string;
     *   due: Date | number;
     *   state: StateType;
     *   review: Date | number;
     *   rating: RatingType;
     * }
     *
     * interface RepeatRecordLog {
     *   card: CardUnChecked; //see method: createEmptyCard
     *   log: RevLogUnchecked;
     * }
     *
     * function repeatAfterHandler(recordLog: RecordLog) {
     *     const record: { [key in Grade]: RepeatRecordLog } = {} as {
     *       [key in Grade]: RepeatRecordLog;
     *     };
     *     for (const grade of Grades) {
     *       record[grade] = {
     *         card: {
     *           ...(recordLog[grade].card as Card & { cid: string }),
     *           due: recordLog[grade].card.due.getTime(),
     *           state: State[recordLog[grade].card.state] as StateType,
     *           last_review: recordLog[grade].card.last_review
     *             ? recordLog[grade].card.last_review!.getTime()
     *             : null,
     *         },
     *         log: {
     *           ...recordLog[grade].log,
     *           cid: (recordLog[grade].card as Card & { cid: string }).cid,
     *           due: recordLog[grade].log.due.getTime(),
     *           review: recordLog[grade].log.review.getTime(),
     *           state: State[recordLog[grade].log.state] as StateType,
     *           rating: Rating[recordLog[grade].log.rating] as RatingType,
     *         },
     *       };
     *     }
     *     return record;
     * }
     * const card: Card = createEmptyCard(new Date(), cardAfterHandler); //see method:  createEmptyCard
     * const f = fsrs();
     * const recordLog = f.repeat(card, new Date(), repeatAfterHandler);
     * ```
     */
    repeat(card, now, afterHandler) {
      const instance = this.getScheduler(card, now);
      const recordLog = instance.preview();
      return applyAfterHandler(recordLog, afterHandler);
    }
    /**
     * Display the collection of cards and logs for the card scheduled at the current time, after applying a specific grade rating.
     * @param card Card to be processed
     * @param now Current time or scheduled time
     * @param grade Rating of the review (Again, Hard, Good, Easy)
     * @param afterHandler Convert the result to another type. (Optional)
     * @example
     * ```typescript
     * const card: Card = createEmptyCard(new Date());
     * const f = fsrs();
     * const recordLogItem = f.next(card, new Date(), Rating.Again);
     * ```
     * @example
     * ```typescript
     * interface RevLogUnchecked
     *   extends Omit<ReviewLog, "due" | "review" | "state" | "rating"> {
     *   cid: string;
     *   due: Date | number;
     *   state: StateType;
     *   review: Date | number;
     *   rating: RatingType;
     * }
     *
     * interface NextRecordLog {
     *   card: CardUnChecked; //see method: createEmptyCard
     *   log: RevLogUnchecked;
     * }
     *
    function nextAfterHandler(recordLogItem: RecordLogItem) {
      const recordItem = {
        card: {
          ...(recordLogItem.card as Card & { cid: string }),
          due: recordLogItem.card.due.getTime(),
          state: State[recordLogItem.card.state] as StateType,
          last_review: recordLogItem.card.last_review
            ? recordLogItem.card.last_review!.getTime()
            : null,
        },
        log: {
          ...recordLogItem.log,
          cid: (recordLogItem.card as Card & { cid: string }).cid,
          due: recordLogItem.log.due.getTime(),
          review: recordLogItem.log.review.getTime(),
          state: State[recordLogItem.log.state] as StateType,
          rating: Rating[recordLogItem.log.rating] as RatingType,
        },
      };
      return recordItem
    }
     * const card: Card = createEmptyCard(new Date(), cardAfterHandler); //see method:  createEmptyCard
     * const f = fsrs();
     * const recordLogItem = f.repeat(card, new Date(), Rating.Again, nextAfterHandler);
     * ```
     */
    next(card, now, grade, afterHandler) {
      const instance = this.getScheduler(card, now);
      const g = TypeConvert.rating(grade);
      if (g === Rating.Manual) {
        throw new FSRSValidationError("Cannot review a manual rating");
      }
      const recordLogItem = instance.review(g);
      return applyAfterHandler(recordLogItem, afterHandler);
    }
    /**
     * Get the retrievability of the card
     * @param card  Card to be processed
     * @param now  Current time or scheduled time
     * @param format  default:true , Convert the result to another type. (Optional)
     * @returns  The retrievability of the card,if format is true, the result is a string, otherwise it is a number
     */
    get_retrievability(card, now, format = true) {
      const processedCard = TypeConvert.card(card);
      now = now ? TypeConvert.time(now) : /* @__PURE__ */ new Date();
      const t = processedCard.state !== State.New ? Math.max(date_diff(now, processedCard.last_review, "days"), 0) : 0;
      const r = processedCard.state !== State.New ? this.forgetting_curve(t, +processedCard.stability.toFixed(8)) : 0;
      return format ? `${(r * 100).toFixed(2)}%` : r;
    }
    /**
     *
     * @param card Card to be processed
     * @param log last review log
     * @param afterHandler Convert the result to another type. (Optional)
     * @example
     * ```typescript
     * const now = new Date();
     * const f = fsrs();
     * const emptyCardFormAfterHandler = createEmptyCard(now);
     * const repeatFormAfterHandler = f.repeat(emptyCardFormAfterHandler, now);
     * const { card, log } = repeatFormAfterHandler[Rating.Hard];
     * const rollbackFromAfterHandler = f.rollback(card, log);
     * ```
     *
     * @example
     * ```typescript
     * const now = new Date();
     * const f = fsrs();
     * const emptyCardFormAfterHandler = createEmptyCard(now, cardAfterHandler);  //see method: createEmptyCard
     * const repeatFormAfterHandler = f.repeat(emptyCardFormAfterHandler, now, repeatAfterHandler); //see method: fsrs.repeat()
     * const { card, log } = repeatFormAfterHandler[Rating.Hard];
     * const rollbackFromAfterHandler = f.rollback(card, log, cardAfterHandler);
     * ```
     */
    rollback(card, log, afterHandler) {
      const processedCard = TypeConvert.card(card);
      const processedLog = TypeConvert.review_log(log);
      if (processedLog.rating === Rating.Manual) {
        throw new FSRSValidationError("Cannot rollback a manual rating");
      }
      let last_due;
      let last_review;
      let last_lapses;
      switch (processedLog.state) {
        case State.New:
          last_due = processedLog.due;
          last_review = void 0;
          last_lapses = 0;
          break;
        case State.Learning:
        case State.Relearning:
        case State.Review:
          last_due = processedLog.review;
          last_review = processedLog.due;
          last_lapses = processedCard.lapses - (processedLog.rating === Rating.Again && processedLog.state === State.Review ? 1 : 0);
          break;
      }
      const prevCard = __spreadProps(__spreadValues({}, processedCard), {
        due: last_due,
        stability: processedLog.stability,
        difficulty: processedLog.difficulty,
        elapsed_days: processedLog.last_elapsed_days,
        scheduled_days: processedLog.scheduled_days,
        reps: Math.max(0, processedCard.reps - 1),
        lapses: Math.max(0, last_lapses),
        learning_steps: processedLog.learning_steps,
        state: processedLog.state,
        last_review
      });
      return applyAfterHandler(prevCard, afterHandler);
    }
    /**
     *
     * @param card Card to be processed
     * @param now Current time or scheduled time
     * @param reset_count Should the review count information(reps,lapses) be reset. (Optional)
     * @param afterHandler Convert the result to another type. (Optional)
     * @example
     * ```typescript
     * const now = new Date();
     * const f = fsrs();
     * const emptyCard = createEmptyCard(now);
     * const scheduling_cards = f.repeat(emptyCard, now);
     * const { card, log } = scheduling_cards[Rating.Hard];
     * const forgetCard = f.forget(card, new Date(), true);
     * ```
     *
     * @example
     * ```typescript
     * interface RepeatRecordLog {
     *   card: CardUnChecked; //see method: createEmptyCard
     *   log: RevLogUnchecked; //see method: fsrs.repeat()
     * }
     *
     * function forgetAfterHandler(recordLogItem: RecordLogItem): RepeatRecordLog {
     *     return {
     *       card: {
     *         ...(recordLogItem.card as Card & { cid: string }),
     *         due: recordLogItem.card.due.getTime(),
     *         state: State[recordLogItem.card.state] as StateType,
     *         last_review: recordLogItem.card.last_review
     *           ? recordLogItem.card.last_review!.getTime()
     *           : null,
     *       },
     *       log: {
     *         ...recordLogItem.log,
     *         cid: (recordLogItem.card as Card & { cid: string }).cid,
     *         due: recordLogItem.log.due.getTime(),
     *         review: recordLogItem.log.review.getTime(),
     *         state: State[recordLogItem.log.state] as StateType,
     *         rating: Rating[recordLogItem.log.rating] as RatingType,
     *       },
     *     };
     * }
     * const now = new Date();
     * const f = fsrs();
     * const emptyCardFormAfterHandler = createEmptyCard(now, cardAfterHandler); //see method:  createEmptyCard
     * const repeatFormAfterHandler = f.repeat(emptyCardFormAfterHandler, now, repeatAfterHandler); //see method: fsrs.repeat()
     * const { card } = repeatFormAfterHandler[Rating.Hard];
     * const forgetFromAfterHandler = f.forget(card, date_scheduler(now, 1, true), false, forgetAfterHandler);
     * ```
     */
    forget(card, now, reset_count = false, afterHandler) {
      const processedCard = TypeConvert.card(card);
      now = TypeConvert.time(now);
      const scheduled_days = processedCard.state === State.New ? 0 : date_diff(now, processedCard.due, "days");
      const forget_log = {
        rating: Rating.Manual,
        state: processedCard.state,
        due: processedCard.due,
        stability: processedCard.stability,
        difficulty: processedCard.difficulty,
        elapsed_days: 0,
        last_elapsed_days: processedCard.elapsed_days,
        scheduled_days,
        learning_steps: processedCard.learning_steps,
        review: now
      };
      const forget_card = __spreadProps(__spreadValues({}, processedCard), {
        due: now,
        stability: 0,
        difficulty: 0,
        elapsed_days: 0,
        scheduled_days: 0,
        reps: reset_count ? 0 : processedCard.reps,
        lapses: reset_count ? 0 : processedCard.lapses,
        learning_steps: 0,
        state: State.New,
        last_review: processedCard.last_review
      });
      const recordLogItem = { card: forget_card, log: forget_log };
      return applyAfterHandler(recordLogItem, afterHandler);
    }
    /**
     * Reschedules the current card and returns the rescheduled collections and reschedule item.
     *
     * @template T - The type of the record log item.
     * @param {CardInput | Card} current_card - The current card to be rescheduled.
     * @param {Array<FSRSHistory>} reviews - The array of FSRSHistory objects representing the reviews.
     * @param {Partial<RescheduleOptions<T>>} options - The optional reschedule options.
     * @returns {IReschedule<T>} - The rescheduled collections and reschedule item.
     *
     * @example
     * ```typescript
     * const f = fsrs()
     * const grades: Grade[] = [Rating.Good, Rating.Good, Rating.Good, Rating.Good]
     * const reviews_at = [
     *   new Date(2024, 8, 13),
     *   new Date(2024, 8, 13),
     *   new Date(2024, 8, 17),
     *   new Date(2024, 8, 28),
     * ]
     *
     * const reviews: FSRSHistory[] = []
     * for (let i = 0; i < grades.length; i++) {
     *   reviews.push({
     *     rating: grades[i],
     *     review: reviews_at[i],
     *   })
     * }
     *
     * const results_short = scheduler.reschedule(
     *   createEmptyCard(),
     *   reviews,
     *   {
     *     skipManual: false,
     *   }
     * )
     * console.log(results_short)
     * ```
     */
    reschedule(current_card, reviews = [], options = {}) {
      const {
        recordLogHandler,
        reviewsOrderBy,
        skipManual = true,
        now = /* @__PURE__ */ new Date(),
        update_memory_state: updateMemoryState = false
      } = options;
      if (reviewsOrderBy && typeof reviewsOrderBy === "function") {
        reviews.sort(reviewsOrderBy);
      }
      if (skipManual) {
        reviews = reviews.filter((review2) => review2.rating !== Rating.Manual);
      }
      const rescheduleSvc = new Reschedule(this);
      const collections = rescheduleSvc.reschedule(
        options.first_card || createEmptyCard(),
        reviews
      );
      const len = collections.length;
      const cur_card = TypeConvert.card(current_card);
      const manual_item = rescheduleSvc.calculateManualRecord(
        cur_card,
        now,
        len ? collections[len - 1] : void 0,
        updateMemoryState
      );
      return {
        collections: typeof recordLogHandler === "function" ? collections.map(recordLogHandler) : collections,
        reschedule_item: manual_item ? applyAfterHandler(manual_item, recordLogHandler) : null
      };
    }
  };
  var fsrs = (params) => {
    return new FSRS(params || {});
  };

  // js/quiz/due_schedule.js
  var NEW_PER_DAY = 20;
  var RATINGS = [
    [Rating.Again, "Again"],
    [Rating.Hard, "Hard"],
    [Rating.Good, "Good"],
    [Rating.Easy, "Easy"]
  ];
  var scheduler = fsrs({ learning_steps: ["10m"], relearning_steps: ["10m"], enable_fuzz: false });
  var DATES = ["due", "last_review"];
  function toCard(saved2) {
    const card = Object.assign({}, saved2);
    delete card.version;
    delete card.first;
    DATES.forEach((k) => {
      card[k] = saved2[k] ? new Date(saved2[k]) : void 0;
    });
    return card;
  }
  function toSaved(card, item, first) {
    const saved2 = Object.assign({}, card, { first });
    if (item.version !== void 0) saved2.version = item.version;
    DATES.forEach((k) => {
      if (card[k]) saved2[k] = card[k].toISOString();
      else delete saved2[k];
    });
    return saved2;
  }
  function cards(schedule) {
    if (!schedule.cards || typeof schedule.cards !== "object") schedule.cards = {};
    return schedule.cards;
  }
  function newPerDay(schedule) {
    const n = schedule.newPerDay;
    return typeof n === "number" && n >= 0 ? Math.floor(n) : NEW_PER_DAY;
  }
  function saved(schedule, item) {
    const c = cards(schedule)[item.key];
    if (!c || typeof c !== "object" || isNaN(new Date(c.due))) return null;
    return item.version !== void 0 && c.version !== item.version ? null : c;
  }
  function changed(schedule, item) {
    const c = cards(schedule)[item.key];
    return !!c && !saved(schedule, item);
  }
  function preview(schedule, item, now) {
    const c = saved(schedule, item), outcomes = scheduler.repeat(c ? toCard(c) : createEmptyCard(now), now);
    return RATINGS.map(([rating, name]) => [rating, name, outcomes[rating].card.due]);
  }
  function rate(schedule, item, rating, now) {
    const c = saved(schedule, item);
    const next = scheduler.next(c ? toCard(c) : createEmptyCard(now), now, rating).card;
    cards(schedule)[item.key] = toSaved(next, item, c && c.first ? c.first : now.toISOString());
  }
  function endOfDay(now) {
    return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1).getTime() - 1;
  }
  function sameDay(a, b) {
    return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
  }
  function hash(text) {
    let h = 2166136261;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
    return h;
  }
  function plan(schedule, items2, now) {
    const reviews = [], later = [], fresh2 = [];
    const end = endOfDay(now);
    let next = null, started = 0;
    items2.forEach((item) => {
      const c = saved(schedule, item);
      if (!c) {
        fresh2.push(item);
        return;
      }
      if (c.first && sameDay(new Date(c.first), now)) started++;
      const due2 = new Date(c.due).getTime();
      if (due2 <= now.getTime()) reviews.push([due2, item]);
      else if (due2 <= end) later.push([due2, item]);
      else if (next === null || due2 < next) next = due2;
    });
    const byDue = (a, b) => a[0] - b[0];
    fresh2.sort((a, b) => hash(a.key) - hash(b.key));
    const allowed = Math.max(0, newPerDay(schedule) - started), today = fresh2.slice(0, allowed);
    const queue = reviews.sort(byDue).map((p) => p[1]).concat(today, later.sort(byDue).map((p) => p[1]));
    return {
      queue,
      reviews: reviews.length + later.length,
      fresh: today.length,
      unseen: fresh2.length,
      started,
      next: next === null ? null : new Date(next)
    };
  }
  function interval(due2, now) {
    const minutes = Math.max(1, Math.round((due2.getTime() - now.getTime()) / 6e4));
    const plural = (n, word) => n + " " + word + (n === 1 ? "" : "s");
    if (minutes < 60) return minutes + " min";
    if (minutes < 24 * 60) return plural(Math.round(minutes / 60), "hour");
    const days = Math.round(minutes / (24 * 60));
    if (days < 60) return plural(days, "day");
    if (days < 365) return plural(Math.round(days / 30.4), "month");
    return Math.round(days / 36.5) / 10 + " years";
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

  // js/quiz/progress_file.js
  var FORMAT = "storyguide-quiz-progress";
  var SECTIONS = ["answers", "checklist", "titles", "exam", "mains", "schedule"];
  function isObject(v) {
    return !!v && typeof v === "object" && !Array.isArray(v);
  }
  function fileName(now) {
    const pad = (n) => (n < 10 ? "0" : "") + n;
    return "quiz-progress-" + now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate()) + ".json";
  }
  function download() {
    const now = /* @__PURE__ */ new Date();
    const file = { format: FORMAT, version: 1, exported: now.toISOString(), key: KEY, progress: load() };
    const url = URL.createObjectURL(new Blob([JSON.stringify(file, null, 1)], { type: "application/json" }));
    const a = el("a");
    a.href = url;
    a.download = fileName(now);
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1e4);
  }
  function parse(text) {
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
    const bad = SECTIONS.filter((k) => p[k] !== void 0 && !isObject(p[k]));
    if (bad.length) return "its section " + bad.join(", ") + " is damaged";
    if (Object.keys(p.answers || {}).some((k) => !isObject(p.answers[k]))) return "an answer in it is damaged";
    const cards2 = (p.schedule || {}).cards;
    if (cards2 !== void 0 && (!isObject(cards2) || Object.keys(cards2).some((k) => !isObject(cards2[k]) || isNaN(new Date(cards2[k].due))))) return "its review schedule is damaged";
    const progress2 = { version: 2 };
    SECTIONS.forEach((k) => {
      progress2[k] = p[k] || {};
    });
    return { progress: progress2, exported: new Date(file.exported) };
  }
  function counted(n, one, many) {
    return n + " " + (n === 1 ? one : many);
  }
  function describe(p) {
    const n = (o) => Object.keys(o || {}).length, parts = [];
    const add = (k, one, many) => {
      if (k) parts.push(counted(k, one, many));
    };
    add(n(p.answers), "answer", "answers");
    add(n(p.checklist), "key-point checklist", "key-point checklists");
    add(n(p.mains), "written answer", "written answers");
    if (n(p.exam)) parts.push("the mock test");
    add(n(p.schedule.cards), "review card", "review cards");
    return parts.length ? parts.join(", ") : "nothing saved yet";
  }
  function progressFile(box) {
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
        input.value = "";
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
        message.textContent = "Imported " + file.name + (isNaN(got.exported) ? "" : " (saved on " + day(got.exported) + ")") + ": " + what + ". It replaced the progress saved in this browser.";
      };
      reader.onerror = () => {
        message.textContent = "Not imported: the file could not be read.";
      };
      reader.readAsText(file);
    });
    const row = el("div", "quiz-progress-file-buttons");
    row.append(button("Download my progress", download), button("Import progress", () => input.click()), input);
    box.append(row, message);
  }

  // js/quiz/due.js
  function spaced(box) {
    if (box.hasAttribute("data-quiz-due")) due(box);
    else progressFile(box);
  }
  function items(root, holder) {
    const qs = all(holder, "fieldset.quiz-q").map((fs) => {
      const q = question(fs, root);
      return { key: "q:" + q.id, version: q.version, el: fs, q };
    });
    const terms = all(holder, ".quiz-due-term").map((sec) => ({ key: "g:" + sec.dataset.term, el: sec }));
    return qs.concat(terms);
  }
  function limitField(onChange) {
    const p = el("p", "quiz-due-limit"), label = el("label", "", "New cards a day: "), input = el("input");
    input.type = "number";
    input.min = "0";
    input.max = "999";
    input.id = "quiz-due-new-per-day";
    label.htmlFor = input.id;
    input.addEventListener("change", () => {
      const n = parseInt(input.value, 10);
      if (isNaN(n) || n < 0) return;
      const s = load();
      if (newPerDay(s.schedule) === Math.min(999, n)) return;
      s.schedule.newPerDay = Math.min(999, n);
      save(s);
      onChange();
    });
    p.append(label, input);
    return { p, input };
  }
  function due(root) {
    const holder = root.querySelector(".quiz-due-cards"), cards2 = items(root, holder);
    const count = status("quiz-due-count"), note = el("p", "quiz-due-changed");
    const kind = el("p", "quiz-due-kind"), actions = el("div", "quiz-actions quiz-due-actions");
    const rating = el("div", "quiz-due-rate"), done = el("div", "quiz-due-done");
    const limit = limitField(render);
    note.textContent = "This question has changed since you last reviewed it: it starts again as a new card.";
    rating.setAttribute("role", "group");
    rating.setAttribute("aria-label", "How well did you know it?");
    root.insertBefore(count, holder);
    root.insertBefore(kind, holder);
    root.insertBefore(note, holder);
    root.append(actions, rating, done, limit.p);
    holder.hidden = false;
    let current = null;
    function ratings(item, suggest) {
      const now = /* @__PURE__ */ new Date(), s = load();
      rating.textContent = "";
      rating.append(el("p", "quiz-due-how", suggest === "Again" ? "How well did you know it? Your answer was not correct: Again is suggested." : "How well did you know it?"));
      const row = el("div", "quiz-due-buttons");
      preview(s.schedule, item, now).forEach(([value, name, when]) => {
        row.append(button(name + " · " + interval(when, now), () => {
          const fresh2 = load();
          rate(fresh2.schedule, item, value, /* @__PURE__ */ new Date());
          save(fresh2);
          render(true);
        }, name === suggest));
      });
      rating.append(row);
      rating.hidden = false;
    }
    function askQuestion(item) {
      const q = item.q;
      q.clear();
      actions.append(button("Check", () => {
        const c = q.choice();
        if (c < 0) {
          q.feedback.textContent = "Choose an option first.";
          return;
        }
        q.show(c);
        q.record(c);
        q.radios.forEach((r) => {
          r.disabled = true;
        });
        if (q.details) q.details.open = true;
        actions.textContent = "";
        ratings(item, c === q.key ? "Good" : "Again");
      }, true));
    }
    function askTerm(item) {
      const definition = item.el.querySelector(".quiz-due-definition");
      definition.hidden = true;
      actions.append(button("Show answer", () => {
        definition.hidden = false;
        actions.textContent = "";
        ratings(item, "");
      }, true));
    }
    function summary(p) {
      const parts = [];
      if (p.reviews) parts.push(p.reviews + (p.reviews === 1 ? " card to review" : " cards to review"));
      if (p.fresh) parts.push(p.fresh + (p.fresh === 1 ? " new card" : " new cards"));
      if (parts.length) return "Due today: " + parts.join(" and ") + ".";
      return "Nothing is due now.";
    }
    function finished(p, s) {
      done.textContent = "";
      const lines = [];
      if (p.next) {
        const days = Math.round((new Date(p.next.getFullYear(), p.next.getMonth(), p.next.getDate()) - new Date((/* @__PURE__ */ new Date()).setHours(0, 0, 0, 0))) / 864e5);
        lines.push("The next card is due on " + day(p.next) + (days === 1 ? " (tomorrow)." : " (in " + days + " days)."));
      }
      if (p.unseen) {
        const limitNow = newPerDay(s);
        lines.push(limitNow ? p.unseen + (p.unseen === 1 ? " card has" : " cards have") + " not been seen yet: up to " + limitNow + " new a day, from tomorrow." : p.unseen + " new cards are waiting: set the number of new cards a day above 0 to start them.");
      }
      if (!lines.length) lines.push("There are no cards to review on this page.");
      lines.forEach((line) => done.append(el("p", "", line)));
    }
    function render(moveFocus) {
      const s = load(), p = plan(s.schedule, cards2, /* @__PURE__ */ new Date());
      if (document.activeElement !== limit.input) limit.input.value = String(newPerDay(s.schedule));
      cards2.forEach((item) => {
        item.el.hidden = true;
      });
      actions.textContent = "";
      rating.textContent = "";
      rating.hidden = true;
      current = p.queue[0] || null;
      count.textContent = summary(p);
      note.hidden = !(current && changed(s.schedule, current));
      kind.hidden = !current;
      done.hidden = !!current;
      if (!current) {
        finished(p, s.schedule);
        return;
      }
      kind.textContent = current.q ? "Question" + (current.el.dataset.homeTitle ? " · practice set: " + current.el.dataset.homeTitle : "") : "Glossary term";
      current.el.hidden = false;
      if (current.q) askQuestion(current);
      else askTerm(current);
      if (moveFocus) {
        kind.tabIndex = -1;
        kind.focus();
      }
    }
    render(false);
    root.quizRestore = () => render(false);
  }

  // js/quiz/exam_draw.js
  function random(seed) {
    let a = seed >>> 0;
    return () => {
      a = a + 1831565813 >>> 0;
      let t = a;
      t = Math.imul(t ^ t >>> 15, t | 1);
      t ^= t + Math.imul(t ^ t >>> 7, t | 61);
      return ((t ^ t >>> 14) >>> 0) / 4294967296;
    };
  }
  function shuffle(list, next) {
    const a = list.slice();
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  }
  function newSeed() {
    return Math.floor(Math.random() * 4294967296) >>> 0;
  }
  function draw(pool, size, seed, cap) {
    const next = random(seed), themes = {}, names = [], most = cap === void 0 ? Infinity : cap;
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

  // js/quiz/exam_palette.js
  var STATES = [
    // [state, sign, name]
    ["answered", "✓", "Answered"],
    ["not-answered", "–", "Not answered"],
    ["marked", "⚑", "Marked for review"],
    ["answered-marked", "⚑✓", "Answered and marked for review (counts as answered)"],
    ["not-visited", "", "Not visited"]
  ];
  var NAMES = {};
  var SIGNS = {};
  STATES.forEach(([state, sign2, name]) => {
    NAMES[state] = name;
    SIGNS[state] = sign2;
  });
  function stateOf(attempt, id) {
    const answered = id in attempt.choice, marked = !!attempt.marked[id];
    if (marked) return answered ? "answered-marked" : "marked";
    if (answered) return "answered";
    return attempt.seen[id] ? "not-answered" : "not-visited";
  }
  function sign(state) {
    const s = el("span", "quiz-pal-sign", SIGNS[state]);
    s.setAttribute("aria-hidden", "true");
    return s;
  }
  function palette(go) {
    const box = el("details", "quiz-palette"), summary = el("summary", "quiz-palette-head");
    const grid = el("div", "quiz-pal-grid"), legend = el("ul", "quiz-pal-legend");
    grid.setAttribute("role", "group");
    grid.setAttribute("aria-label", "Questions");
    box.append(summary, grid, legend);
    box.open = !window.matchMedia || !window.matchMedia("(max-width: 44.9375em)").matches;
    let buttons = [];
    function update(attempt) {
      if (buttons.length !== attempt.ids.length) {
        grid.textContent = "";
        buttons = attempt.ids.map((_, i) => {
          const b = button("", () => go(i));
          b.className = "quiz-pal-btn";
          grid.append(b);
          return b;
        });
      }
      const counts = {};
      attempt.ids.forEach((id, i) => {
        const state = stateOf(attempt, id), b = buttons[i];
        counts[state] = (counts[state] || 0) + 1;
        b.dataset.state = state;
        b.textContent = "";
        b.append(el("span", "quiz-pal-n", String(i + 1)), sign(state));
        b.setAttribute("aria-label", "Question " + (i + 1) + ": " + NAMES[state].replace(/ \(.*\)/, ""));
        if (i === attempt.at) b.setAttribute("aria-current", "step");
        else b.removeAttribute("aria-current");
      });
      legend.textContent = "";
      STATES.forEach(([state, , name]) => {
        const item = el("li", "quiz-pal-key");
        const swatch = el("span", "quiz-pal-btn quiz-pal-swatch");
        swatch.dataset.state = state;
        swatch.setAttribute("aria-hidden", "true");
        swatch.append(sign(state));
        item.append(swatch, el("span", "", name + ": " + (counts[state] || 0)));
        legend.append(item);
      });
      const answered = (counts.answered || 0) + (counts["answered-marked"] || 0);
      const marked = (counts.marked || 0) + (counts["answered-marked"] || 0);
      summary.textContent = "Question palette: " + answered + " answered, " + marked + " marked for review, " + (attempt.ids.length - answered) + " not answered";
    }
    return { box, update };
  }

  // js/quiz/exam_report.js
  function signed(x) {
    return (Math.round(x * 100) / 100).toFixed(2).replace("-", "−");
  }
  function marks(x) {
    const r = Math.round(x * 100) / 100;
    return r === 0 ? "0" : (r > 0 ? "+" : "−") + String(Math.abs(r));
  }
  function duration(seconds) {
    const s = Math.max(0, Math.round(seconds));
    return s < 60 ? s + " s" : Math.floor(s / 60) + " min " + s % 60 + " s";
  }
  function table(cls, caption, head, rows) {
    const t = el("table", ""), thead = el("thead"), tbody = el("tbody"), tr = el("tr");
    if (caption) t.append(el("caption", "", caption));
    head.forEach((h) => tr.append(el("th", "", h)));
    thead.append(tr);
    rows.forEach((cells, n) => {
      const row = el("tr", n === rows.length - 1 && cls.includes("quiz-totals") ? "quiz-total" : "");
      cells.forEach((c, i) => {
        const cell = el(i ? "td" : "th", "");
        if (!i) cell.scope = "row";
        if (c instanceof Node) cell.append(c);
        else cell.textContent = String(c);
        row.append(cell);
      });
      tbody.append(row);
    });
    t.append(thead, tbody);
    const box = el("div", "md-typeset__scrollwrap " + cls), inner = el("div", "md-typeset__table");
    box.tabIndex = 0;
    box.setAttribute("role", "region");
    box.setAttribute("aria-label", caption || "Your attempts");
    inner.append(t);
    box.append(inner);
    return box;
  }
  function byTheme(results, titles, score) {
    const themes = {}, names = [];
    results.forEach((r) => {
      if (!themes[r.theme]) {
        themes[r.theme] = { right: 0, wrong: 0, blank: 0 };
        names.push(r.theme);
      }
      themes[r.theme][r.outcome]++;
    });
    const rows = names.map((name) => {
      const t = themes[name];
      return [
        titles[name] || name || "Other",
        signed(score(t.right, t.wrong, t.blank)),
        t.right,
        t.wrong,
        t.blank,
        t.right + t.wrong + t.blank
      ];
    });
    const all2 = results.reduce((a, r) => {
      a[r.outcome]++;
      return a;
    }, { right: 0, wrong: 0, blank: 0 });
    rows.push(["All themes", signed(score(all2.right, all2.wrong, all2.blank)), all2.right, all2.wrong, all2.blank, results.length]);
    return table(
      "quiz-themes quiz-totals",
      "Score by theme",
      // the score first: a phone scrolls to the rest
      ["Theme", "Score", "Correct", "Wrong", "Blank", "Questions"],
      rows
    );
  }
  function slowest(results, count) {
    const list = el("ol", "quiz-slowest");
    results.filter((r) => r.seconds > 0).sort((a, b) => b.seconds - a.seconds).slice(0, count).forEach((r) => {
      const item = el("li"), link = el("a", "", "Question " + r.n);
      link.href = "#" + r.dom;
      const word = { right: "correct", wrong: "wrong", blank: "blank" }[r.outcome];
      item.append(link, " (" + duration(r.seconds) + ", " + word + "): " + r.stem);
      list.append(item);
    });
    return list;
  }
  function arrow(now, before) {
    if (before === void 0) return "";
    const d = Math.round((now - before) * 100) / 100;
    if (d > 0) return " ▲ +" + signed(d);
    if (d < 0) return " ▼ " + signed(d);
    return " = no change";
  }
  function trend(scores, most) {
    const w = 300, h = 80, pad = 6, svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    const lo = Math.min(0, ...scores), hi = Math.max(lo + Math.min(most, 4), ...scores), span = hi - lo || 1;
    const x = (i) => pad + (scores.length > 1 ? i * (w - 2 * pad) / (scores.length - 1) : (w - 2 * pad) / 2);
    const y = (s) => h - pad - (s - lo) * (h - 2 * pad) / span;
    svg.setAttribute("viewBox", "0 0 " + w + " " + h);
    svg.setAttribute("class", "quiz-trend");
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", "Score trend: " + scores.map(signed).join(", "));
    const ns = "http://www.w3.org/2000/svg", base = document.createElementNS(ns, "line");
    [["x1", pad], ["x2", w - pad], ["y1", y(0)], ["y2", y(0)], ["class", "quiz-trend-zero"]].forEach(([k, v]) => base.setAttribute(k, v));
    const line = document.createElementNS(ns, "polyline");
    line.setAttribute("points", scores.map((s, i) => x(i).toFixed(1) + "," + y(s).toFixed(1)).join(" "));
    line.setAttribute("class", "quiz-trend-line");
    svg.append(base, line);
    scores.forEach((s, i) => {
      const dot = document.createElementNS(ns, "circle");
      [["cx", x(i).toFixed(1)], ["cy", y(s).toFixed(1)], ["r", 3.5]].forEach(([k, v]) => dot.setAttribute(k, v));
      svg.append(dot);
    });
    return svg;
  }
  function historyView(history2) {
    const box = el("section", "quiz-history");
    box.append(el("h2", "", "Your attempts"));
    if (!history2.length) {
      box.append(el("p", "quiz-history-none", "No finished attempt yet: your scores will be listed here."));
      return box;
    }
    const scores = history2.map((a) => a.score);
    box.append(trend(scores, Math.max(...history2.map((a) => a.most || 0))));
    const rows = history2.map((a, i) => [
      String(i + 1),
      signed(a.score) + " of " + a.most + arrow(a.score, scores[i - 1]),
      a.right,
      a.wrong,
      a.blank,
      duration(a.used) + (a.timeUp ? " (time up)" : ""),
      day(new Date(a.date))
    ]).reverse();
    box.append(table(
      "quiz-history-table",
      "",
      ["Attempt", "Score (▲ ▼: against the one before)", "Correct", "Wrong", "Blank", "Time used", "Date"],
      rows
    ));
    return box;
  }

  // js/quiz/exam.js
  var LETTERS2 = "abcde";
  var HISTORY = 100;
  var SLOWEST = 5;
  var timer = null;
  function stopStaleTimer() {
    if (timer && !document.contains(timer.root)) {
      clearInterval(timer.id);
      timer = null;
    }
  }
  function number(value, fallback) {
    const n = parseFloat(value);
    return isFinite(n) ? n : fallback;
  }
  function section() {
    const s = load();
    s.exam.history = s.exam.history || [];
    return s;
  }
  function exam(root) {
    const qs = questions(root), byId = {};
    qs.forEach((q) => {
      byId[q.id] = q;
      q.lis = Array.prototype.slice.call(q.fs.querySelectorAll("ul.quiz-options > li"));
    });
    const minutes = +root.dataset.minutes || 30;
    const size = Math.min(+root.dataset.size || qs.length, qs.length);
    const plus = number(root.dataset.markRight, 1), minus = number(root.dataset.markWrong, 0);
    const none = number(root.dataset.markBlank, 0);
    const score = (right, wrong, blank2) => right * plus + wrong * minus + blank2 * none;
    let titles = {}, capped = [];
    try {
      titles = JSON.parse(root.dataset.themes || "{}");
      capped = JSON.parse(root.dataset.capped || "[]");
    } catch (e) {
    }
    const cap = root.dataset.cap === void 0 ? Infinity : +root.dataset.cap;
    const paper = root.querySelector(".quiz-paper") || root;
    const pool = root.querySelector(".quiz-pool") || el("div", "quiz-pool");
    pool.hidden = true;
    const fixed = qs.filter((q) => paper.contains(q.fs));
    let attempt = null, warned = 0, shownAt = 0, ticks = 0;
    const bar = el("div", "quiz-bar"), clock = el("p", "quiz-timer"), count = el("p", "quiz-count");
    const notice = status("quiz-sr"), summary = el("div", "quiz-summary"), history2 = el("div", "quiz-history-box");
    clock.setAttribute("role", "timer");
    summary.tabIndex = -1;
    const start2 = button("Start the test (" + size + " questions, " + minutes + " minutes)", begin, true);
    const pal = palette((i) => go(i, true));
    const nav = el("div", "quiz-exam-nav");
    const prev = button("← Previous", () => go(attempt.at - 1));
    const mark2 = button("Mark for review", toggleMark);
    const clear = button("Clear response", clearResponse);
    const next = button("Next →", () => go(attempt.at + 1), true);
    nav.append(prev, mark2, clear, next);
    const submit = button("Submit answers", () => {
      const blank2 = attempt.ids.length - answered();
      const ask = blank2 ? blank2 + " of " + attempt.ids.length + " questions are unanswered. Submit anyway?" : "Submit your answers?";
      if (window.confirm(ask)) finish(false);
    }, true);
    submit.classList.add("quiz-exam-submit");
    bar.append(start2, clock, count, notice);
    root.prepend(bar, summary, pal.box);
    paper.after(nav, submit);
    root.append(history2);
    root.addEventListener("change", (event) => {
      const q = attempt && current();
      if (!q || !q.fs.contains(event.target)) return;
      attempt.choice[q.id] = q.choice();
      changed2();
    });
    window.addEventListener("pagehide", () => {
      if (attempt && document.contains(root)) keep();
    });
    function current() {
      return byId[attempt.ids[attempt.at]];
    }
    function answered() {
      return attempt.ids.filter((id) => id in attempt.choice).length;
    }
    function account() {
      const now = Date.now();
      if (attempt && shownAt) {
        const id = attempt.ids[attempt.at];
        attempt.spent[id] = (attempt.spent[id] || 0) + Math.max(0, Math.min(now, attempt.deadline) - shownAt);
      }
      shownAt = now;
    }
    function keep() {
      account();
      const s = section();
      s.exam.attempt = attempt;
      save(s);
    }
    function changed2() {
      keep();
      pal.update(attempt);
      count.textContent = "Answered: " + answered() + " of " + attempt.ids.length;
      const marked = !!attempt.marked[attempt.ids[attempt.at]];
      mark2.textContent = marked ? "Unmark review" : "Mark for review";
      mark2.setAttribute("aria-pressed", String(marked));
      clear.disabled = !(attempt.ids[attempt.at] in attempt.choice);
      prev.disabled = attempt.at === 0;
      next.disabled = attempt.at === attempt.ids.length - 1;
    }
    function lay(list, order) {
      qs.forEach((q) => {
        if (!list.includes(q)) pool.append(q.fs);
      });
      list.forEach((q, n) => {
        paper.append(q.fs);
        const shown = order && order[q.id] && order[q.id].length === q.lis.length ? order[q.id] : q.lis.map((_, i) => i);
        const ul = q.fs.querySelector("ul.quiz-options"), at = {};
        shown.forEach((i, k) => {
          at[i] = k;
          ul.append(q.lis[i]);
          const letter = q.lis[i].querySelector(".quiz-letter");
          if (letter) letter.textContent = "(" + LETTERS2.charAt(k) + ")";
        });
        q.letter = (i) => "(" + LETTERS2.charAt(at[i]) + ")";
        const key2 = q.fs.querySelector(".quiz-key-line strong");
        if (key2) key2.textContent = "Answer: " + q.letter(q.key);
        const numbered = q.fs.querySelector(".quiz-n");
        if (numbered) numbered.textContent = "Question " + (n + 1) + ".";
      });
      const key = root.parentNode && root.parentNode.querySelector(".quiz-key ol");
      if (key) {
        key.textContent = "";
        list.forEach((q) => key.append(el("li", "", q.letter(q.key))));
      }
    }
    function waiting() {
      stop();
      attempt = null;
      qs.forEach((q) => {
        q.clear();
        q.fs.hidden = false;
        if (q.details) q.details.hidden = true;
        const spent = q.fs.querySelector(".quiz-spent");
        if (spent) spent.remove();
      });
      lay(fixed, null);
      root.classList.add("quiz-waiting");
      root.classList.remove("quiz-running", "quiz-finished");
      start2.hidden = false;
      submit.hidden = summary.hidden = nav.hidden = pal.box.hidden = true;
      clock.textContent = count.textContent = notice.textContent = "";
      showHistory();
    }
    function showHistory() {
      history2.textContent = "";
      history2.append(historyView(section().exam.history));
    }
    function begin() {
      const seed = newSeed(), set = draw(qs.map((q2) => ({
        id: q2.id,
        theme: q2.fs.dataset.theme || "",
        options: q2.lis.length,
        fixed: "fixedOrder" in q2.fs.dataset,
        capped: capped.includes(q2.id)
      })), size, seed, cap);
      const now = Date.now();
      run({
        seed,
        ids: set.ids,
        order: set.order,
        choice: {},
        marked: {},
        seen: {},
        spent: {},
        at: 0,
        started: now,
        deadline: now + minutes * 6e4
      });
      const q = current();
      if (q && q.radios[0]) q.radios[0].focus();
    }
    function run(a) {
      attempt = a;
      const list = a.ids.map((id) => byId[id]);
      lay(list, a.order);
      list.forEach((q) => {
        q.clear();
        if (q.details) q.details.hidden = true;
        if (q.id in a.choice && q.radios[a.choice[q.id]]) q.radios[a.choice[q.id]].checked = true;
      });
      root.classList.remove("quiz-waiting", "quiz-finished");
      root.classList.add("quiz-running");
      start2.hidden = summary.hidden = true;
      submit.hidden = nav.hidden = pal.box.hidden = false;
      history2.textContent = "";
      warned = Math.max(0, Math.ceil((a.deadline - Date.now()) / 1e3));
      shownAt = 0;
      go(a.at);
      stop();
      timer = { id: setInterval(tick, 1e3), root };
      tick();
    }
    function go(i, focus) {
      if (!attempt || i < 0 || i >= attempt.ids.length) return;
      const moving = attempt.at !== i;
      account();
      attempt.at = i;
      attempt.seen[attempt.ids[i]] = true;
      attempt.ids.forEach((id, n) => {
        byId[id].fs.hidden = n !== i;
      });
      changed2();
      notice.textContent = "Question " + (i + 1) + " of " + attempt.ids.length;
      const top = current().fs.getBoundingClientRect().top, below = bar.getBoundingClientRect().bottom;
      if (moving && (top < below || top > window.innerHeight)) {
        current().fs.style.scrollMarginTop = Math.max(0, below) + 8 + "px";
        current().fs.scrollIntoView({ block: "start" });
      }
      if (focus) {
        const legend = current().fs.querySelector("legend");
        legend.tabIndex = -1;
        legend.focus();
      }
    }
    function toggleMark() {
      const id = attempt.ids[attempt.at];
      if (attempt.marked[id]) delete attempt.marked[id];
      else attempt.marked[id] = true;
      changed2();
    }
    function clearResponse() {
      const q = current();
      q.radios.forEach((r) => {
        r.checked = false;
      });
      delete attempt.choice[q.id];
      changed2();
      notice.textContent = "Response cleared: question " + (attempt.at + 1) + " is not answered";
    }
    function tick() {
      if (!attempt) return;
      const left = Math.max(0, Math.ceil((attempt.deadline - Date.now()) / 1e3));
      clock.textContent = "Time left: " + Math.floor(left / 60) + ":" + String(left % 60).padStart(2, "0");
      [300, 60].forEach((at) => {
        if (left <= at && warned > at && left > 0) {
          warned = at;
          notice.textContent = at / 60 + (at === 60 ? " minute" : " minutes") + " left";
        }
      });
      if (!left) finish(true);
      else if (++ticks % 5 === 0) keep();
    }
    function stop() {
      if (timer && timer.root === root) {
        clearInterval(timer.id);
        timer = null;
      }
    }
    function finish(timeUp) {
      stop();
      account();
      const a = attempt, results = [];
      let right = 0, wrong = 0;
      a.ids.forEach((id, n) => {
        const q = byId[id], c = id in a.choice ? a.choice[id] : -1;
        q.fs.hidden = false;
        q.radios.forEach((r) => {
          r.disabled = true;
        });
        if (q.details) q.details.hidden = false;
        q.show(c);
        const seconds = Math.round((a.spent[id] || 0) / 1e3);
        const spent = el("p", "quiz-spent", "Time on this question: " + duration(seconds));
        q.fs.insertBefore(spent, q.details);
        const outcome = c < 0 ? "blank" : c === q.key ? "right" : "wrong";
        if (outcome === "right") right++;
        if (outcome === "wrong") wrong++;
        if (c >= 0) q.record(c);
        results.push({ n: n + 1, dom: q.dom, stem: q.stem(), seconds, outcome, theme: q.fs.dataset.theme || "" });
      });
      const total = a.ids.length, blank2 = total - right - wrong, attempted = right + wrong;
      const used = Math.round((Math.min(Date.now(), a.deadline) - a.started) / 1e3);
      const net = score(right, wrong, blank2);
      const s = section();
      s.exam.history.push({
        date: (/* @__PURE__ */ new Date()).toISOString(),
        seed: a.seed,
        score: Math.round(net * 100) / 100,
        most: plus * total,
        right,
        wrong,
        blank: blank2,
        used,
        timeUp
      });
      s.exam.history = s.exam.history.slice(-HISTORY);
      s.exam.attempt = attempt = null;
      save(s);
      const list = el("ul", "quiz-score");
      [
        "Net score: " + signed(net) + " out of " + plus * total,
        "Correct: " + right + " (" + marks(right * plus) + ")",
        "Wrong: " + wrong + " (" + marks(wrong * minus) + ")",
        "Blank: " + blank2 + " (" + marks(blank2 * none) + ")",
        "Attempted: " + attempted + " of " + total,
        "Accuracy: " + (attempted ? Math.round(100 * right / attempted) + "% of attempted" : "nothing attempted"),
        "Time used: " + Math.floor(used / 60) + " min " + used % 60 + " s"
      ].forEach((t) => list.append(el("li", "", t)));
      summary.textContent = "";
      summary.append(el("h2", "", "Your result"));
      if (timeUp) summary.append(el("p", "", "Time is up: your answers were submitted."));
      summary.append(
        list,
        byTheme(results, titles, score),
        el("h3", "", "Where your time went"),
        el("p", "", "The questions you spent longest on (each question below shows its time)."),
        slowest(results, SLOWEST),
        el("p", "", "Each question below now shows whether you were right, with its answer and explanation."),
        button("Take the test again", waiting)
      );
      root.classList.remove("quiz-running");
      root.classList.add("quiz-finished");
      submit.hidden = nav.hidden = pal.box.hidden = true;
      summary.hidden = false;
      clock.textContent = count.textContent = notice.textContent = "";
      showHistory();
      summary.focus();
    }
    const saved2 = section().exam.attempt;
    const usable = saved2 && Array.isArray(saved2.ids) && saved2.ids.length && saved2.ids.every((id) => byId[id]);
    waiting();
    if (usable) {
      run(Object.assign({ choice: {}, marked: {}, seen: {}, spent: {}, at: 0 }, saved2));
      notice.textContent = "Your test was resumed where you left it";
    } else if (saved2) {
      const s = section();
      s.exam.attempt = null;
      save(s);
    }
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

  // js/quiz/mains_store.js
  function blank(version2, keys) {
    return { version: version2, text: "", seconds: 0, finished: false, revealed: false, keys, ticked: [], at: 0 };
  }
  function read(mid, version2, keys) {
    const s = load();
    let rec = s.mains[mid];
    const old = s.checklist[mid];
    if (rec && rec.version !== version2) {
      const earlier = rec.text ? { text: rec.text, at: rec.at } : rec.earlier;
      rec = blank(version2, keys);
      if (earlier) rec.earlier = earlier;
    }
    rec = Object.assign(blank(version2, keys), rec);
    if (old) {
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
  function write(mid, rec) {
    const s = load();
    rec.at = Date.now();
    s.mains[mid] = rec;
    save(s);
  }
  function forget2(mid) {
    const s = load();
    delete s.mains[mid];
    delete s.checklist[mid];
    save(s);
  }

  // js/quiz/mains_words.js
  function countWords(text) {
    const words = text.trim().split(/\s+/);
    return words[0] ? words.length : 0;
  }
  function wordsText(n, limit) {
    const count = n + " / " + limit + " words";
    return n > limit ? count + ": " + (n - limit) + " over the limit" : count;
  }
  function clockText(seconds) {
    const s = Math.max(0, Math.floor(seconds));
    return Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
  }

  // js/quiz/mains_timer.js
  function timer2(minutes, used, changed2) {
    const limit = minutes * 60;
    let base = used || 0, since = 0, id = 0, warned = base >= limit;
    const box = el("div", "quiz-mains-timer");
    const clock = el("p", "quiz-mains-clock");
    clock.setAttribute("role", "timer");
    const notice = status("quiz-mains-timeup", "");
    const go = button("Start the timer", () => since ? pause() : start2(), true);
    const reset = button("Reset the timer", zero);
    box.append(clock, go, reset, notice);
    show();
    function zero() {
      pause();
      base = 0;
      warned = false;
      notice.textContent = "";
      show();
      changed2(0);
    }
    function seconds() {
      return Math.floor(base + (since ? (Date.now() - since) / 1e3 : 0));
    }
    function start2() {
      since = Date.now();
      id = setInterval(tick, 1e3);
      show();
    }
    function pause() {
      if (!since) return;
      base = seconds();
      since = 0;
      clearInterval(id);
      show();
      changed2(base);
    }
    function tick() {
      if (!box.isConnected) {
        clearInterval(id);
        return;
      }
      show();
      changed2(seconds());
    }
    function show() {
      const s = seconds();
      if (s < limit) clock.textContent = clockText(limit - s) + " left of " + minutes + " minutes";
      else clock.textContent = "Time is up: " + clockText(s - limit) + " over " + minutes + " minutes";
      box.classList.toggle("quiz-mains-timer--over", s >= limit);
      if (s >= limit && !warned) {
        warned = true;
        notice.textContent = "Time is up: in the exam you would move on now. You can keep writing here; the timer counts the extra time.";
      }
      go.textContent = since ? "Pause" : s ? "Resume the timer" : "Start the timer";
      reset.hidden = !s;
    }
    return { box, pause, seconds, running: () => !!since, reset: zero };
  }

  // js/quiz/mains.js
  var MIN_WORDS = 30;
  function mains(box) {
    const mid = box.dataset.mid, version2 = box.dataset.answerVersion, keys = box.dataset.version;
    const limit = +box.dataset.words || 150, minutes = +box.dataset.minutes || 7;
    const key = box.querySelector(".quiz-mains-key");
    const points = box.querySelector("details.quiz-mains-points");
    const outline = box.querySelector("details.quiz-outline");
    const boxes = all(box, ".quiz-checklist input[type=checkbox]");
    let rec = read(mid, version2, keys);
    const area = el("div", "quiz-mains-write");
    const label = el("label", "quiz-mains-label", "Your answer to question " + (box.dataset.number || ""));
    const text = el("textarea", "quiz-mains-text");
    text.id = "mains-answer-" + mid;
    label.htmlFor = text.id;
    text.rows = 10;
    text.spellcheck = true;
    const count = el("p", "quiz-mains-count");
    count.id = text.id + "-count";
    text.setAttribute("aria-describedby", count.id);
    const earlier = el("p", "quiz-mains-earlier");
    earlier.append(
      "You saved an answer to an earlier wording of this question. ",
      button("Put it in the box", restore)
    );
    const clock = timer2(minutes, rec.seconds, (s) => {
      rec.seconds = s;
      write(mid, rec);
    });
    const finish = button("I have finished", finished);
    const reveal = button("Show the key points and model outline", show, true);
    const clear = button("Clear my answer", wipe);
    const actions = el("div", "quiz-actions quiz-mains-actions");
    actions.append(finish, reveal, clear);
    const hint = el("p", "quiz-mains-hint");
    const tally = el("p", "quiz-tally");
    tally.setAttribute("aria-live", "polite");
    box.querySelector(".quiz-checklist").append(tally);
    area.append(label, earlier, text, count, clock.box, actions, hint);
    key.before(area);
    points.querySelector("summary").textContent = "Key points (" + boxes.length + ")";
    text.value = rec.text;
    text.addEventListener("input", () => {
      rec.text = text.value;
      write(mid, rec);
      update();
    });
    boxes.forEach((b, i) => {
      b.addEventListener("change", () => {
        rec.ticked = boxes.map((x, j) => x.checked ? j : -1).filter((j) => j >= 0);
        write(mid, rec);
        update();
      });
    });
    update();
    points.open = outline.open = rec.revealed;
    function finished() {
      clock.pause();
      rec.finished = true;
      write(mid, rec);
      update();
      if (!rec.revealed) reveal.focus();
    }
    function show() {
      clock.pause();
      rec.revealed = true;
      write(mid, rec);
      update();
      points.open = outline.open = true;
      points.querySelector("summary").focus();
    }
    function restore() {
      rec.text = rec.earlier.text + (rec.text ? "\n\n" + rec.text : "");
      delete rec.earlier;
      write(mid, rec);
      text.value = rec.text;
      update();
      text.focus();
    }
    function wipe() {
      if (rec.text.trim() && !window.confirm("Delete your answer to this question, its time and its ticks?")) return;
      clock.reset();
      forget2(mid);
      rec = blank(version2, keys);
      text.value = "";
      points.open = outline.open = false;
      update();
      text.focus();
    }
    function update() {
      const n = countWords(text.value), ticked = rec.ticked;
      count.textContent = wordsText(n, limit);
      count.classList.toggle("quiz-mains-over", n > limit);
      earlier.hidden = !rec.earlier;
      const may = n >= MIN_WORDS || rec.finished;
      key.hidden = !rec.revealed;
      finish.hidden = rec.finished || rec.revealed;
      reveal.hidden = rec.revealed || !may;
      clear.hidden = !rec.text && !rec.seconds && !rec.revealed && !rec.finished;
      hint.textContent = rec.revealed ? "Tick the key points your answer covers, then compare it with the outline." : may ? "" : "Write at least " + MIN_WORDS + " words, or press “I have finished”, to see the key points and the model outline.";
      boxes.forEach((b, i) => {
        b.checked = ticked.indexOf(i) >= 0;
      });
      const got = boxes.filter((b) => b.checked).length;
      tally.textContent = got + " of " + boxes.length + " key points covered";
    }
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
      let changed2 = false;
      qs.forEach((q) => {
        const a = s.answers[q.id];
        q.clear();
        if (!a) return;
        if (a.version !== q.version || !q.radios[a.choice]) {
          delete s.answers[q.id];
          changed2 = true;
          return;
        }
        changed2 = q.place(s, a) || changed2;
        if (q.retry) return;
        q.radios[a.choice].checked = true;
        q.show(a.choice);
      });
      if (changed2) save(s);
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
        const items2 = groups[page], section2 = el("section", "quiz-review-page"), ul = el("ul");
        const title = s.titles[page] || page;
        section2.append(el("h2", "", title + ": " + items2.length + (items2.length === 1 ? " mistake" : " mistakes")), ul);
        items2.forEach((a) => {
          const li = el("li"), link = el("a", "", a.stem || a.dom);
          link.href = retryLink(base + encodeURI(page), a.dom);
          const when = new Date(a.at), letter = "abcde".charAt(a.choice);
          li.append(link, el("span", "quiz-review-meta", " (you chose (" + letter + ")" + (isNaN(when) ? "" : ", " + day(when)) + ")"));
          ul.append(li);
        });
        list.append(section2);
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
    each(".quiz-mains[data-mid]", mains);
    each("[data-quiz-progress]", progress);
    each("[data-quiz-reset]", resetter);
    each("[data-quiz-due], [data-quiz-file]", spaced);
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
