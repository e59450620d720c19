// Notes autosave safety net: htmx saves as you type (hx-trigger on each textarea); this
// keeps unsaved text in localStorage and sends it again when the connection comes back.
// Each kept copy remembers the server text it started from ("base"): if someone else has
// saved the note since, the kept copy does not overwrite theirs; it is offered to copy.
(function () {
  "use strict";
  var forms = document.querySelectorAll("form[data-autosave]");
  var banner = document.getElementById("connection-status");
  var base = new Map();

  function key(form) { return "atlasplan:" + form.dataset.autosave; }

  function read(form) {
    try { return JSON.parse(window.localStorage.getItem(key(form))); } catch (error) { return null; }
  }

  function keep(form, text) {
    window.localStorage.setItem(key(form), JSON.stringify({ base: base.get(form), text: text }));
  }

  function saved(form, text) {
    base.set(form, text);
    var kept = read(form);
    if (kept && kept.text === text) { window.localStorage.removeItem(key(form)); }
    if (banner) { banner.classList.add("d-none"); }
  }

  function resend(form) {
    var area = form.querySelector("textarea");
    var sent = area.value;
    fetch(form.action, { method: "POST", body: new FormData(form), credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok && response.status !== 409) { throw new Error(response.status); }
        return response.text().then(function (html) { return { stale: response.status === 409, html: html }; });
      })
      .then(function (answer) {
        form.querySelector(".note-status").innerHTML = answer.html;
        follow(form);
        if (!answer.stale) { saved(form, sent); }
      })
      .catch(function () { if (banner) { banner.classList.remove("d-none"); } });
  }

  // Each save answers with the version it stored (data-read-at), which the next save
  // carries; a save refused because someone else saved first (409) answers with theirs
  // (data-stale-read-at), kept aside until this person chooses to save their own text.
  function follow(form) {
    var status = form.querySelector(".note-status");
    var fresh = status.querySelector("[data-read-at]");
    var stale = status.querySelector("[data-stale-read-at]");
    if (fresh) { form.elements.read_at.value = fresh.dataset.readAt; }
    if (stale) { form.dataset.theirs = stale.dataset.staleReadAt; }
  }

  function offerStaleCopy(form, text) {
    var note = document.createElement("details");
    note.className = "alert alert-warning small mt-2";
    var summary = document.createElement("summary");
    summary.textContent = form.dataset.staleMessage || "";
    var copy = document.createElement("pre");
    copy.className = "mb-0 mt-2 text-wrap";
    copy.textContent = text;  // shown as text, never as markup
    note.append(summary, copy);
    form.append(note);
  }

  forms.forEach(function (form) {
    var area = form.querySelector("textarea");
    base.set(form, area.value);
    var kept = read(form);
    if (kept && kept.text !== area.value) {
      if (kept.base === area.value) {
        area.value = kept.text;  // typed while offline and never saved: send it now
        resend(form);
      } else {
        offerStaleCopy(form, kept.text);  // the note changed on the server meanwhile
        window.localStorage.removeItem(key(form));
      }
    } else if (kept) {
      window.localStorage.removeItem(key(form));
    }
    area.addEventListener("input", function () { keep(form, area.value); });
    form.addEventListener("htmx:beforeSwap", function (event) {
      if (event.detail.xhr.status === 409) {  // refused as stale: show why, inline
        event.detail.shouldSwap = true;
        event.detail.isError = false;
      }
    });
    form.addEventListener("htmx:afterSwap", function () { follow(form); });
    form.addEventListener("htmx:afterRequest", function (event) {
      if (event.detail.xhr.status === 409) { return; }
      if (event.detail.successful) {
        saved(form, area.value);
      } else if (banner) {
        banner.classList.remove("d-none");
      }
    });
    form.addEventListener("click", function (event) {
      if (!event.target.closest("[data-action=keep-mine]")) { return; }
      form.elements.read_at.value = form.dataset.theirs || "";  // seen theirs: save mine
      resend(form);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); resend(form); });
  });

  window.addEventListener("online", function () {
    forms.forEach(function (form) { if (read(form)) { resend(form); } });
  });
  window.addEventListener("offline", function () { if (banner) { banner.classList.remove("d-none"); } });
})();
