// Select and tag: what coding a transcript (coding.js) and marking a key passage in a policy
// document (passages.js) share. A compact panel placed beside the selection and always inside
// the window; the codebook's themes as chips, filtered by typing (Enter takes the first
// match, or sends when the filter is empty); the offsets of a selection in a container that
// holds exactly the stored text; swapping in new HTML while the reader stays where they were.
window.AtlasSelectTag = (function () {
  "use strict";
  var MARGIN = 8;

  // Below the rectangle (or above it when there is no room), wholly inside the window.
  function place(el, rect) {
    var width = el.offsetWidth;
    var height = el.offsetHeight;
    var vw = document.documentElement.clientWidth;
    var vh = window.innerHeight;
    var left = Math.min(Math.max(rect.left, MARGIN), vw - width - MARGIN);
    var top = rect.bottom + MARGIN;
    if (top + height > vh - MARGIN) { top = rect.top - height - MARGIN; }
    if (top < MARGIN) { top = Math.max(MARGIN, vh - height - MARGIN); }
    el.style.left = Math.max(left, MARGIN) + "px";
    el.style.top = top + "px";
  }

  // Beside the text when the window is wide enough (the text stays readable), else near
  // the selection; in both cases level with it and wholly inside the window.
  function placeBeside(panel, container, rect) {
    var box = container.getBoundingClientRect();
    var vw = document.documentElement.clientWidth;
    if (box.right + MARGIN + panel.offsetWidth <= vw - MARGIN) {
      var height = panel.offsetHeight;
      var top = Math.min(Math.max(rect.top - 48, MARGIN), window.innerHeight - height - MARGIN);
      panel.style.left = box.right + MARGIN + "px";
      panel.style.top = Math.max(top, MARGIN) + "px";
    } else {
      place(panel, rect);
    }
  }

  // The theme chips inside ``root``: typing in ``filter`` hides what does not match; Enter
  // toggles the first match, or calls ``send`` when nothing is typed. Returns the function
  // that re-applies the filter (after the filter was cleared from outside).
  function themeFilter(filter, root, send) {
    function chips() { return Array.prototype.slice.call(root.querySelectorAll(".theme-chip")); }
    function apply() {
      var words = filter.value.trim().toLowerCase();
      chips().forEach(function (chip) {
        chip.hidden = words !== "" && chip.dataset.name.indexOf(words) === -1;
      });
    }
    filter.classList.remove("d-none");
    filter.addEventListener("input", apply);
    filter.addEventListener("keydown", function (event) {
      if (event.key !== "Enter") { return; }
      event.preventDefault();
      var visible = chips().filter(function (chip) { return !chip.hidden; });
      if (filter.value.trim() && visible.length) {
        var box = visible[0].querySelector("input");
        box.checked = !box.checked;
        filter.value = "";
        apply();
      } else {
        send();
      }
    });
    return apply;
  }

  // Enter sends from anywhere in the panel (Shift+Enter: a new line in a note), except from
  // the filter (see themeFilter), a button or a summary; Escape calls ``close``.
  function panelKeys(panel, filter, send, close) {
    panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { close(); return; }
      if (event.key !== "Enter" || event.shiftKey || event.target === filter) { return; }
      if (event.target.tagName === "BUTTON" || event.target.tagName === "SUMMARY") { return; }
      event.preventDefault();
      send();
    });
  }

  // The offset of (node, offset) in ``container``'s text, in code points as the server
  // counts (an emoji is one character there, two in .length).
  function offsetIn(container, node, offset) {
    var range = document.createRange();
    range.selectNodeContents(container);
    range.setEnd(node, offset);
    return Array.from(range.toString()).length;
  }

  // The window's selection when it lies wholly inside ``container`` and is not empty.
  function selectionIn(container) {
    var selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) { return null; }
    var range = selection.getRangeAt(0);
    if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) {
      return null;
    }
    return range;
  }

  function lastRect(range) {
    var rects = range.getClientRects();
    return rects.length ? rects[rects.length - 1] : range.getBoundingClientRect();
  }

  // Show the selection as pending while the panel is open (CSS Custom Highlight API).
  function pending(range) {
    if (!(window.CSS && CSS.highlights && window.Highlight)) { return; }
    if (range) { CSS.highlights.set("pending-code", new Highlight(range.cloneRange())); }
    else { CSS.highlights.delete("pending-code"); }
  }

  // Run ``swap`` while the window and each of ``scrollers`` keep their scroll positions.
  function keepPlace(scrollers, swap) {
    var x = window.scrollX;
    var y = window.scrollY;
    var tops = scrollers.map(function (el) { return el ? el.scrollTop : 0; });
    swap();
    scrollers.forEach(function (el, i) { if (el) { el.scrollTop = tops[i]; } });
    window.scrollTo(x, y);
  }

  // POST as htmx would (the server answers with fragments), with the page's cookies.
  function send(url, body) {
    return fetch(url, {
      method: "POST",
      body: body,
      headers: { "HX-Request": "true" },
      credentials: "same-origin",
    });
  }

  // Scroll ``container`` (not the page) so that ``el`` sits a third from its top; flash it.
  function reveal(container, el) {
    container.scrollTop += el.getBoundingClientRect().top - container.getBoundingClientRect().top -
      container.clientHeight / 3;
    el.classList.add("code-flash");
    window.setTimeout(function () { el.classList.remove("code-flash"); }, 1500);
  }

  // Call ``capture`` when a selection in ``container`` is made: after a mouse-up, a Shift+arrow
  // key, or on a touch screen (which selects with handles, without a mouse-up) once the
  // selection rests. Returns a function telling whether the last pointer was a touch (the
  // panel then leaves the on-screen keyboard closed).
  function watchSelection(container, capture) {
    var lastPointer = "mouse";
    var resting = null;
    container.addEventListener("pointerdown", function (event) { lastPointer = event.pointerType; });
    container.addEventListener("mouseup", function () { window.setTimeout(capture, 0); });
    container.addEventListener("keyup", function (event) {
      if (event.shiftKey || event.key === "Shift") { capture(); }
    });
    document.addEventListener("selectionchange", function () {
      if (lastPointer !== "touch") { return; }
      window.clearTimeout(resting);
      resting = window.setTimeout(capture, 600);
    });
    return function () { return lastPointer === "touch"; };
  }

  return {
    watchSelection: watchSelection,
    place: place,
    placeBeside: placeBeside,
    themeFilter: themeFilter,
    panelKeys: panelKeys,
    offsetIn: offsetIn,
    selectionIn: selectionIn,
    lastRect: lastRect,
    pending: pending,
    keepPlace: keepPlace,
    send: send,
    reveal: reveal,
  };
})();
