// The voting page on a phone. Without JavaScript it is a plain list of forms. With it:
// - one statement at a time ("3 van 12"), following the presenter when the workshop says so
//   (the workshop row holds the statement on the screen; the page polls it with htmx), or
//   free browsing with "Vorige"/"Volgende", and a summary of the answers at the end;
// - one tap sends the answer; an answer that cannot leave (no network, server away) stays
//   "pending", is kept in localStorage and sent again until it arrives. Sending the same
//   answer twice stores it once (one vote per ballot and statement).
(function () {
  "use strict";

  var ballot = document.getElementById("ballot");
  if (!ballot) {
    return;
  }
  var sections = Array.prototype.slice.call(ballot.querySelectorAll("section[data-statement]"));
  var summary = document.getElementById("ballot-summary");
  var waiting = ballot.querySelector(".ballot-waiting");
  var storageKey = ballot.getAttribute("data-storage-key");
  var follow = ballot.getAttribute("data-follow") === "1";
  var current = ballot.getAttribute("data-start") || null;
  var closed = false;
  var pending = load();
  var inflight = {};
  var retryDelay = 1000;
  var retryTimer = null;

  ballot.classList.add("ballot-js");

  function load() {
    try {
      return JSON.parse(window.localStorage.getItem(storageKey) || "{}");
    } catch (error) {
      return {};
    }
  }

  function store() {
    try {
      window.localStorage.setItem(storageKey, JSON.stringify(pending));
    } catch (error) {
      // Private mode without storage: the answer still waits in memory.
    }
  }

  function sectionFor(pk) {
    return document.getElementById("s-" + pk);
  }

  function indexOf(pk) {
    return sections.findIndex(function (section) {
      return section.getAttribute("data-statement") === String(pk);
    });
  }

  // --- Which statement shows -----------------------------------------------------------

  function show(pk) {
    current = pk === null || pk === "" ? null : String(pk);
    var onSummary = current === "summary";
    var index = indexOf(current);
    sections.forEach(function (section, i) {
      section.hidden = i !== index;
      section.querySelector(".ballot-nav").hidden = follow || closed;
      section.querySelector(".ballot-follow-note").hidden = !follow || closed;
    });
    var last = index === sections.length - 1 && index >= 0;
    if (summary) {
      summary.hidden = !(onSummary || closed || (last && answered(current)));
      summary.querySelectorAll("[data-show]").forEach(function (button) {
        button.hidden = follow || closed;
      });
    }
    if (waiting) {
      waiting.hidden = closed || current !== null || sections.length === 0;
    }
  }

  function answered(pk) {
    var section = sectionFor(pk);
    return Boolean(section && section.querySelector("input[name=value]:checked"));
  }

  function go(step) {
    var index = indexOf(current) + step;
    if (index >= sections.length) {
      show("summary");
    } else if (index >= 0) {
      show(sections[index].getAttribute("data-statement"));
    }
    window.scrollTo(0, 0);
  }

  ballot.addEventListener("click", function (event) {
    var button = event.target.closest("[data-go], [data-show]");
    if (!button) {
      return;
    }
    if (button.hasAttribute("data-go")) {
      if (current === "summary") {
        show(sections[sections.length - 1].getAttribute("data-statement"));
      } else {
        go(parseInt(button.getAttribute("data-go"), 10));
      }
    } else {
      show(button.getAttribute("data-show"));
    }
  });

  // The poll of the workshop's state (every 2 s): the statement on the screen, follow or
  // browse, and whether voting closed.
  function applyState() {
    var state = document.getElementById("ballot-state");
    if (!state) {
      return;
    }
    if (state.getAttribute("data-open") === "0") {
      closed = true;
      sections.forEach(function (section) {
        section.querySelectorAll("input, textarea, button").forEach(function (field) {
          field.disabled = true;
        });
      });
      show("summary");
      return;
    }
    var wasFollowing = follow;
    follow = state.getAttribute("data-follow") === "1";
    ballot.setAttribute("data-follow", follow ? "1" : "0");
    var onScreen = state.getAttribute("data-current") || null;
    if (follow && onScreen !== current) {
      show(onScreen);
      announce(onScreen);
    } else if (follow !== wasFollowing) {
      show(current === null && sections.length ? sections[0].getAttribute("data-statement") : current);
    }
  }

  // A screen reader hears the new statement when the presenter moves on.
  function announce(pk) {
    var region = document.getElementById("ballot-announce");
    var section = pk && sectionFor(pk);
    if (region && section) {
      var progress = section.querySelector(".ballot-progress").textContent;
      region.textContent = progress + ": " + section.querySelector("legend").textContent;
    }
  }

  document.body.addEventListener("htmx:afterSettle", applyState);

  // --- Sending answers -----------------------------------------------------------------

  function statusOf(pk) {
    return document.getElementById("status-" + pk);
  }

  function setPendingStatus(pk, offline) {
    var status = statusOf(pk);
    var span = document.createElement("span");
    span.className = offline ? "text-danger-emphasis fw-semibold" : "text-body-secondary";
    span.setAttribute("data-testid", "vote-pending");
    var input = sectionFor(pk).querySelector('input[value="' + pending[pk] + '"]');
    var label = input ? input.getAttribute("data-label") + ": " : "";
    span.textContent = label + ballot.getAttribute(offline ? "data-offline" : "data-sending");
    status.innerHTML = "";
    status.appendChild(span);
  }

  function updateSummary(pk) {
    var target = summary && summary.querySelector('[data-summary-for="' + pk + '"]');
    var checked = sectionFor(pk).querySelector("input[name=value]:checked");
    if (target) {
      target.textContent = checked ? checked.getAttribute("data-label") : target.getAttribute("data-unanswered");
    }
  }

  function choose(pk, value) {
    pending[pk] = value;
    store();
    setPendingStatus(pk, false);
    updateSummary(pk);
    show(current);
    send(pk);
  }

  function scheduleRetry() {
    if (retryTimer) {
      return;
    }
    retryTimer = window.setTimeout(function () {
      retryTimer = null;
      sendAll();
    }, retryDelay);
    retryDelay = Math.min(retryDelay * 2, 8000);
  }

  function sendAll() {
    Object.keys(pending).forEach(send);
  }

  function send(pk) {
    if (inflight[pk] || !(pk in pending)) {
      return;
    }
    var section = sectionFor(pk);
    if (!section) {
      delete pending[pk];
      store();
      return;
    }
    var form = section.querySelector("form.vote-form");
    var value = pending[pk];
    var data = new FormData();
    data.append("csrfmiddlewaretoken", form.querySelector("[name=csrfmiddlewaretoken]").value);
    data.append("value", value);
    inflight[pk] = true;
    fetch(form.action, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "HX-Request": "true" },
    })
      .then(function (response) {
        return response.text().then(function (text) {
          received(pk, value, response.status, text);
        });
      })
      .catch(function () {
        inflight[pk] = false;
        setPendingStatus(pk, true);
        scheduleRetry(); // no connection: the answer stays pending
      });
  }

  function received(pk, value, status, text) {
    inflight[pk] = false;
    var ours = text.indexOf('data-testid="vote-') !== -1;
    var retry = status === 429 || (status >= 500 && !ours) || status === 0;
    if (retry) {
      setPendingStatus(pk, true);
      scheduleRetry();
      return;
    }
    retryDelay = 1000;
    if (pending[pk] === value) {
      delete pending[pk];
      store();
    }
    var box = statusOf(pk);
    if (ours) {
      box.innerHTML = text;
    } else {
      box.innerHTML = "";
      var message = document.createElement("span");
      message.className = "text-danger";
      message.setAttribute("data-testid", "vote-refused");
      message.textContent = ballot.getAttribute("data-vote-error");
      box.appendChild(message);
    }
    if (pk in pending) {
      send(pk); // the participant changed the answer while this one travelled
    }
  }

  ballot.addEventListener("change", function (event) {
    var input = event.target;
    if (input.name === "value" && input.closest("form.vote-form")) {
      choose(input.closest("form").getAttribute("data-statement"), input.value);
    }
  });

  ballot.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.classList.contains("vote-form")) {
      event.preventDefault();
      var checked = form.querySelector("input[name=value]:checked");
      if (checked) {
        choose(form.getAttribute("data-statement"), checked.value);
      }
    } else if (form.classList.contains("comment-form")) {
      event.preventDefault();
      sendComment(form);
    }
  });

  function sendComment(form) {
    var box = form.querySelector(".comment-status");
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { "HX-Request": "true" },
    })
      .then(function (response) {
        return response.text().then(function (text) {
          if (text.indexOf('data-testid="vote-') !== -1) {
            box.innerHTML = text;
          } else {
            box.textContent = ballot.getAttribute("data-vote-error");
          }
        });
      })
      .catch(function () {
        box.textContent = ballot.getAttribute("data-comment-offline");
      });
  }

  window.addEventListener("online", function () {
    retryDelay = 1000;
    sendAll();
  });

  // Answers that waited when the page was closed: show them as chosen, and send them.
  Object.keys(pending).forEach(function (pk) {
    var section = sectionFor(pk);
    var input = section && section.querySelector('input[name=value][value="' + pending[pk] + '"]');
    if (!input) {
      delete pending[pk];
      return;
    }
    input.checked = true;
    setPendingStatus(pk, true);
    updateSummary(pk);
  });
  store();
  show(current);
  applyState();
  sendAll();
})();
