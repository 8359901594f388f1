/* CJG worker console: live queue and transcript (polling every second), canned replies. */
(function () {
  "use strict";
  var POLL_MS = 1000;

  function getJSON(url) {
    return fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .catch(function () { return null; });
  }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text) node.textContent = text;
    return node;
  }

  /* The queue: rebuilt only when who is waiting changes, so the keyboard focus on an "Aannemen"
   * button survives the polling; the change is announced in a polite status line. */
  var queue = document.getElementById("queue");
  if (queue) {
    var idOf = function (form) { return form.getAttribute("action"); };
    var idsIn = function (node) {
      return Array.prototype.map.call(node.querySelectorAll("form"), idOf).join(" ");
    };
    var takeForm = function (item, i) {
      var li = el("li");
      li.appendChild(el("span", null, queue.dataset.labelVisitor + " " + (i + 1) + " (" +
                                      (item.site === "jongin" ? "JongIn" : "vCJG") + ")"));
      var form = el("form", "inline");
      form.method = "post";
      form.action = queue.dataset.take.replace("__ID__", item.id);
      var csrf = el("input"); csrf.type = "hidden"; csrf.name = "csrf"; csrf.value = queue.dataset.csrf;
      var button = el("button", null, queue.dataset.labelTake); button.type = "submit";
      form.appendChild(csrf); form.appendChild(button); li.appendChild(form);
      return li;
    };
    var pollQueue = function () {
      getJSON(queue.dataset.poll).then(function (data) {
        if (!data) return;
        var list = el("ol", "queue-list");
        data.waiting.forEach(function (item, i) { list.appendChild(takeForm(item, i)); });
        if (idsIn(list) === idsIn(queue)) return;
        var active = document.activeElement;
        var focusedForm = active && queue.contains(active) && active.form ? idOf(active.form) : null;
        var count = document.getElementById("queue-count");
        if (count) count.textContent = "(" + data.waiting.length + ")";
        var status = document.getElementById("queue-status");
        if (status) status.textContent = queue.dataset.labelCount.replace("{n}", String(data.waiting.length));
        queue.textContent = "";
        queue.appendChild(data.waiting.length ? list : el("p", null, queue.dataset.labelEmpty));
        if (focusedForm) {
          var same = Array.prototype.filter.call(queue.querySelectorAll("form"), function (f) {
            return idOf(f) === focusedForm;
          })[0];
          (same ? same.querySelector("button") : queue.querySelector("button") || queue).focus();
        }
      });
    };
    setInterval(pollQueue, POLL_MS);
  }

  var transcript = document.getElementById("transcript");
  if (transcript) {
    var labels = { user: transcript.dataset.labelUser, bot: transcript.dataset.labelBot,
                   worker: transcript.dataset.labelWorker, system: transcript.dataset.labelSystem };
    var pollTranscript = function () {
      getJSON(transcript.dataset.poll + "?after=" + transcript.dataset.after).then(function (data) {
        if (!data) return;
        data.messages.forEach(function (m) {
          var li = el("li", "msg msg-" + m.sender);
          li.appendChild(el("span", "who", (labels[m.sender] || m.sender) + ": "));
          li.appendChild(document.createTextNode(m.text));
          transcript.appendChild(li);
          transcript.dataset.after = String(m.id);
        });
      });
    };
    setInterval(pollTranscript, POLL_MS);
  }

  Array.prototype.forEach.call(document.querySelectorAll(".canned-reply"), function (button) {
    button.addEventListener("click", function () {
      var reply = document.getElementById("reply");
      if (!reply) return;
      reply.value = button.dataset.text;
      reply.focus();
    });
  });

  var form = document.getElementById("reply-form");
  if (form && window.fetch) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var data = new FormData(form);
      if (!String(data.get("text") || "").trim()) return;
      fetch(form.action, { method: "POST", body: data, credentials: "same-origin",
                           headers: { Accept: "application/json" } })
        .then(function (r) { if (r.ok) { form.reset(); document.getElementById("reply").focus(); } else { form.submit(); } })
        .catch(function () { form.submit(); });
    });
  }
})();
