// Notes autosave safety net: htmx saves as you type (hx-trigger on each textarea); this
// keeps unsaved text in localStorage and sends it again when the connection comes back.
(function () {
  "use strict";
  var forms = document.querySelectorAll("form[data-autosave]");
  var banner = document.getElementById("connection-status");

  function key(form) { return "atlasplan:" + form.dataset.autosave; }

  function resend(form) {
    var area = form.querySelector("textarea");
    var sent = area.value;
    fetch(form.action, { method: "POST", body: new FormData(form), credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) { throw new Error(response.status); }
        return response.text();
      })
      .then(function (html) {
        form.querySelector(".note-status").innerHTML = html;
        if (window.localStorage.getItem(key(form)) === sent) { window.localStorage.removeItem(key(form)); }
        if (banner) { banner.classList.add("d-none"); }
      })
      .catch(function () { if (banner) { banner.classList.remove("d-none"); } });
  }

  forms.forEach(function (form) {
    var area = form.querySelector("textarea");
    var kept = window.localStorage.getItem(key(form));
    if (kept !== null && kept !== area.value) {
      area.value = kept;  // typed while offline and never saved
      resend(form);
    }
    area.addEventListener("input", function () { window.localStorage.setItem(key(form), area.value); });
    form.addEventListener("htmx:afterRequest", function (event) {
      if (event.detail.successful) {
        if (window.localStorage.getItem(key(form)) === area.value) { window.localStorage.removeItem(key(form)); }
        if (banner) { banner.classList.add("d-none"); }
      } else if (banner) {
        banner.classList.remove("d-none");
      }
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); resend(form); });
  });

  window.addEventListener("online", function () {
    forms.forEach(function (form) {
      if (window.localStorage.getItem(key(form)) !== null) { resend(form); }
    });
  });
  window.addEventListener("offline", function () { if (banner) { banner.classList.remove("d-none"); } });
})();
