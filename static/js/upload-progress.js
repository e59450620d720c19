// Show that a slow upload is under way: the text of every file is read on the server.
document.querySelectorAll("form[data-upload-form]").forEach((form) => {
  form.addEventListener("submit", () => {
    const note = document.querySelector("[data-upload-progress]");
    if (note) note.hidden = false;
    form.querySelectorAll("[type=submit]").forEach((button) => {
      button.disabled = true;
    });
  });
});
