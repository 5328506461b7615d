# ruff: noqa: E501 - JavaScript and CSS text
"""JavaScript of the timeline: a bar chart of daily counts under the map with a brush (drag
across the bars to choose dates) and one two-handle slider whose handles stand over their days'
bars, for fine steps (arrow keys move a focused handle by a day); every geomap layer follows it
through ``GM.setRange``. Rows with no date stay on the map unless the "undated" box is cleared. Inlined after :mod:`.runtime_js`.

``GM.brush(map, lo, hi)`` sets the range from code (days since 1970-01-01, inclusive). The chart
opens on the main span of the dates (``view``, see :func:`geomap.render.controls.main_span`);
when a few dates lie far outside it, a button shows the whole span and back. The map's filter is
independent of what the chart shows: until a range is chosen every dated item is on the map.
"""

JS = r"""
(function () {
"use strict";
var GM = window.GM, NS = "http://www.w3.org/2000/svg";

function el(name, attrs) {
  var e = document.createElementNS(NS, name);
  for (var k in attrs) { e.setAttribute(k, attrs[k]); }
  return e;
}

GM.brush = function (map, lo, hi) { var st = GM.state(map); if (st.brush) { st.brush(lo, hi); } };

GM.timeline = function (map, data) {
  var st = GM.state(map), lo0 = data.lo, hi0 = data.hi;
  st.full = [lo0, hi0];
  // the chart opens on the bulk of the dated items (data.view); far-off dates stay reachable
  var view = data.view || [lo0, hi0], whole = !data.view, ext = view.slice();
  var earlier = 0, later = 0, i;
  for (i = 0; i < data.c.length; i += 2) {
    if (data.c[i] < view[0]) { earlier += data.c[i + 1]; }
    if (data.c[i] > view[1]) { later += data.c[i + 1]; }
  }
  var spanText = (earlier ? earlier.toLocaleString("en") + " earlier" : "") + (earlier && later ? ", " : "") +
    (later ? later.toLocaleString("en") + " later" : "");
  var html = '<div class="gm-time-head"><b>' + data.unit + ' per day</b> <span class="gm-time-label"></span>' +
    '<span class="gm-time-n"></span>' +
    (whole ? "" : '<button type="button" class="gm-time-span" title="the chart shows the main span of dates; ' +
      spanText + ' outside it"></button>') +
    (data.u ? '<label class="gm-time-undated" title="rows with no date of their own nor of their article: ' +
      'kept on the map whatever the dates chosen unless cleared"><input type="checkbox" checked> ' +
      data.u.toLocaleString("en") + " undated</label>" : "") +
    '<button type="button" class="gm-time-all">All dates</button></div>' +
    '<div class="gm-time-chart"></div>' +
    // one two-handle slider: both range inputs lie over the chart's days, each handle over
    // the middle of its day's bar (placed in draw())
    '<div class="gm-time-sliders"><div class="gm-track"></div><div class="gm-sel"></div>' +
    '<input type="range" class="gm-from" aria-label="from date">' +
    '<input type="range" class="gm-to" aria-label="to date"></div>';
  var div = GM.control(map, "bottomleft", "gm-time", html);
  var W, H, AX = 14, chartW;
  function size() {
    // a small window gets a lower chart (GM.compact); the width leaves the legend its corner
    var small = GM.compact(map), mapW = map.getContainer().clientWidth;
    var legend = map.getContainer().querySelector(".gm-legend");
    // the legend's open width (230 px and padding) even while it is folded: opening it
    // must not run it under the timeline
    var reserve = legend ? Math.max(legend.getBoundingClientRect().width, 250) + 40 : 60;
    W = Math.max(260, Math.min(900, mapW - reserve - 40)); H = small ? 26 : 54;
    div.style.width = W + "px";
    chartW = W - 20;
  }
  size();
  var from = div.querySelector(".gm-from"), to = div.querySelector(".gm-to");
  var label = div.querySelector(".gm-time-label"), count = div.querySelector(".gm-time-n");
  var toggle = div.querySelector(".gm-time-span"), chart = div.querySelector(".gm-time-chart");
  var sel = div.querySelector(".gm-sel"), undatedBox = div.querySelector(".gm-time-undated input");
  var THUMB = 14;  // the handles' width in CSS (.gm-time-sliders ::-webkit-slider-thumb)
  var svg, brush, bars, bins, per, nb, span, cur = [lo0, hi0];
  function xOf(d) { return (d - ext[0]) / span * chartW; }
  function dayAt(x) { return Math.max(ext[0], Math.min(ext[1], ext[0] + Math.floor(x / chartW * span))); }
  function draw() {
    span = ext[1] - ext[0] + 1;
    // bins of whole days so that each bar is at least 2 px wide
    per = Math.max(1, Math.ceil(span / (chartW / 2))); nb = Math.ceil(span / per);
    bins = new Array(nb).fill(0);
    var max = 0, j;
    for (j = 0; j < data.c.length; j += 2) {
      var b = Math.floor((data.c[j] - ext[0]) / per);
      if (b >= 0 && b < nb) { bins[b] += data.c[j + 1]; }
    }
    bins.forEach(function (v) { max = Math.max(max, v); });
    svg = el("svg", {width: chartW, height: H + AX, "class": "gm-time-svg"});
    var bw = chartW / nb;
    bars = [];
    for (j = 0; j < nb; j++) {
      var h = bins[j] ? Math.max(1.5, H * Math.sqrt(bins[j] / max)) : 0;
      var r = el("rect", {x: j * bw, y: H - h, width: Math.max(1, bw - (bw > 3 ? 1 : 0)), height: h, "class": "gm-bar"});
      var t = el("title", {}); t.textContent = GM.dayText(ext[0] + j * per) + (per > 1 ? " (" + per + " days)" : "") + ": " + bins[j];
      r.appendChild(t); svg.appendChild(r); bars.push(r);
    }
    svg.appendChild(el("line", {x1: 0, x2: chartW, y1: H + 0.5, y2: H + 0.5, "class": "gm-axis"}));
    var ticks = Math.max(1, Math.min(span, Math.floor(chartW / 110))), step = Math.max(1, Math.ceil(span / ticks));
    for (var day = ext[0]; day <= ext[1]; day += step) {
      var cx = xOf(day) + (per === 1 ? bw / 2 : 0);
      var tx = el("text", {x: cx, y: H + AX - 2, "class": "gm-tick",
        "text-anchor": cx < 40 ? "start" : (cx > chartW - 40 ? "end" : "middle")});
      tx.textContent = GM.dayText(day);
      svg.appendChild(tx);
    }
    brush = el("rect", {x: 0, y: 0, width: 0, height: H, "class": "gm-brush"});
    svg.appendChild(brush);
    st.chartSpan = ext.slice();
    chart.innerHTML = "";
    chart.appendChild(svg);
    svg.addEventListener("mousedown", function (e) { start = dayAt(px(e)); show(start, start); e.preventDefault(); });
    from.min = to.min = ext[0]; from.max = to.max = ext[1];
    // a range input puts its handle's centre at THUMB/2 + f * (width - THUMB), f the value's
    // share of [min, max]; the middle of day d's bar is (d - ext[0] + 0.5) * chartW / span
    div.querySelector(".gm-track").style.width = chartW + "px";
    [from, to].forEach(function (inp) {
      inp.style.left = (chartW / span / 2 - THUMB / 2) + "px";
      inp.style.width = (THUMB + chartW * (span - 1) / span) + "px";
    });
    if (toggle) {
      var onView = ext[0] === view[0] && ext[1] === view[1];
      toggle.textContent = onView ? "Whole span (+" + spanText + ")" : "Main span";
    }
    show(cur[0], cur[1]);
  }
  function show(lo, hi) {
    var all = lo <= lo0 && hi >= hi0, n = 0, j;
    label.textContent = all ? GM.dayText(ext[0]) + " \u2013 " + GM.dayText(ext[1]) :
      GM.dayText(lo) + (lo === hi ? "" : " \u2013 " + GM.dayText(hi));
    var a = Math.max(lo, ext[0]), z = Math.min(hi, ext[1]);
    brush.setAttribute("x", xOf(a)); brush.setAttribute("width", Math.max(1, xOf(z + 1) - xOf(a)));
    brush.style.display = all || z < a ? "none" : "";
    bars.forEach(function (r, k) {
      var b0 = ext[0] + k * per, b1 = b0 + per - 1, inside = b1 >= lo && b0 <= hi;
      r.setAttribute("class", inside ? "gm-bar" : "gm-bar gm-out");
    });
    for (j = 0; j < data.c.length; j += 2) { if (data.c[j] >= lo && data.c[j] <= hi) { n += data.c[j + 1]; } }
    from.value = Math.max(ext[0], Math.min(ext[1], lo)); to.value = Math.max(ext[0], Math.min(ext[1], hi));
    // the handle at the right end must stay reachable when both stand there
    from.style.zIndex = +from.value >= ext[1] ? 3 : 2;
    sel.style.left = xOf(Math.max(a, ext[0])) + "px";
    sel.style.width = Math.max(0, xOf(Math.min(z, ext[1]) + 1) - xOf(Math.max(a, ext[0]))) + "px";
    count.textContent = all ? "" : " \u00b7 " + n.toLocaleString("en") + " in range";
  }
  function apply(lo, hi) {
    if (lo > hi) { var t = lo; lo = hi; hi = t; }
    cur = [lo, hi];
    show(lo, hi);
    GM.setRange(map, lo, hi);
  }
  st.brush = apply;
  st.redrawTimeline = function () { size(); draw(); };
  var start = null;
  function px(e) { var r = svg.getBoundingClientRect(); return Math.max(0, Math.min(chartW - 0.01, e.clientX - r.left)); }
  window.addEventListener("mousemove", function (e) { if (start !== null) { var d = dayAt(px(e)); show(Math.min(start, d), Math.max(start, d)); } });
  window.addEventListener("mouseup", function (e) {
    if (start === null) { return; }
    var d = dayAt(px(e)), a = start; start = null;
    apply(Math.min(a, d), Math.max(a, d));
  });
  function slid(src) {
    var lo = +from.value, hi = +to.value;
    if (lo > hi) { if (src === from) { to.value = lo; hi = lo; } else { from.value = hi; lo = hi; } }
    cur = [lo, hi]; show(lo, hi); GM.setRange(map, lo, hi);
  }
  from.addEventListener("input", function () { slid(from); });
  to.addEventListener("input", function () { slid(to); });
  div.querySelector(".gm-time-all").addEventListener("click", function () { apply(lo0, hi0); });
  if (undatedBox) {
    undatedBox.addEventListener("change", function () {
      st.undated = undatedBox.checked; GM.setRange(map, cur[0], cur[1]);
    });
  }
  if (toggle) {
    toggle.addEventListener("click", function () {
      var onView = ext[0] === view[0] && ext[1] === view[1];
      ext = onView ? [lo0, hi0] : view.slice();
      draw();
    });
  }
  draw();
};
})();
"""

