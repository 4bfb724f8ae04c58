// mapbench report: click a column header of a table.sortable to sort it (numbers numerically).
(function () {
  "use strict";
  function cellValue(row, column) {
    var text = row.cells[column] ? row.cells[column].textContent.trim() : "";
    var number = parseFloat(text.replace(/,/g, ""));
    return isNaN(number) ? text.toLowerCase() : number;
  }
  function sortBy(table, column, header) {
    var body = table.tBodies[0];
    if (!body) { return; }
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    Array.prototype.forEach.call(header.parentNode.children, function (th) { th.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = cellValue(a, column), y = cellValue(b, column);
      if (typeof x !== typeof y) { x = String(x); y = String(y); }
      return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var headerRow = table.tHead && table.tHead.rows[0];
    if (!headerRow) { return; }
    Array.prototype.forEach.call(headerRow.cells, function (header, column) {
      header.addEventListener("click", function () { sortBy(table, column, header); });
    });
  });
}());
// The decision guide: a sentence's link lights up every summary cell it rests on.
(function () {
  "use strict";
  document.querySelectorAll("a.cells[data-cells]").forEach(function (link) {
    link.addEventListener("click", function () {
      document.querySelectorAll("td.lit").forEach(function (cell) { cell.classList.remove("lit"); });
      link.getAttribute("data-cells").split(" ").forEach(function (id) {
        var cell = document.getElementById(id);
        if (cell) { cell.classList.add("lit"); }
      });
    });
  });
}());
