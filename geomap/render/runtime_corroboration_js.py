# ruff: noqa: E501 - JavaScript and CSS text
"""JavaScript of the corroboration layers (records the news confirms, records no article covers,
events no dataset holds) and of link selection; inlined after :mod:`.runtime_js`, whose helpers
(``GM.register``, ``GM.visibleDay``, ``GM.canvasOf``) it uses.

Clicking a corroborated record opens its popup (the linked articles, pre-escaped) and draws a
dashed line from the record to each linked article event; closing the popup clears them.
"""

JS = r"""
(function () {
"use strict";
var GM = window.GM;

function selection(map) {
  var st = GM.state(map);
  if (!st.sel) {
    st.sel = L.layerGroup().addTo(map);
    map.on("popupclose", function () { st.sel.clearLayers(); st.selected = null; });
  }
  return st.sel;
}

GM.select = function (map, data, i) {
  var st = GM.state(map), sel = selection(map), from = [data.y[i], data.x[i]];
  sel.clearLayers();
  st.selected = {kind: data.kind, i: i};
  var ks = data.links ? data.links[i].k : [];
  ks.forEach(function (k) {
    var line = L.polyline([from, k], {color: data.linkColour || "#1a9850", weight: 2.5,
      dashArray: "6 5", opacity: 0.95, interactive: false});
    var end = L.circleMarker(k, {radius: 5, color: data.linkColour || "#1a9850",
      weight: 2.5, fillColor: "#ffffff", fillOpacity: 1, interactive: false});
    line._gmKind = "links"; end._gmKind = "link-ends";
    sel.addLayer(line); sel.addLayer(end);
  });
  return ks.length;
};

GM.corroborationPopup = function (data, i) {
  var h = GM.eventPopup(data, i);
  if (!data.links) { return h; }
  var lk = data.links[i], s = data.s;
  var more = lk.n > lk.h.length ? "<li>\u2026 and " + (lk.n - lk.h.length) + " more</li>" : "";
  return h.slice(0, -6) + '<div class="gm-links"><div class="gm-links-head">Reported in ' + lk.n +
    (lk.n === 1 ? " article" : " articles") + (lk.e > lk.n ? " (" + lk.e + " events)" : "") + "</div><ol>" +
    lk.h.map(function (k) { return s[k]; }).join("") + more + "</ol></div></div>";
};

GM.corroboration = function (map, group, data) {
  var st = GM.state(map), n = data.x.length, items = new Array(n), on = new Array(n), i;
  var kind = "corroboration:" + data.kind, container = L.featureGroup();
  // beside type icons (DOM markers) a ring around each icon, in SVG in a pane above them (a
  // canvas there would take every click); else a dot on the shared canvas
  var renderer = data.ring ? L.svg({pane: GM.pane(map, "gm-corroboration", 620)}) : GM.canvasOf(map);
  for (i = 0; i < n; i++) {
    items[i] = L.circleMarker([data.y[i], data.x[i]], data.ring ?
      {renderer: renderer, radius: data.ring, weight: 3.5, color: data.colour, opacity: 0.95,
       fillColor: data.colour, fillOpacity: 0.12, className: "gm-ring gm-ring-" + data.kind} :
      {renderer: renderer, radius: data.rad, weight: 1.2, color: data.stroke,
       fillColor: data.colour, fillOpacity: 0.9});
    items[i]._gmi = i; items[i]._gmKind = kind; on[i] = false;
  }
  container.on("click", function (e) {
    var l = e.layer;
    if (!l || l._gmi === undefined) { return; }
    L.popup({maxWidth: 380}).setLatLng(l.getLatLng())
      .setContent(GM.corroborationPopup(data, l._gmi)).openOn(map);
    GM.select(map, data, l._gmi);
  });
  group.addLayer(container);
  return GM.register(map, {
    name: data.name, shown: 0, data: data, items: items,
    refresh: function () {
      var shown = 0;
      for (var j = 0; j < n; j++) {
        var want = GM.visibleDay(st, data.d[j]);
        if (want) { shown += 1; }
        if (want !== on[j]) { if (want) { container.addLayer(items[j]); } else { container.removeLayer(items[j]); } on[j] = want; }
      }
      this.shown = shown;
    }
  });
};
})();
"""

CSS = """
.gm-links{margin-top:6px;border-top:1px solid #ddd;padding-top:4px}
.gm-links-head{font-weight:600;color:#1a6b3a}.gm-links ol{padding-left:18px;margin:4px 0 0}
.gm-links li{margin-bottom:4px}
.gm-status{font-size:11px;font-weight:600;color:#666}.gm-status.gm-corroborated{color:#1a6b3a}
.gm-status.gm-unmatched{color:#c4450b}
"""
