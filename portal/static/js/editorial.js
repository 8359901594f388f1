/* The editor's live writing checks: while typing, the form is sent to
   /redactie/controle (at most once a second) and the readability score and
   remarks are shown. Without JavaScript the same checks show after
   "Voorbeeld" or saving. No HTML is inserted: only text. */
(function () {
  "use strict";
  var form = document.getElementById("article-form");
  var panel = document.getElementById("feedback");
  if (!form || !panel || !window.fetch || !window.FormData) return;
  var timer = null;
  var pending = null;

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  }

  function show(data) {
    var d = panel.dataset;
    panel.textContent = "";
    var score = el("p");
    score.appendChild(el("strong", d.labelScore + " " + data.readability));
    if (data.minimum) score.appendChild(document.createTextNode(", " + d.labelMinimum + " " + data.minimum));
    panel.appendChild(score);
    panel.appendChild(el("p", !data.measured ? d.labelEmpty : data.ok ? d.labelOk : d.labelLow));
    panel.appendChild(el("p", data.words + " " + d.labelWords + " · " + data.words_per_sentence + " " + d.labelPerSentence, "small"));
    if (!data.problems.length) { panel.appendChild(el("p", d.labelNone)); return; }
    var list = el("ul", null, "ed-problems");
    data.problems.forEach(function (p) { list.appendChild(el("li", p.message)); });
    panel.appendChild(list);
  }

  function check() {
    if (pending) pending.abort();
    pending = window.AbortController ? new AbortController() : null;
    fetch(form.dataset.checkUrl, { method: "POST", body: new FormData(form), credentials: "same-origin",
                                   headers: { Accept: "application/json" }, signal: pending ? pending.signal : undefined })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) { if (data) show(data); })
      .catch(function () { /* offline or aborted: the server-side checks still run on save */ });
  }

  form.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(check, 1000);
  });
})();
