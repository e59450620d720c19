// Coding live. A selection inside #source-text becomes character offsets in the stored
// text (the container holds exactly the text's characters); a compact panel opens beside
// the selection; "Coderen" (or Enter) sends it in the background and the page swaps in
// the new highlights and list, so the reader stays exactly where they were.
// Without this script the panel is a plain form beside the text (it still works).
(function () {
  "use strict";
  var container = document.getElementById("source-text");
  var panel = document.getElementById("coding-panel");
  var form = document.getElementById("coding-form");
  if (!container || !form || !panel || !window.AtlasSelectTag) { return; }
  var tag = window.AtlasSelectTag; // the part shared with policy passages (select-tag.js)
  var side = document.getElementById("excerpt-side");
  var status = document.getElementById("coding-status");
  var menu = document.getElementById("mark-menu");
  var errors = document.getElementById("coding-errors");
  var filter = document.getElementById("theme-filter");
  var title = document.getElementById("code-title");
  var button = form.querySelector("[type=submit]");
  var start = form.querySelector("[name=start]");
  var end = form.querySelector("[name=end]");
  var passage = form.querySelector("[name=passage]");
  var preview = document.getElementById("selection-preview");
  var typed = panel.querySelector(".passage-typed");
  var createAction = form.dataset.createAction;
  var lastCreated = null; // the delete address of the last code made here (for undo)

  // --- The panel: a popover beside the selection, always inside the window ---------------
  panel.classList.add("coding-popover");
  panel.setAttribute("role", "dialog");
  panel.hidden = true;
  panel.querySelector(".coding-close").classList.remove("d-none");
  panel.querySelector(".coding-keys").classList.remove("d-none");
  typed.open = false;

  var place = tag.place;

  function placePanel(rect) { tag.placeBeside(panel, container, rect); }

  function openPanel(rect, mode) {
    var editing = mode && mode.edit;
    title.textContent = editing ? title.dataset.edit : title.dataset.create;
    button.textContent = editing ? button.dataset.edit : button.dataset.create;
    errors.innerHTML = "";
    panel.hidden = false;
    placePanel(rect);
    if (!touched()) { filter.focus({ preventScroll: true }); }
  }

  function closePanel() {
    panel.hidden = true;
    typed.open = false;
    tag.pending(null);
  }

  function resetForm() {
    form.setAttribute("action", createAction);
    form.querySelectorAll("input[name=themes]").forEach(function (box) { box.checked = false; });
    form.querySelector("[name=memo]").value = "";
    form.querySelector("[name=surprising]").checked = false;
    form.querySelector("[name=quotable]").checked = false;
    filter.value = "";
    applyFilter();
  }

  // On a wide screen the text and the list fill the window below the page's header, each
  // scrolling on its own, so nothing of the page itself needs scrolling while coding.
  function fit() {
    [container, side].forEach(function (el) {
      if (window.innerWidth < 992) { el.style.maxHeight = ""; return; }
      var top = el.getBoundingClientRect().top + window.scrollY;
      el.style.maxHeight = Math.max(240, window.innerHeight - top - 16) + "px";
    });
  }
  fit();
  window.addEventListener("resize", fit);

  // --- Selecting ---------------------------------------------------------------------------
  function capture() {
    var range = tag.selectionIn(container);
    if (!range) { return; }
    var from = tag.offsetIn(container, range.startContainer, range.startOffset);
    var to = tag.offsetIn(container, range.endContainer, range.endOffset);
    if (to <= from) { return; }
    var text = range.toString();
    if (!panel.hidden && form.getAttribute("action") !== createAction) { resetForm(); }
    form.setAttribute("action", createAction);
    start.value = from;
    end.value = to;
    passage.value = text;
    preview.textContent = preview.dataset.label + "“" +
      (text.length > 120 ? text.slice(0, 120) + "…" : text) + "”";
    tag.pending(range);
    hideMenu();
    openPanel(tag.lastRect(range));
  }

  var touched = tag.watchSelection(container, capture);

  // The keyboard way: open the panel to type (or paste) the passage itself.
  var typeButton = document.getElementById("type-passage");
  typeButton.hidden = false;
  typeButton.addEventListener("click", function () {
    resetForm();
    start.value = "";
    end.value = "";
    preview.textContent = "";
    typed.open = true;
    openPanel(typeButton.getBoundingClientRect());
    passage.focus({ preventScroll: true });
  });
  passage.addEventListener("input", function () { start.value = ""; end.value = ""; });

  // --- Themes as chips: filter by typing, Enter takes the first match ----------------------
  function submit() { form.requestSubmit(); }
  var applyFilter = tag.themeFilter(filter, form, submit);

  // Enter codes from anywhere in the panel (Shift+Enter: a new line in the memo); Esc closes.
  tag.panelKeys(panel, filter, submit, function () {
    closePanel();
    container.focus({ preventScroll: true });
  });
  panel.querySelector("[data-action=close]").addEventListener("click", closePanel);

  // --- Sending, and swapping in what changed -----------------------------------------------
  function announce(html) {
    status.innerHTML = html;
    var undo = status.querySelector("[data-action=undo]");
    lastCreated = undo ? undo.dataset.deleteUrl : null;
  }

  function apply(html) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    tag.keepPlace([container, side], function () {
      var text = doc.getElementById("source-text");
      if (text) { container.innerHTML = text.innerHTML; }
      var list = doc.getElementById("excerpt-side");
      if (list) { side.innerHTML = list.innerHTML; }
      var message = doc.getElementById("coding-status");
      if (message) { announce(message.innerHTML); fit(); }
    });
  }

  var send = tag.send;

  function csrfBody(extra) {
    var body = new FormData();
    body.append("csrfmiddlewaretoken", form.querySelector("[name=csrfmiddlewaretoken]").value);
    Object.keys(extra || {}).forEach(function (key) { body.append(key, extra[key]); });
    return body;
  }

  function failed() {
    errors.innerHTML = "";
    var alert = document.createElement("div");
    alert.className = "alert alert-danger py-1 px-2 small mb-2";
    alert.setAttribute("role", "alert");
    alert.textContent = form.dataset.offline || "De verbinding faalde: probeer opnieuw.";
    errors.appendChild(alert);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    button.disabled = true;
    send(form.action, new FormData(form)).then(function (response) {
      return response.text().then(function (html) {
        if (response.ok) {
          apply(html);
          closePanel();
          resetForm();
          window.getSelection().removeAllRanges();
          container.focus({ preventScroll: true });
        } else {
          errors.innerHTML = html;
        }
      });
    }).catch(failed).finally(function () { button.disabled = false; });
  });

  function remove(url, extra) {
    return send(url, csrfBody(extra)).then(function (response) {
      return response.text().then(function (html) { if (response.ok) { apply(html); } });
    });
  }

  function undo() {
    if (!lastCreated) { return; }
    var url = lastCreated;
    lastCreated = null;
    remove(url, { undo: "1" });
  }
  status.addEventListener("click", function (event) {
    if (event.target.closest("[data-action=undo]")) { undo(); }
  });
  document.addEventListener("keydown", function (event) {
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName);
    if ((event.ctrlKey || event.metaKey) && event.key === "z" && !typing && lastCreated) {
      event.preventDefault();
      undo();
    }
  });

  // --- A highlight: its codes, to edit or remove; the list and the text link both ways -----
  function item(pk) { return document.getElementById("excerpt-" + pk); }

  function hideMenu() { menu.hidden = true; menu.innerHTML = ""; }

  function menuButton(label, action, pk) {
    var el = document.createElement("button");
    el.type = "button";
    el.className = "btn btn-sm btn-outline-" + (action === "delete" ? "danger" : "primary");
    el.textContent = label;
    el.dataset.action = action;
    el.dataset.pk = pk;
    return el;
  }

  function showMenu(mark) {
    hideMenu();
    mark.dataset.excerpts.split(" ").forEach(function (pk) {
      var li = item(pk);
      if (!li) { return; }
      var row = document.createElement("div");
      row.className = "d-flex flex-wrap align-items-center gap-1 py-1 border-bottom";
      row.dataset.testid = "mark-code";
      var label = document.createElement("span");
      label.className = "small me-auto";
      label.textContent = li.dataset.label;
      row.appendChild(label);
      row.appendChild(menuButton(menu.dataset.edit || "Bewerken", "edit", pk));
      row.appendChild(menuButton(menu.dataset.remove || "Verwijderen", "delete", pk));
      row.appendChild(menuButton(menu.dataset.list || "In de lijst", "list", pk));
      menu.appendChild(row);
    });
    menu.hidden = false;
    place(menu, mark.getBoundingClientRect());
    var first = menu.querySelector("button");
    if (first) { first.focus({ preventScroll: true }); }
  }

  function edit(pk, rect) {
    var li = item(pk);
    if (!li) { return; }
    resetForm();
    form.setAttribute("action", li.dataset.editUrl);
    var themes = li.dataset.themes.trim().split(/\s+/);
    form.querySelectorAll("input[name=themes]").forEach(function (box) {
      box.checked = themes.indexOf(box.value) !== -1;
    });
    var stance = form.querySelector("input[name=stance][value='" + li.dataset.stance + "']");
    if (stance) { stance.checked = true; }
    form.querySelector("[name=surprising]").checked = li.dataset.surprising === "1";
    form.querySelector("[name=quotable]").checked = li.dataset.quotable === "1";
    form.querySelector("[name=memo]").value = li.dataset.memo;
    var quote = li.querySelector(".excerpt-jump, span.small");
    preview.textContent = quote ? quote.textContent : "";
    openPanel(rect, { edit: true });
  }

  menu.addEventListener("click", function (event) {
    var target = event.target.closest("button[data-action]");
    if (!target) { return; }
    var li = item(target.dataset.pk);
    var rect = menu.getBoundingClientRect();
    hideMenu();
    if (target.dataset.action === "edit") { edit(target.dataset.pk, rect); }
    if (target.dataset.action === "delete" && li) { remove(li.dataset.deleteUrl); }
    if (target.dataset.action === "list" && li) {
      li.scrollIntoView({ block: "nearest" });
      li.classList.add("excerpt-focus");
      li.focus({ preventScroll: true });
      window.setTimeout(function () { li.classList.remove("excerpt-focus"); }, 1500);
    }
  });
  menu.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { hideMenu(); container.focus({ preventScroll: true }); }
  });

  container.addEventListener("click", function (event) {
    var mark = event.target.closest("mark[data-excerpts]");
    var selection = window.getSelection();
    if (!mark || (selection && !selection.isCollapsed)) { return; }
    closePanel();
    showMenu(mark);
  });

  // From the list to the highlight: scroll the text (not the page) to it, and flash it.
  // Its "Bewerken" and "Verwijderen" act in place, as from the highlight.
  side.addEventListener("click", function (event) {
    var link = event.target.closest("a[href]");
    var li = event.target.closest(".excerpt-item");
    if (link && li && link.getAttribute("href") === li.dataset.editUrl) {
      event.preventDefault();
      edit(li.dataset.pk, li.getBoundingClientRect());
      return;
    }
    if (link && li && link.getAttribute("href") === li.dataset.deleteUrl) {
      event.preventDefault();
      remove(li.dataset.deleteUrl);
      return;
    }
    var jump = event.target.closest("[data-jump]");
    if (!jump) { return; }
    event.preventDefault();
    var mark = container.querySelector("mark[data-excerpts~='" + jump.dataset.jump + "']");
    if (mark) { tag.reveal(container, mark); }
  });

  document.addEventListener("pointerdown", function (event) {
    if (!menu.hidden && !menu.contains(event.target)) { hideMenu(); }
  });
  window.addEventListener("resize", function () { hideMenu(); });
})();
