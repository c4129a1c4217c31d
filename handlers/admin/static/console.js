// Upload forms (data-upload) show how much has been sent, then the server's answer page.
// Without scripts the form posts as usual; nothing here is needed to use the console.
// The words shown come from the form's data-sending, data-working and data-failed.
"use strict";
document.querySelectorAll("form[data-upload]").forEach((form) => {
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const bar = form.querySelector("progress");
    const note = form.querySelector(".progress-note");
    const button = form.querySelector("button[type=submit]");
    const request = new XMLHttpRequest();
    request.open("POST", form.action);
    request.responseType = "document";
    request.upload.addEventListener("progress", (sent) => {
      if (sent.lengthComputable) {
        bar.value = Math.round((100 * sent.loaded) / sent.total);
      }
    });
    request.upload.addEventListener("load", () => {
      note.textContent = form.dataset.working;
    });
    request.addEventListener("load", () => {
      // Only the page's main part is swapped: the head (and its icon) stays as it is.
      const answer = request.response;
      const main = answer && answer.querySelector("main");
      if (main) {
        document.title = answer.title;
        document.querySelector("main").replaceWith(document.adoptNode(main));
        document.querySelectorAll("main script[src]").forEach((old) => {
          const script = document.createElement("script");
          script.src = old.src;
          old.replaceWith(script);
        });
      }
    });
    request.addEventListener("error", () => {
      note.textContent = form.dataset.failed;
      button.disabled = false;
    });
    bar.hidden = false;
    note.hidden = false;
    note.textContent = form.dataset.sending;
    button.disabled = true;
    request.send(new FormData(form));
  });
});
