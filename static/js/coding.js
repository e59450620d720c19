// Coding by mouse: a selection inside #source-text becomes character offsets in the
// stored text (the container holds exactly the text's characters), sent with the form.
(function () {
  "use strict";
  var container = document.getElementById("source-text");
  var form = document.getElementById("coding-form");
  if (!container || !form) { return; }
  var start = form.querySelector("[name=start]");
  var end = form.querySelector("[name=end]");
  var passage = form.querySelector("[name=passage]");
  var preview = document.getElementById("selection-preview");

  function offsetOf(node, offset) {
    var range = document.createRange();
    range.selectNodeContents(container);
    range.setEnd(node, offset);
    // Code points, as the server counts (an emoji is one character there, two in .length).
    return Array.from(range.toString()).length;
  }

  function capture() {
    var selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) { return; }
    var range = selection.getRangeAt(0);
    if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) { return; }
    var from = offsetOf(range.startContainer, range.startOffset);
    var to = offsetOf(range.endContainer, range.endOffset);
    if (to <= from) { return; }
    start.value = from;
    end.value = to;
    var text = range.toString();
    if (passage) { passage.value = text; }
    if (preview) {
      preview.textContent = (preview.dataset.label || "Geselecteerd: ") + "“" +
        (text.length > 160 ? text.slice(0, 160) + "…" : text) + "”";
    }
    var first = form.querySelector("input[name=themes]");
    if (first) { first.focus({ preventScroll: true }); }
  }

  // A click on a highlight (without selecting) shows its code in the list beside the text.
  container.addEventListener("click", function (event) {
    var mark = event.target.closest("mark[data-excerpts]");
    var selection = window.getSelection();
    if (!mark || (selection && !selection.isCollapsed)) { return; }
    var item = document.getElementById("excerpt-" + mark.dataset.excerpts.split(" ")[0]);
    if (item) {
      item.scrollIntoView({ block: "nearest" });
      item.classList.add("excerpt-focus");
      window.setTimeout(function () { item.classList.remove("excerpt-focus"); }, 1500);
    }
  });
  container.addEventListener("mouseup", capture);
  container.addEventListener("keyup", capture);
  // Typing a passage by hand means: find it in the text (the keyboard way).
  if (passage) {
    passage.addEventListener("input", function () { start.value = ""; end.value = ""; });
  }
})();
