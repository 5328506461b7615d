# ruff: noqa: E501 - JavaScript and CSS text
"""JavaScript of the density view for large event sets: a grid of cells shaded by the number of
events in the date range, shown below a zoom level; above it the per-type layers draw one dot
per event, created only when first needed (so a 100,000-event page renders fast). Inlined after
:mod:`.runtime_js`.
"""

from .style import DENSITY_RAMP

JS = r"""
(function () {
"use strict";
var GM = window.GM;
var RAMP = __RAMP__;

/* one event type whose dots appear from zoom level data.zmin */
GM.zoomed = function (map, group, data) {
  var st = GM.state(map), inner = L.featureGroup(), made = null, attached = false;
  st.events.push(data);
  function sync() {
    var want = map.getZoom() >= data.zmin;
    if (want && !made) { made = GM.events(map, inner, data); }
    if (want !== attached) { if (want) { group.addLayer(inner); } else { group.removeLayer(inner); } attached = want; }
  }
  map.on("zoomend", sync);
  var layer = GM.register(map, {
    name: data.name, shown: 0, data: data,
    refresh: function () {
      var k = 0;
      for (var j = 0; j < data.d.length; j++) { if (GM.visibleDay(st, data.d[j])) { k++; } }
      this.shown = k;
    }
  });
  sync();
  return layer;
};

/* the density grid: one canvas rectangle per cell, shaded by events in the date range */
GM.density = function (map, group, data) {
  var st = GM.state(map), n = data.x.length, cells = [], on = [], c = data.cell;
  var renderer = L.canvas({padding: 0.3});
  var inner = L.featureGroup(), attached = false;
  for (var i = 0; i < n; i++) {
    var x0 = Math.floor(data.x[i] / c + 1e-9) * c, y0 = Math.floor(data.y[i] / c + 1e-9) * c;
    var r = L.rectangle([[y0, x0], [y0 + c, x0 + c]], {renderer: renderer, weight: 0, fillOpacity: 0.75});
    r._gmKind = "density"; r._gmi = i; r._gmK = 0;
    cells.push(r); on.push(false);
  }
  inner.on("click", function (e) {
    var l = e.layer;
    if (!l || l._gmi === undefined) { return; }
    L.popup({maxWidth: 300}).setLatLng(e.latlng).setContent('<div class="gm-popup"><b>' +
      GM.plural(l._gmK, "event") + "</b> in this " + c + "\u00b0 cell" +
      (data.s[data.p[l._gmi]] ? " near " + data.s[data.p[l._gmi]] : "") +
      '<div class="gm-prov">Zoom in to level ' + data.zmax + " to see each event</div></div>").openOn(map);
  });
  function sync() {
    var want = map.getZoom() < data.zmax;
    if (want !== attached) { if (want) { group.addLayer(inner); } else { group.removeLayer(inner); } attached = want; }
  }
  map.on("zoomend", sync);
  sync();
  return GM.register(map, {
    name: data.name, shown: 0,
    refresh: function () {
      var ks = new Array(n), max = 0, shown = 0, j;
      for (j = 0; j < n; j++) { ks[j] = GM.countPairs(st, data.b[j]); if (ks[j] > max) { max = ks[j]; } }
      var scale = Math.log(1 + Math.max(max, 1));
      for (j = 0; j < n; j++) {
        var k = ks[j];
        cells[j]._gmK = k;
        if (k > 0) {
          shown += k;
          var t = Math.min(RAMP.length - 1, Math.floor(Math.log(1 + k) / scale * RAMP.length));
          cells[j].setStyle({fillColor: RAMP[t]});
        }
        if ((k > 0) !== on[j]) { if (k > 0) { inner.addLayer(cells[j]); } else { inner.removeLayer(cells[j]); } on[j] = k > 0; }
      }
      this.shown = shown;
    }
  });
};
})();
"""

JS = JS.replace("__RAMP__", "[" + ", ".join(f'"{c}"' for c in DENSITY_RAMP) + "]")
CSS = ""