CSS = """
.gm-time{padding:6px 10px 4px}.gm-time-head{display:flex;align-items:baseline;gap:6px;white-space:nowrap}
.gm-time-label{color:#333}.gm-time-n{color:#666;flex:1}
.gm-time-all,.gm-time-span{font-size:11px;padding:1px 6px}
.gm-time-svg{display:block;margin-top:3px;cursor:crosshair;user-select:none}
.gm-bar{fill:#3a5f8f}.gm-bar.gm-out{fill:#c9cfd6}.gm-axis{stroke:#888;stroke-width:1}
.gm-tick{font:10px system-ui,"DejaVu Sans",sans-serif;fill:#444}
.gm-brush{fill:rgba(58,95,143,.12);stroke:#3a5f8f;stroke-width:1;pointer-events:none}
.gm-time-undated{color:#555;white-space:nowrap}.gm-time-undated input{vertical-align:-2px;margin:0 2px 0 0}
.gm-time-sliders{position:relative;height:18px;margin-top:1px}
.gm-track{position:absolute;left:0;top:8px;height:2px;background:#c9cfd6}
.gm-sel{position:absolute;top:7px;height:4px;background:#3a5f8f;border-radius:2px}
.gm-time-sliders input{position:absolute;top:0;height:18px;margin:0;padding:0;border:0;background:none;
 -webkit-appearance:none;appearance:none;pointer-events:none;outline:none}
.gm-time-sliders input::-webkit-slider-runnable-track{background:none;border:0;height:18px}
.gm-time-sliders input::-moz-range-track{background:none;border:0}
.gm-time-sliders input::-webkit-slider-thumb{-webkit-appearance:none;pointer-events:auto;box-sizing:border-box;
 width:14px;height:14px;margin-top:2px;border-radius:50%;background:#fff;border:3px solid #3a5f8f;cursor:ew-resize}
.gm-time-sliders input::-moz-range-thumb{pointer-events:auto;box-sizing:border-box;width:14px;height:14px;
 border-radius:50%;background:#fff;border:3px solid #3a5f8f;cursor:ew-resize}
.gm-time-sliders input:focus-visible::-webkit-slider-thumb{box-shadow:0 0 0 2px #f0b400}
"""
