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

  var queue = document.getElementById("queue");
  if (queue) {
    var pollQueue = function () {
      getJSON(queue.dataset.poll).then(function (data) {
        if (!data) return;
        var count = document.getElementById("queue-count");
        if (count) count.textContent = "(" + data.waiting.length + ")";
        queue.textContent = "";
        if (!data.waiting.length) { queue.appendChild(el("p", null, queue.dataset.labelEmpty)); return; }
        var list = el("ol", "queue-list");
        data.waiting.forEach(function (item, i) {
          var li = el("li");
          li.appendChild(el("span", null, (i + 1) + ". " + (item.site === "jongin" ? "JongIn" : "vCJG")));
          var form = el("form", "inline");
          form.method = "post";
          form.action = queue.dataset.take.replace("__ID__", item.id);
          var csrf = el("input"); csrf.type = "hidden"; csrf.name = "csrf"; csrf.value = queue.dataset.csrf;
          var button = el("button", null, queue.dataset.labelTake); button.type = "submit";
          form.appendChild(csrf); form.appendChild(button); li.appendChild(form); list.appendChild(li);
        });
        queue.appendChild(list);
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
