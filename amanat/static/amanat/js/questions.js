// Live questions: the list is refreshed every few seconds (htmx polling). A refresh replaces
// the whole list, so it would close a "Report this post" form a reader has open and throw away
// what they typed: while such a form is open or one of its fields has the focus, we skip the
// refresh (the next one comes after the reader sent or closed the form). No eval: the page's
// content policy forbids it, so this is a listener rather than an hx-trigger filter.
(function () {
  "use strict";
  document.addEventListener("htmx:beforeRequest", function (event) {
    var list = event.detail && event.detail.elt;
    if (!list || list.id !== "question-list") return; // only the poll, never a like or a mark
    var focused = document.activeElement;
    var typing = focused && list.contains(focused) && focused.matches("input, select, textarea");
    if (list.querySelector("details[open]") || typing) event.preventDefault();
  });
})();
