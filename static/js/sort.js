// Sortable tables (table[data-sortable]): progressive enhancement. Without
// JavaScript the table reads as a plain table in the order the site gives;
// with it each column header becomes a button that sorts the rows by that
// column (numbers as numbers, else by data-sort or the text), toggling
// ascending and descending, and says the order in aria-sort.
(function () {
  function key(cell) {
    var v = cell.getAttribute("data-sort");
    return (v === null ? cell.textContent : v).trim();
  }
  function num(v) {
    if (!/^-?[\d.,]+%?$/.test(v)) return null;
    var n = parseFloat(v.replace(/,/g, ""));
    return isNaN(n) ? null : n;
  }
  function init(table) {
    var head = table.tHead && table.tHead.rows[0], body = table.tBodies[0];
    if (!head || !body) return;
    var cells = head.cells;
    Array.prototype.forEach.call(cells, function (th, col) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "sort";
      while (th.firstChild) b.appendChild(th.firstChild);
      th.appendChild(b);
      b.addEventListener("click", function () {
        var dir = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
        Array.prototype.forEach.call(cells, function (o) { o.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", dir);
        var rows = Array.prototype.slice.call(body.rows);
        var keys = rows.map(function (r) { return r.cells[col] ? key(r.cells[col]) : ""; });
        var nums = keys.map(num);
        var numeric = nums.every(function (n, i) { return n !== null || keys[i] === "" || keys[i] === "—"; });
        var order = rows.map(function (r, i) { return i; });
        order.sort(function (a, b) {
          var c;
          if (numeric) {
            var x = nums[a] === null ? -Infinity : nums[a], y = nums[b] === null ? -Infinity : nums[b];
            c = x - y;
          } else {
            c = keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0;
          }
          if (dir === "descending") c = -c;
          return c || a - b;
        });
        order.forEach(function (i) { body.appendChild(rows[i]); });
      });
    });
    table.classList.add("js-sortable");
  }
  function start() {
    var ts = document.querySelectorAll("table[data-sortable]");
    for (var i = 0; i < ts.length; i++) init(ts[i]);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
