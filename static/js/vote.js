// The voting page: when an answer comes back that is not one of ours (a CSRF failure page,
// a proxy error), show the form's own short message instead of swapping in a whole page.
document.body.addEventListener("htmx:beforeSwap", function (event) {
  var form = event.detail.elt.closest("form[data-vote-error]");
  if (!form) {
    return;
  }
  var text = event.detail.serverResponse || "";
  if (text.indexOf('data-testid="vote-') === -1) {
    var message = document.createElement("span");
    message.className = "text-danger";
    message.setAttribute("data-testid", "vote-refused");
    message.textContent = form.getAttribute("data-vote-error");
    event.detail.shouldSwap = true;
    event.detail.serverResponse = message.outerHTML;
  }
});
