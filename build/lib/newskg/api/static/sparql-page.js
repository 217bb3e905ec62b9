// Turns the plain query form of /sparql into YASGUI when it is installed; the form keeps working without it.
(function () {
  "use strict";
  var box = document.getElementById("yasgui");
  var textarea = document.getElementById("query");
  if (!box || typeof window.Yasgui === "undefined") { return; }
  document.body.classList.add("with-yasgui");
  var yasgui = new window.Yasgui(box, {
    requestConfig: { endpoint: box.dataset.endpoint, method: "POST" },
    copyEndpointOnNewTab: false,
  });
  if (textarea && textarea.value.trim()) { yasgui.getTab().setQuery(textarea.value); }
  document.querySelectorAll("a.example").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      yasgui.getTab().setQuery(link.dataset.query);
    });
  });
})();
