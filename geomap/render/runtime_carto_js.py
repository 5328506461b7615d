# ruff: noqa: E501 - JavaScript and CSS text
"""JavaScript of the map's cartography: labels for regions without an outline, the initial view
fitted clear of the panels, grouped layer list, folding legend; inlined after
:mod:`.runtime_js`, whose helpers (``GM.register``, ``GM.countPairs``, ``GM.control``) it uses.
"""

JS = r"""
(function () {
"use strict";
var GM = window.GM;

/* ---- named regions without an outline: a text label sized by mentions, no point symbol ---- */
GM.labels = function (map, group, data) {
  var st = GM.state(map), n = data.x.length, items = [];
  for (var i = 0; i < n; i++) {
    var m = L.marker([data.y[i], data.x[i]], {keyboard: false, icon: L.divIcon({
      className: "gm-area-label", iconSize: null, html: "<span>" + data.n[i] + "</span>"})});
    m._gmKind = "area-labels"; m._gmOn = false;
    m.bindPopup(data.p[i], {maxWidth: 380});
    items.push(m);
  }
  return GM.register(map, {
    name: data.name, shown: 0,
    refresh: function () {
      var shown = 0;
      for (var j = 0; j < n; j++) {
        var k = GM.countPairs(st, data.d[j]);
        shown += k;
        GM.setShown(group, items[j], k > 0);
      }
      this.shown = shown;
    }
  });
};

/* ---- a small window (a laptop's 1280x720 or 1024x640): the panels compact so that the data
   keeps most of the map. The layer list becomes a "Layers" button (open on click, closed by a
   click on the map), the legend starts folded, the title's counts fit one line (a click shows
   them all) and the timeline's chart is lower. Decided on the map's size, again on resize. ---- */
GM.SMALL = {w: 1100, h: 760};
GM.compact = function (map) {
  var c = map.getContainer(), small = c.clientWidth < GM.SMALL.w || c.clientHeight < GM.SMALL.h;
  var was = c.classList.contains("gm-compact");
  c.classList.toggle("gm-compact", small);
  var layers = c.querySelector(".leaflet-control-layers");
  if (layers && !layers.querySelector(".gm-layers-toggle")) {
    var b = document.createElement("button");
    b.type = "button"; b.className = "gm-layers-toggle"; b.textContent = "Layers";
    b.title = "show or hide the list of layers"; b.setAttribute("aria-expanded", "false");
    var openList = function (open) {
      layers.classList.toggle("gm-open", open); b.setAttribute("aria-expanded", String(open));
      GM.layoutPanels(map, open);  // an opened list folds the legend where both cannot fit
    };
    b.addEventListener("click", function (e) {
      e.preventDefault(); openList(!layers.classList.contains("gm-open"));
    });
    layers.insertBefore(b, layers.firstChild);
    map.on("click", function () {
      if (layers.classList.contains("gm-open") && c.classList.contains("gm-compact")) { openList(false); }
    });
  }
  var title = c.querySelector(".gm-title");
  if (title && !title._gmFold) {
    title._gmFold = true;
    var p = title.querySelector("p");
    if (p) { p.title = p.textContent; }
    title.addEventListener("click", function () { title.classList.toggle("gm-full"); });
  }
  var fold = c.querySelector(".gm-legend details");
  if (fold && small && !was) { fold.open = false; }
  return small;
};

/* ---- the layer list in folding groups (Leaflet's own list, regrouped whenever it is rebuilt) ---- */
GM.groupLayers = function (map, data) {
  GM.compact(map);
  var box = map.getContainer().querySelector(".leaflet-control-layers-overlays");
  if (!box) { return; }
  var busy = false, openState = {};
  function title(label) { return label.textContent.trim(); }
  function regroup() {
    busy = true;
    var labels = Array.prototype.slice.call(box.querySelectorAll("label"));
    box.querySelectorAll("details.gm-group").forEach(function (d) {
      openState[d.dataset.title] = d.open;
    });
    var rest = labels.slice();
    box.innerHTML = "";
    data.groups.forEach(function (g) {
      var members = rest.filter(function (l) {
        return g.prefixes.some(function (p) { return title(l).indexOf(p) === 0; }); });
      if (!members.length) { return; }
      rest = rest.filter(function (l) { return members.indexOf(l) < 0; });
      var d = document.createElement("details");
      d.className = "gm-group"; d.dataset.title = g.title;
      d.open = g.title in openState ? openState[g.title] : g.open;
      var s = document.createElement("summary");
      s.textContent = g.title;
      if (g.toggle) {
        var all = document.createElement("button");
        all.type = "button"; all.className = "gm-group-all"; all.textContent = "all / none";
        all.addEventListener("click", function (e) {
          e.preventDefault(); e.stopPropagation();
          var inputs = members.map(function (l) { return l.querySelector("input"); });
          var on = inputs.some(function (i) { return !i.checked; });
          inputs.forEach(function (i) { if (i.checked !== on) { i.click(); } });
        });
        s.appendChild(all);
      }
      d.appendChild(s);
      members.forEach(function (l) { d.appendChild(l); });
      box.appendChild(d);
    });
    rest.forEach(function (l) { box.appendChild(l); });
    busy = false;
  }
  regroup();
  new MutationObserver(function () {
    if (!busy && box.querySelector(":scope > label")) { regroup(); }
  }).observe(box, {childList: true});
};

/* ---- the initial view: fit the data's box inside the part of the map no panel covers ---- */
function panelPadding(map) {
  var box = map.getContainer().getBoundingClientRect(), W = box.width, H = box.height;
  // each panel's reach from its own edge of the map (width from the right, height from the
  // top or bottom), so that controls stacked under or over a panel count too (the timeline
  // stands on the scale bar: its top, not its height, is what the view must clear)
  function size(sel, fromBottom) {
    var el = map.getContainer().querySelector(sel);
    if (!el) { return [0, 0]; }
    var r = el.getBoundingClientRect();
    return [box.right - r.left, fromBottom ? box.bottom - r.top : r.bottom - box.top];
  }
  var title = size(".gm-title"), layers = size(".leaflet-control-layers"),
      legend = size(".gm-legend", true), time = size(".gm-time", true), left = 0;
  // the narrow column under the title (zoom buttons, search box) keeps the left edge
  var corner = map.getContainer().querySelector(".leaflet-top.leaflet-left");
  if (corner) {
    Array.prototype.forEach.call(corner.children, function (c) {
      if (!c.classList.contains("gm-title")) { left = Math.max(left, c.getBoundingClientRect().width); }
    });
  }
  var top = Math.min(title[1] + 16, H * 0.3);
  var right = Math.min(Math.max(layers[0], legend[0]) + 16, W * 0.35);
  var bottom = Math.min(time[1] + 16, H * 0.35);
  var leftPad = Math.min(Math.max(40, left + 20), W * 0.25);
  return {tl: [leftPad, top], br: [right, bottom]};
}
GM.panelPadding = panelPadding;

/* the legend (bottom right) never runs under the layer list (top right): it gets the height
   left between them, less the room the minimap (stacked above the legend) takes when opened,
   so that opening it covers nothing, even mid-animation; the legend folds away when that
   leaves too little */
GM.layoutPanels = function (map, initial) {
  var c = map.getContainer(), legend = c.querySelector(".gm-legend"),
      layers = c.querySelector(".leaflet-control-layers");
  if (!legend || !layers) { return; }
  var box = c.getBoundingClientRect(), lb = layers.getBoundingClientRect().bottom - box.top;
  var below = box.bottom - legend.getBoundingClientRect().bottom;
  var mini = GM.state(map).minimap, keep = 0;
  if (mini) { keep = (mini.options.height || 120) + 4 + 10; }  // open size, border, margin
  var room = box.height - lb - below - keep - 12;
  legend.style.boxSizing = "border-box";
  legend.style.maxHeight = Math.max(60, room) + "px";
  var d = legend.querySelector("details");
  if (d && initial && room < 150) { d.open = false; }
};

function resized(map) {
  var was = map.getContainer().classList.contains("gm-compact");
  if (GM.compact(map) !== was && GM.state(map).redrawTimeline) { GM.state(map).redrawTimeline(); }
  GM.layoutPanels(map, false);
}

GM.fit = function (map, data) {
  var st = GM.state(map);
  st.fit = data;
  GM.compact(map);
  GM.layoutPanels(map, true);
  window.addEventListener("resize", function () { resized(map); });
  var last = null;
  function go() {
    var p = panelPadding(map), key = JSON.stringify(p);
    if (key === last) { return; }  // a second fit would redraw every layer for nothing
    last = key;
    map.fitBounds(data.b, {paddingTopLeft: p.tl, paddingBottomRight: p.br, maxZoom: data.z,
                           animate: false});
  }
  go();
  // panels settle after fonts and layout: fit again once the page has loaded
  if (document.readyState !== "complete") { window.addEventListener("load", go); }
};
})();
"""

