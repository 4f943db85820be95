// The 大/中/小 font-size control: sets html[data-fs] (see site.css) and
// remembers the choice in localStorage. Loaded in <head> so the remembered
// size applies before the page paints; without JavaScript the control stays
// hidden and the page reads at the default size.
(function () {
  var KEY = "gongshi-font-size";
  var root = document.documentElement;
  function get() {
    try { return localStorage.getItem(KEY) || "m"; } catch (e) { return "m"; }
  }
  function apply(size) {
    if (size === "l" || size === "s") root.setAttribute("data-fs", size);
    else root.removeAttribute("data-fs");
  }
  apply(get());
  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("fs");
    if (!box) return;
    var buttons = box.querySelectorAll("button[data-fs]");
    function mark(size) {
      for (var i = 0; i < buttons.length; i++) {
        buttons[i].setAttribute("aria-pressed", String(buttons[i].getAttribute("data-fs") === size));
      }
    }
    mark(get());
    box.addEventListener("click", function (ev) {
      var b = ev.target.closest("button[data-fs]");
      if (!b) return;
      var size = b.getAttribute("data-fs");
      try { localStorage.setItem(KEY, size); } catch (e) {}
      apply(size);
      mark(size);
    });
    box.hidden = false;
  });
})();
