/* Sortable tables: click a column header to sort by it, click again to reverse.
   Cells may carry a number to sort by in a data-sort attribute (money, counts). */
(function () {
  "use strict";

  function sortValue(cell) {
    var marked = cell.querySelector("[data-sort]");
    var raw = marked ? marked.getAttribute("data-sort") : cell.textContent.trim();
    var number = Number(raw.replace(/[,\s]/g, ""));
    return raw !== "" && !isNaN(number) ? { n: number } : { s: raw.toLowerCase() };
  }

  function compare(a, b) {
    if ("n" in a && "n" in b) return a.n - b.n;
    if ("n" in a) return -1;
    if ("n" in b) return 1;
    return a.s < b.s ? -1 : a.s > b.s ? 1 : 0;
  }

  function sortBy(table, header, index) {
    var body = table.tBodies[0];
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    var rows = Array.prototype.slice.call(body.rows);
    var keyed = rows.map(function (row, position) {
      return { row: row, key: sortValue(row.cells[index] || row), position: position };
    });
    keyed.sort(function (x, y) {
      var order = compare(x.key, y.key);
      return (ascending ? order : -order) || x.position - y.position;
    });
    keyed.forEach(function (item) { body.appendChild(item.row); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) {
      cell.removeAttribute("aria-sort");
    });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }

  function makeSortable(table) {
    if (table.dataset.sortable || !table.tHead || !table.tBodies.length) return;
    table.dataset.sortable = "true";
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header, index) {
      header.tabIndex = 0;
      header.title = "Sort by this column";
      header.addEventListener("click", function () { sortBy(table, header, index); });
      header.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); sortBy(table, header, index); }
      });
    });
  }

  function init() {
    document.querySelectorAll("article table").forEach(makeSortable);
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(init);  /* Material's instant navigation */
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
