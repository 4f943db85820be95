// The font-size control (小/中/大/特大: 87.5 %, 100 %, 125 %, 150 %) and the
// 长辈/无障碍 mode (high contrast, larger type and spacing, underlined
// links; for older readers, as the 适老化 guidance and GB/T 37668 ask).
// Both set attributes on <html> (see site.css) and are remembered in
// localStorage. Loaded in <head> so the remembered choice applies before the
// page paints; without JavaScript the controls stay hidden and the page
// reads at the default size (the browser's own zoom still works).
(function () {
  var KEY = "gongshi-font-size", MODE = "gongshi-contrast";
  var root = document.documentElement;
  function get(k, d) {
    try { return localStorage.getItem(k) || d; } catch (e) { return d; }
  }
  function set(k, v) {
    try { localStorage.setItem(k, v); } catch (e) {}
  }
  function apply(size) {
    if (size === "l" || size === "s" || size === "xl") root.setAttribute("data-fs", size);
    else root.removeAttribute("data-fs");
  }
  function applyMode(on) {
    if (on) root.setAttribute("data-contrast", "high");
    else root.removeAttribute("data-contrast");
  }
  apply(get(KEY, "m"));
  applyMode(get(MODE, "") === "high");
  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("fs");
    if (!box) return;
    var buttons = box.querySelectorAll("button[data-fs]"), mode = document.getElementById("contrast");
    function mark(size) {
      for (var i = 0; i < buttons.length; i++) {
        buttons[i].setAttribute("aria-pressed", String(buttons[i].getAttribute("data-fs") === size));
      }
      if (mode) mode.setAttribute("aria-pressed", String(root.getAttribute("data-contrast") === "high"));
    }
    mark(get(KEY, "m"));
    box.addEventListener("click", function (ev) {
      var b = ev.target.closest("button");
      if (!b) return;
      if (b === mode) {
        var on = root.getAttribute("data-contrast") !== "high";
        set(MODE, on ? "high" : "");
        applyMode(on);
      } else if (b.hasAttribute("data-fs")) {
        var size = b.getAttribute("data-fs");
        set(KEY, size);
        apply(size);
      }
      mark(get(KEY, "m"));
    });
    box.hidden = false;
  });
})();
