/* The chat widget of vCJG and JongIn (docs/widget.md).
 *
 * Hand-written, no dependencies, no inline code (CSP: script-src 'self',
 * style-src 'self', connect-src 'self'). It talks only to the portal's
 * /api/chat/messages, keeps the conversation only in sessionStorage, and builds
 * every message with textContent: text from the assistant or a worker is never
 * parsed as HTML. All visible strings come from the data attributes of the
 * root element, rendered by templates/partials/chat_widget.html.
 */
(function () {
  "use strict";

  const API = "/api/chat/messages";
  const STORE_KEY = "cjg-chat";          // every key of the widget starts with this
  const STORE_VERSION = 1;
  const MAX_STORED = 100;                 // messages kept in sessionStorage
  const MAX_LENGTH = 1000;                // same as the input's maxlength
  const POLL_MS = 1000;                   // live chat with a worker: new messages within about a second
  const POLL_RETRY_MS = 6000;
  const TIMEOUT_MS = 20000;
  const DEFAULT_EXIT = "https://www.google.com/search?q=weer";
  const LIVE_STATES = ["waiting", "human"];
  const STATES = ["bot", "waiting", "human", "closed"];

  const root = document.getElementById("cjg-chat");
  if (!root || !window.fetch || !window.JSON) return;

  const launcher = document.getElementById("cjg-chat-launcher");
  const panel = document.getElementById("cjg-chat-panel");
  const log = document.getElementById("cjg-chat-log");
  const form = root.querySelector("[data-chat-form]");
  const input = document.getElementById("cjg-chat-input");
  const sendButton = form && form.querySelector("button[type=submit]");
  const typing = root.querySelector("[data-chat-typing]");
  const unread = root.querySelector("[data-chat-unread]");
  const queueBox = root.querySelector("[data-chat-queue]");
  const queueText = root.querySelector("[data-chat-queue-text]");
  const leaveButton = root.querySelector("[data-chat-leave]");
  if (!launcher || !panel || !log || !form || !input || !sendButton || !typing) return;

  const docEl = document.documentElement;
  const site = document.body.classList.contains("site-jongin") ? "jongin" : "vcjg";
  const locale = root.dataset.locale === "en" ? "en-GB" : "nl-NL";

  /* Strings -------------------------------------------------------------- */

  function t(key) {
    return root.dataset[key] || "";
  }

  function fill(template, key, value) {
    return template.split("{" + key + "}").join(value);
  }

  /* Storage: sessionStorage only, never localStorage or cookies ----------- */

  function freshStore() {
    return { v: STORE_VERSION, id: null, state: "bot", lastId: null, introShown: false, messages: [] };
  }

  function loadStore() {
    try {
      const raw = window.sessionStorage.getItem(STORE_KEY);
      if (!raw) return null;
      const data = JSON.parse(raw);
      if (!data || data.v !== STORE_VERSION || !Array.isArray(data.messages)) return null;
      const store = freshStore();
      store.id = typeof data.id === "string" ? data.id : null;
      store.state = STATES.indexOf(data.state) >= 0 ? data.state : "bot";
      store.lastId = data.lastId == null ? null : data.lastId;
      store.introShown = data.introShown === true;
      store.messages = data.messages.filter(isObject).slice(-MAX_STORED);
      return store;
    } catch (err) {
      return null;
    }
  }

  function saveStore() {
    store.messages = store.messages.slice(-MAX_STORED);
    try {
      window.sessionStorage.setItem(STORE_KEY, JSON.stringify(store));
    } catch (err) {
      /* storage full or disabled: the chat still works on this page */
    }
  }

  function clearStore() {
    try {
      const storage = window.sessionStorage;
      for (let i = storage.length - 1; i >= 0; i -= 1) {
        const key = storage.key(i);
        if (key && key.indexOf(STORE_KEY) === 0) storage.removeItem(key);
      }
    } catch (err) {
      /* nothing stored */
    }
  }

  let store = loadStore() || freshStore();
  let seen = new Set();
  let isOpen = false;
  let busy = false;
  let pollTimer = null;

  /* Safe building blocks -------------------------------------------------- */

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function text(value) {
    return typeof value === "string" ? value : "";
  }

  function el(tag, className, content) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (content) node.textContent = content;
    return node;
  }

  function hidden(content) {
    return el("span", "chat-sr", content);
  }

  /* Portal paths ("/...") and https:// only; no "//host", no "/\host", no
   * whitespace or control characters that the URL parser would drop. */
  function safeUrl(value) {
    const url = text(value).trim();
    if (!url || /[\s\u0000-\u001f\u007f\\]/.test(url)) return null;
    if (url.charAt(0) === "/" && url.charAt(1) !== "/") return url;
    if (/^https:\/\/[^/]/i.test(url)) return url;
    return null;
  }

  function link(href, label, extra) {
    const a = el("a", "chat-link", label);
    a.href = href;
    if (extra) a.appendChild(hidden(extra));
    return a;
  }

  function formatWhen(iso) {
    const date = new Date(text(iso));
    if (!iso || isNaN(date.getTime())) return "";
    try {
      return new Intl.DateTimeFormat(locale, {
        timeZone: "Europe/Amsterdam", weekday: "long", day: "numeric", month: "long",
        hour: "2-digit", minute: "2-digit",
      }).format(date);
    } catch (err) {
      return date.toLocaleString();
    }
  }

  /* Cards for the assistant's payloads (shared/design/assistant-contract.md) */

  function card(kind, title) {
    const node = el("div", "chat-card chat-card--" + kind);
    if (title) node.appendChild(el("p", "chat-card-title", title));
    return node;
  }

  const renderers = {
    article(c) {
      const url = safeUrl(c.url);
      const title = text(c.title);
      if (!url || !title) return null;
      const node = card("article", title);
      node.appendChild(link(url, t("readArticle"), ": " + title));
      return node;
    },
    service(c) {
      const url = safeUrl(c.url);
      const name = text(c.name);
      if (!url || !name) return null;
      const node = card("service", name);
      node.appendChild(link(url, t("viewService"), ": " + name));
      return node;
    },
    location(c) {
      const url = safeUrl(c.url);
      const name = text(c.name);
      if (!url || !name) return null;
      const node = card("location", name);
      if (c.open_now === true) {
        node.appendChild(el("p", "chat-open chat-open--now", t("openNow")));
      } else {
        const when = formatWhen(c.next_open);
        if (when) node.appendChild(el("p", "chat-open", fill(t("nextOpen"), "when", when)));
      }
      node.appendChild(link(url, t("viewLocation"), ": " + name));
      return node;
    },
    handoff_offer(c) {
      if (c.available === true) return el("p", "chat-note chat-note--handoff", t("handoffNow"));
      const box = el("div", "chat-note chat-note--handoff");
      const when = formatWhen(c.next_open);
      if (when) box.appendChild(el("p", null, fill(t("handoffNext"), "when", when)));
      box.appendChild(link(t("askHref") || "/e-hulp", t("askQuestion")));
      return box;
    },
    crisis(c) {
      const lines = Array.isArray(c.lines) ? c.lines.filter(isObject) : [];
      const list = el("ul", "chat-crisis-lines");
      lines.forEach(function (line) {
        const name = text(line.name);
        const phone = text(line.phone);
        const dial = phone.replace(/[^0-9+]/g, "");
        if (!name || !dial) return;
        const item = el("li", "chat-crisis-line");
        item.appendChild(el("p", "chat-crisis-name", name));
        const call = el("a", "chat-call", fill(t("call"), "phone", phone));
        call.href = "tel:" + dial;
        item.appendChild(call);
        const url = safeUrl(line.url);
        if (url) item.appendChild(link(url, fill(t("website"), "name", name)));
        list.appendChild(item);
      });
      if (!list.childNodes.length) return null;
      const node = card("crisis", t("crisisTitle"));
      node.appendChild(list);
      return node;
    },
    fallback() {
      const node = card("fallback", "");
      const list = el("ul", "chat-fallback-links");
      [[site === "jongin" ? "/zoeken?site=jongin" : "/zoeken", t("linkSearch")],
       ["/sociale-kaart", t("linkMap")],
       ["/contact", t("linkContact")]].forEach(function (pair) {
        const item = el("li");
        item.appendChild(link(pair[0], pair[1]));
        list.appendChild(item);
      });
      node.appendChild(list);
      return node;
    },
  };

  function customs(message) {
    const raw = message.custom;
    const list = Array.isArray(raw) ? raw : [raw];
    return list.filter(function (c) {
      return isObject(c) && Object.prototype.hasOwnProperty.call(renderers, c.type);
    });
  }

  function hasCrisis(message) {
    return customs(message).some(function (c) { return c.type === "crisis"; });
  }

  /* Messages ----------------------------------------------------------- */

  function senderLabel(from) {
    return from === "user" ? t("you") : from === "worker" ? t("worker") : t("assistant");
  }

  function renderIntro() {
    const node = el("div", "chat-msg chat-msg--intro");
    const intro = site === "jongin" && t("introJongin") ? t("introJongin") : t("intro");
    [intro, t("introPrivacy"), t("introUrgent")].forEach(function (line) {
      if (line) node.appendChild(el("p", "chat-intro-text", line));
    });
    return node;
  }

  function renderButtons(buttons) {
    const group = el("div", "chat-choices");
    (Array.isArray(buttons) ? buttons : []).forEach(function (b) {
      if (!isObject(b)) return;
      const title = text(b.title).trim();
      const payload = text(b.payload).trim() || title;
      if (!title) return;
      const button = el("button", "chat-choice", title);
      button.type = "button";
      button.addEventListener("click", function () {
        send(payload, title);
      });
      group.appendChild(button);
    });
    return group.childNodes.length ? group : null;
  }

  function renderMessage(m) {
    if (m.from === "intro") return renderIntro();
    if (m.from === "note" || m.from === "error") {
      return text(m.text) ? el("div", "chat-msg chat-msg--" + m.from, m.text) : null;
    }
    const from = m.from === "user" || m.from === "worker" ? m.from : "bot";
    const node = el("div", "chat-msg chat-msg--" + from);
    const cards = customs(m).map(function (c) { return renderers[c.type](c); }).filter(Boolean);
    // The crisis card comes first, before any text.
    cards.filter(function (c) { return c.classList.contains("chat-card--crisis"); })
      .forEach(function (c) { node.appendChild(c); });
    if (text(m.text)) {
      const bubble = el("p", "chat-bubble");
      if (from === "worker") bubble.appendChild(el("span", "chat-from", t("worker")));
      else bubble.appendChild(hidden(senderLabel(from) + ": "));
      bubble.appendChild(document.createTextNode(m.text));
      node.appendChild(bubble);
    }
    cards.filter(function (c) { return !c.classList.contains("chat-card--crisis"); })
      .forEach(function (c) { node.appendChild(c); });
    const buttons = from === "user" ? null : renderButtons(m.buttons);
    if (buttons) node.appendChild(buttons);
    return node.childNodes.length ? node : null;
  }

  function scrollLogToEnd() {
    log.scrollTop = log.scrollHeight;
  }

  /* Append entries to the log; remember = store them in sessionStorage. */
  function addEntries(entries, remember) {
    entries.forEach(function (m) {
      const node = renderMessage(m);
      if (node) log.appendChild(node);
      if (remember) store.messages.push(m);
    });
    if (remember) saveStore();
    scrollLogToEnd();
  }

  function fromServer(m) {
    if (!isObject(m)) return null;
    const senders = { user: "user", worker: "worker", system: "note" };
    const entry = { from: senders[m.sender] || "bot" };
    if (text(m.text)) entry.text = text(m.text).slice(0, 5000);
    if (Array.isArray(m.buttons) && m.buttons.length) entry.buttons = m.buttons.slice(0, 10);
    if (m.custom != null) entry.custom = m.custom;
    if (m.id != null) entry.id = m.id;
    return entry;
  }

  /* A reply: crisis messages first, then the rest in their order. */
  function orderReply(entries) {
    return entries.filter(hasCrisis).concat(entries.filter(function (m) { return !hasCrisis(m); }));
  }

  function showError(message) {
    addEntries([{ from: "error", text: message || t("errorGeneric") }], false);
  }

  function showUnavailable() {
    addEntries([{ from: "bot", text: t("unavailable"), custom: { type: "fallback" } }], true);
  }

  function restore() {
    log.textContent = "";
    seen = new Set();
    store.messages.forEach(function (m) {
      if (m.id != null) seen.add(String(m.id));
    });
    addEntries(store.messages, false);
  }

  /* Talking to the portal ------------------------------------------------ */

  function request(url, options) {
    const controller = window.AbortController ? new AbortController() : null;
    const timer = controller ? window.setTimeout(function () { controller.abort(); }, TIMEOUT_MS) : null;
    const init = Object.assign({ credentials: "same-origin", headers: { Accept: "application/json" } }, options);
    if (controller) init.signal = controller.signal;
    return fetch(url, init).then(function (response) {
      return response.json().catch(function () { return null; }).then(function (data) {
        return { status: response.status, data: isObject(data) ? data : null };
      });
    }).finally(function () {
      if (timer) window.clearTimeout(timer);
    });
  }

  function post(message) {
    const body = { text: message, site: site };
    if (store.id) body.conversation_id = store.id;
    return request(API, {
      method: "POST",
      headers: { Accept: "application/json", "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
  }

  function firstText(data) {
    const messages = data && Array.isArray(data.messages) ? data.messages : [];
    const first = messages.find(function (m) { return isObject(m) && text(m.text); });
    return first ? first.text : "";
  }

  function handleReply(result) {
    const data = result.data;
    if (result.status === 200 && data) {
      if (typeof data.conversation_id === "string" && data.conversation_id) store.id = data.conversation_id;
      if (typeof data.last_message_id === "number") store.lastId = data.last_message_id;
      showQueue(data);
      const all = (Array.isArray(data.messages) ? data.messages : []).map(fromServer).filter(Boolean);
      all.forEach(function (m) {
        if (m.id != null) {
          seen.add(String(m.id));
          store.lastId = m.id;
        }
      });
      // The person's own message is already in the log.
      const entries = all.filter(function (m) { return m.from !== "user"; });
      if (entries.length) addEntries(orderReply(entries), true);
      const fallbackShown = entries.some(function (m) {
        return customs(m).some(function (c) { return c.type === "fallback"; });
      });
      if (data.assistant_available === false && !fallbackShown) showUnavailable();
      else if (!entries.length && !LIVE_STATES.includes(data.state)) showUnavailable();
      setState(data.state);
      saveStore();
      return;
    }
    if (result.status === 400) return showError(firstText(data) || t("errorGeneric"));
    if (result.status === 429) return showError(firstText(data) || t("errorRate"));
    // 404 without a conversation, 5xx, a proxy's page: the assistant cannot be reached.
    showUnavailable();
  }

  function setBusy(value) {
    busy = value;
    sendButton.disabled = value;
    typing.textContent = "";
    typing.classList.toggle("is-active", value);
    if (value) {
      // Set once per wait: role="status" announces it politely, once.
      typing.appendChild(document.createTextNode(t("typing")));
      const dots = el("span", "chat-dots");
      dots.setAttribute("aria-hidden", "true");
      for (let i = 0; i < 3; i += 1) dots.appendChild(el("span", "chat-dot"));
      typing.appendChild(dots);
    }
  }

  function send(raw, shown) {
    const message = text(raw).trim().slice(0, MAX_LENGTH);
    if (!message || busy) return false;
    addEntries([{ from: "user", text: text(shown).trim() || message }], true);
    const focusWasInside = panel.contains(document.activeElement);
    if (focusWasInside && document.activeElement !== input) input.focus();
    setBusy(true);
    post(message).then(function (result) {
      if (result.status === 404 && store.id) {
        // The portal does not know this conversation (any more): start a new one.
        store.id = null;
        store.lastId = null;
        store.state = "bot";
        saveStore();
        return post(message);
      }
      return result;
    }).then(handleReply).catch(function () {
      showUnavailable();
    }).finally(function () {
      setBusy(false);
    });
    return true;
  }

  /* The queue: place and estimated wait, updated in place; leaving it for a question. */

  function showQueue(data) {
    if (!queueBox) return;
    const waiting = data && data.state === "waiting" && typeof data.queue_position === "number";
    queueBox.hidden = !waiting;
    if (!waiting) return;
    const minutes = Math.max(1, Math.round((Number(data.estimated_wait_seconds) || 0) / 60));
    const line = fill(fill(t("queue"), "place", String(data.queue_position)), "minutes", String(minutes));
    if (queueText.textContent !== line) queueText.textContent = line;
  }

  function leaveQueue() {
    const target = leaveButton.dataset.href || "/e-hulp";
    if (!store.id) { window.location.assign(target); return; }
    request("/api/chat/handoff/cancel", { method: "POST", body: JSON.stringify({ conversation_id: store.id }),
                                          headers: { "Content-Type": "application/json", Accept: "application/json" } })
      .finally(function () {
        store.state = "bot";
        saveStore();
        window.location.assign(target);
      });
  }

  /* Live chat with a CJG worker: poll every second while waiting or human. */

  function setState(next) {
    if (STATES.indexOf(next) < 0) {
      // Another answer (for example "unavailable" after asking for a worker): keep ours.
      schedulePoll(POLL_MS);
      return;
    }
    const previous = store.state;
    store.state = next;
    if (next !== previous) {
      if (next === "human") addEntries([{ from: "note", text: t("stateHuman") }], true);
      if (next === "closed" && LIVE_STATES.includes(previous)) {
        addEntries([{ from: "note", text: t("stateClosed") }], true);
      }
    }
    if (next === "closed") {
      // The next message starts a new conversation with the assistant.
      store.id = null;
      store.lastId = null;
      store.state = "bot";
    }
    saveStore();
    schedulePoll(POLL_MS);
  }

  function stopPolling() {
    if (pollTimer) window.clearTimeout(pollTimer);
    pollTimer = null;
  }

  function schedulePoll(delay) {
    stopPolling();
    if (store.id && LIVE_STATES.includes(store.state)) pollTimer = window.setTimeout(poll, delay);
  }

  function poll() {
    pollTimer = null;
    if (!store.id || !LIVE_STATES.includes(store.state)) return;
    let url = API + "?conversation_id=" + encodeURIComponent(store.id);
    if (store.lastId != null) url += "&after=" + encodeURIComponent(String(store.lastId));
    const primed = store.lastId != null;
    request(url, { method: "GET" }).then(function (result) {
      if (result.status === 404) {
        store.id = null;
        store.lastId = null;
        store.state = "bot";
        saveStore();
        return;
      }
      if (result.status !== 200 || !result.data) return schedulePoll(POLL_RETRY_MS);
      const fresh = [];
      (Array.isArray(result.data.messages) ? result.data.messages : []).forEach(function (raw) {
        const m = fromServer(raw);
        if (!m) return;
        if (m.id != null) {
          if (seen.has(String(m.id))) return;
          seen.add(String(m.id));
          store.lastId = m.id;
        }
        if (m.from === "user") return;        // shown when it was sent
        // First poll without a known message id: the assistant's earlier
        // replies are already in the log; show only the worker and notes.
        if (!primed && m.from !== "worker" && m.from !== "note") return;
        fresh.push(m);
      });
      if (fresh.length) {
        addEntries(orderReply(fresh), true);
        if (!isOpen && unread) {
          unread.textContent = "";
          unread.appendChild(hidden(" (" + t("newMessage") + ")"));
          unread.hidden = false;
        }
      }
      saveStore();
      showQueue(result.data);
      if (result.data.state) setState(result.data.state);
      else schedulePoll(POLL_MS);
    }, function () {
      schedulePoll(POLL_RETRY_MS);
    });
  }

  /* Never cover the focused element ------------------------------------ */

  /* On wide screens chat.css docks the open panel beside the page, which
   * makes room for it: then only the launcher can cover anything. */
  function docked() {
    return getComputedStyle(panel).getPropertyValue("--chat-docked").trim() === "1";
  }

  function overlays() {
    return [isOpen && !docked() ? panel : null, launcher].filter(function (node) {
      return node && node.getClientRects().length > 0;
    });
  }

  function updateOffset() {
    let top = window.innerHeight;
    overlays().forEach(function (node) {
      top = Math.min(top, node.getBoundingClientRect().top);
    });
    const offset = Math.max(0, Math.ceil(window.innerHeight - top));
    docEl.style.setProperty("--chat-offset", offset + "px");
    docEl.classList.add("chat-has-overlay");
    docEl.classList.toggle("chat-is-open", isOpen);
  }

  function revealIfCovered(target) {
    const r = target.getBoundingClientRect();
    if (!r.width && !r.height) return;
    let delta = 0;
    overlays().forEach(function (node) {
      const o = node.getBoundingClientRect();
      const overlaps = r.left < o.right && r.right > o.left && r.top < o.bottom && r.bottom > o.top;
      if (overlaps) delta = Math.max(delta, r.bottom - o.top + 12);
    });
    // Never scroll the top of the element out of view.
    delta = Math.min(delta, Math.max(0, r.top - 12));
    if (delta > 0) window.scrollBy(0, delta);
  }

  document.addEventListener("focusin", function (event) {
    const target = event.target;
    if (!(target instanceof Element) || root.contains(target)) return;
    revealIfCovered(target);
  });

  /* Open, close, quick exit -------------------------------------------- */

  function open() {
    if (isOpen) return;
    isOpen = true;
    panel.hidden = false;
    launcher.setAttribute("aria-expanded", "true");
    root.classList.add("is-open");
    if (unread) {
      unread.hidden = true;
      unread.textContent = "";
    }
    updateOffset();
    scrollLogToEnd();
    input.focus();
    if (!store.introShown) {
      store.introShown = true;
      // After the panel is in the accessibility tree, so the log announces it.
      window.setTimeout(function () { addEntries([{ from: "intro" }], true); }, 150);
    }
  }

  function close(returnFocus) {
    if (!isOpen) return;
    isOpen = false;
    panel.hidden = true;
    launcher.setAttribute("aria-expanded", "false");
    root.classList.remove("is-open");
    updateOffset();
    if (returnFocus) launcher.focus();
  }

  function exitUrl() {
    const url = text(root.dataset.exitUrl);
    return /^https:\/\/[^/\s]/i.test(url) ? url : DEFAULT_EXIT;
  }

  function quickExit() {
    stopPolling();
    clearStore();
    store = freshStore();
    log.textContent = "";
    input.value = "";
    // replace(): the page with the chat is not kept in this tab's history.
    window.location.replace(exitUrl());
  }

  launcher.addEventListener("click", function () {
    if (isOpen) close(false);
    else open();
  });

  root.querySelector("[data-chat-close]").addEventListener("click", function () { close(true); });
  root.querySelector("[data-chat-exit]").addEventListener("click", quickExit);
  if (leaveButton) leaveButton.addEventListener("click", leaveQueue);

  root.addEventListener("keydown", function (event) {
    if ((event.key === "Escape" || event.key === "Esc") && isOpen) {
      event.preventDefault();
      close(true);
    }
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (busy) return;
    const value = input.value.trim();
    if (!value) {
      input.value = "";
      input.focus();
      return;
    }
    if (send(value)) input.value = "";
  });

  /* Start -------------------------------------------------------------- */

  if (window.ResizeObserver) {
    const observer = new ResizeObserver(updateOffset);
    observer.observe(panel);
    observer.observe(launcher);
  }
  window.addEventListener("resize", updateOffset);

  // Back/forward cache: show what sessionStorage holds now. After a quick exit
  // it is empty, so the old conversation does not come back with the page.
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) return;
    const current = loadStore();
    stopPolling();
    store = current || freshStore();
    if (!current) close(false);
    restore();
    schedulePoll(POLL_MS);
  });

  input.maxLength = MAX_LENGTH;
  restore();
  root.hidden = false;
  updateOffset();
  schedulePoll(POLL_MS);
})();
