// Signing out forgets what this browser kept of unsaved notes (a shared computer must not
// keep interview material after its user has left).
document.querySelectorAll("form[data-logout]").forEach(function (form) {
  form.addEventListener("submit", function () {
    Object.keys(window.localStorage)
      .filter(function (name) { return name.startsWith("atlasplan:"); })
      .forEach(function (name) { window.localStorage.removeItem(name); });
  });
});
