// Key passages on a policy document's page. Selecting text in #page-text (mouse, keyboard
// or touch) opens the compact tag panel beside it (select-tag.js, shared with coding a
// transcript); "Kernpassage toevoegen" (or Enter) sends the selection with the page number
// in the background, and the page swaps in the new marks and list: the reader stays where
// they were. Without this script the panel is a plain form beside the text (type or paste
// the passage). For readers there is no panel: the list still jumps to the marks.
(function () {
  "use strict";
  var container = document.getElementById("page-text");
  var side = document.getElementById("passage-side");
  var tag = window.AtlasSelectTag;
  if (!container || !side || !tag) { return; }

  // From the list to the mark on this page: scroll the text (not the page) to it.
  side.addEventListener("click", function (event) {
    var jump = event.target.closest("[data-jump]");
    if (!jump) { return; }
    var mark = container.querySelector("mark[data-passages~='" + jump.dataset.jump + "']");
    if (!mark) { return; } // on another page: the link opens that page
    event.preventDefault();
    tag.reveal(container, mark);
  });
  // From a mark to its passage in the list.
  container.addEventListener("click", function (event) {
    var mark = event.target.closest("mark[data-passages]");
    var selection = window.getSelection();
    if (!mark || (selection && !selection.isCollapsed)) { return; }
    var item = document.getElementById("passage-" + mark.dataset.passages.split(" ")[0]);
    if (!item) { return; }
    side.scrollTop += item.getBoundingClientRect().top - side.getBoundingClientRect().top;
    item.classList.add("passage-focus");
    item.focus({ preventScroll: true });
    window.setTimeout(function () { item.classList.remove("passage-focus"); }, 1500);
  });

  var panel = document.getElementById("tag-panel");
  var form = document.getElementById("tag-form");
  if (!panel || !form) { return; }
  var status = document.getElementById("tag-status");
  var errors = document.getElementById("tag-errors");
  var filter = document.getElementById("theme-filter");
  var preview = document.getElementById("selection-preview");
  var quote = form.querySelector("[name=quote]");
  var note = form.querySelector("[name=note]");
  var typed = panel.querySelector(".passage-typed");
  var button = form.querySelector("[type=submit]");

  // --- The panel: a popover beside the selection, always inside the window ---------------
  panel.classList.add("coding-popover");
  panel.setAttribute("role", "dialog");
  panel.hidden = true;
  panel.querySelector(".coding-close").classList.remove("d-none");
  panel.querySelector(".coding-keys").classList.remove("d-none");
  typed.open = false; // the selection is the passage; "Passage intypen" opens this

  function openPanel(rect) {
    errors.innerHTML = "";
    panel.hidden = false;
    tag.placeBeside(panel, container, rect);
    if (!touched()) { filter.focus({ preventScroll: true }); }
  }

  function closePanel() {
    panel.hidden = true;
    typed.open = false;
    tag.pending(null);
  }

  function resetForm() {
    form.querySelectorAll("input[name=themes]").forEach(function (box) { box.checked = false; });
    note.value = "";
    filter.value = "";
    applyFilter();
  }

  // --- Selecting ---------------------------------------------------------------------------
  function capture() {
    var range = tag.selectionIn(container);
    if (!range) { return; }
    var text = range.toString();
    if (!text.trim()) { return; }
    quote.value = text;
    preview.textContent = preview.dataset.label + "“" +
      (text.length > 120 ? text.slice(0, 120) + "…" : text) + "”";
    tag.pending(range);
    openPanel(tag.lastRect(range));
  }

  var touched = tag.watchSelection(container, capture);

  // The keyboard way: open the panel to type (or paste) the passage itself.
  var typeButton = document.getElementById("type-passage");
  typeButton.hidden = false;
  typeButton.addEventListener("click", function () {
    resetForm();
    quote.value = "";
    preview.textContent = "";
    typed.open = true;
    openPanel(typeButton.getBoundingClientRect());
    quote.focus({ preventScroll: true });
  });

  // --- Themes as chips, Enter adds, Escape closes -------------------------------------------
  function submit() { form.requestSubmit(); }
  var applyFilter = tag.themeFilter(filter, form, submit);
  tag.panelKeys(panel, filter, submit, function () {
    closePanel();
    container.focus({ preventScroll: true });
  });
  panel.querySelector("[data-action=close]").addEventListener("click", closePanel);

  // --- Sending, and swapping in what changed -----------------------------------------------
  function apply(html) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    var created = null;
    tag.keepPlace([container, side], function () {
      var text = doc.getElementById("page-text");
      if (text) { container.innerHTML = text.innerHTML; }
      var list = doc.getElementById("passage-side");
      if (list) { side.innerHTML = list.innerHTML; }
      var message = doc.getElementById("tag-status");
      if (message) {
        status.innerHTML = message.innerHTML;
        created = message.dataset.new;
      }
    });
    var mark = created && container.querySelector("mark[data-passages~='" + created + "']");
    if (mark) {
      mark.classList.add("code-flash");
      window.setTimeout(function () { mark.classList.remove("code-flash"); }, 1500);
    }
  }

  function failed() {
    errors.innerHTML = "";
    var alert = document.createElement("div");
    alert.className = "alert alert-danger py-1 px-2 small mb-2";
    alert.setAttribute("role", "alert");
    alert.textContent = form.dataset.offline;
    errors.appendChild(alert);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (button.disabled) { return; } // one send at a time: Enter twice adds one passage
    button.disabled = true;
    tag.send(form.action, new FormData(form)).then(function (response) {
      return response.text().then(function (html) {
        if (response.ok) {
          apply(html);
          closePanel();
          resetForm();
          window.getSelection().removeAllRanges();
          container.focus({ preventScroll: true });
        } else {
          errors.innerHTML = html; // the panel keeps the themes and the note chosen
        }
      });
    }).catch(failed).finally(function () { button.disabled = false; });
  });
})();
