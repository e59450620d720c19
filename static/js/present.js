// The presenter screen: the keyboard (or a presentation clicker) drives the workshop.
// Arrows, space, Page Up/Down: next or previous statement; R: show or hide the results;
// F: full screen. Each step is stored in the workshop row, so the phones that follow the
// presenter (they poll the same row) move along, whichever app server they reach.
(function () {
  "use strict";

  var root = document.getElementById("present");
  if (!root) {
    return;
  }
  var csrf = root.querySelector("[name=csrfmiddlewaretoken]").value;
  var KEYS = {
    ArrowRight: "next",
    ArrowDown: "next",
    PageDown: "next",
    " ": "next",
    ArrowLeft: "prev",
    ArrowUp: "prev",
    PageUp: "prev",
  };

  function refresh() {
    htmx.ajax("GET", root.getAttribute("data-live-url"), { target: "#live", swap: "outerHTML" });
  }

  function go(action) {
    var data = new FormData();
    data.append("csrfmiddlewaretoken", csrf);
    data.append("action", action);
    fetch(root.getAttribute("data-go-url"), {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "HX-Request": "true" },
    }).then(refresh);
  }

  function toggleFullScreen() {
    if (document.fullscreenElement) {
      document.exitFullscreen();
    } else if (document.documentElement.requestFullscreen) {
      document.documentElement.requestFullscreen().catch(function () {});
    }
  }

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    var key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    if (KEYS[event.key]) {
      event.preventDefault();
      go(KEYS[event.key]);
    } else if (key === "r") {
      var live = document.getElementById("live");
      go(live && live.getAttribute("data-revealed") === "1" ? "hide" : "reveal");
    } else if (key === "f") {
      toggleFullScreen();
    }
  });
})();