CSS = """
details.gm-group{margin:1px 0 3px}details.gm-group>summary{cursor:pointer;font-weight:600;color:#333;
 font-size:11px;text-transform:uppercase;letter-spacing:.04em;padding:2px 0}
details.gm-group>label{display:block;padding-left:10px}
.gm-group-all{font-size:10px;margin-left:8px;padding:0 4px;text-transform:none;letter-spacing:0}
details.gm-fold>summary{cursor:pointer;font-weight:600;font-size:11px;text-transform:uppercase;
 letter-spacing:.05em;color:#555}details.gm-fold[open]>summary{margin-bottom:4px}
.gm-layers-toggle{display:none}
.gm-compact .gm-layers-toggle{display:block;font:600 12px system-ui,"DejaVu Sans",sans-serif;padding:3px 8px;
 background:#fff;border:0;cursor:pointer}
.gm-compact .leaflet-control-layers-expanded{padding:2px}
.gm-compact .leaflet-control-layers.gm-open{padding:4px 8px 6px 6px}
.gm-compact .leaflet-control-layers:not(.gm-open)>.leaflet-control-layers-list{display:none}
.gm-compact .leaflet-control-layers.gm-open .gm-layers-toggle{margin-left:auto}
.gm-compact .gm-title{max-width:300px;padding:5px 10px;cursor:pointer}.gm-compact .gm-title h1{font-size:14px}
.gm-compact .gm-title:not(.gm-full) p{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.gm-area-label{background:none;border:0;white-space:nowrap}
.gm-area-label span{display:inline-block;transform:translate(-50%,-50%);font:italic 600 13px/1.2 system-ui,"DejaVu Sans",sans-serif;
 color:#5b3f8c;letter-spacing:.06em;text-transform:uppercase;text-shadow:0 0 3px #fff,0 0 3px #fff,0 0 2px #fff}
"""
