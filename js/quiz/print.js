/* Printing: the answer key opens for the printout, and closes again after. */

export function printing() {
  window.addEventListener("beforeprint", () => {
    document.querySelectorAll(".quiz-key details").forEach((d) => {
      d.dataset.wasOpen = d.open;
      d.open = true;
    });
  });
  window.addEventListener("afterprint", () => {
    document.querySelectorAll(".quiz-key details").forEach((d) => {
      d.open = d.dataset.wasOpen === "true";
    });
  });
}
