// Signing out forgets what this browser kept of unsaved notes (a shared computer must not
// keep interview material after its user has left).
document.querySelectorAll("form[data-logout]").forEach(function (form) {
  form.addEventListener("submit", function () {
    Object.keys(window.localStorage)
      .filter(function (name) { return name.startsWith("atlasplan:"); })
      .forEach(function (name) { window.localStorage.removeItem(name); });
  });
});

// File pickers in the interface's language (templates/bootstrap5/layout/field_file.html):
// the chosen file's name, or how many, beside the button.
document.addEventListener("change", function (event) {
  var input = event.target;
  if (!input.matches || !input.matches("input[data-file-picker]")) { return; }
  var name = input.parentElement.querySelector(".file-picker-name");
  if (!name) { return; }
  var files = input.files || [];
  if (files.length === 0) { name.textContent = name.dataset.none; }
  else if (files.length === 1) { name.textContent = files[0].name; }
  else { name.textContent = files.length + " " + name.dataset.many; }
});
