# ruff: noqa: E501 - JavaScript and CSS text
"""The map's own JavaScript and CSS (inlined once per page by :class:`~.runtime.Runtime`).

``window.GM`` draws geomap's layers from compact column data, opens popups built from
pre-escaped fragments, filters every layer by date and answers ``GM.stats`` / ``GM.drawn`` for
tests. State lives on each map object (``map._gm``), never in page globals.
"""

JS = r"""
(function () {
"use strict";
var GM = window.GM = window.GM || {};
var DAY = 86400000;
// a popup opening near the top left pans clear of the title box (not under it)
if (L.Popup && !L.Popup.prototype.options.autoPanPaddingTopLeft) {
  L.Popup.mergeOptions({autoPanPaddingTopLeft: L.point(60, 110)});
}
GM.maps = GM.maps || [];

function state(map) {
  if (!map._gm) {
    map._gm = {layers: [], range: null, full: null, events: [], countries: null, canvas: null};
    GM.maps.push(map);
  }
  return map._gm;
}
GM.state = state;

function canvasOf(map) {
  var st = state(map);
  if (!st.canvas) { st.canvas = L.canvas({padding: 0.5, tolerance: 3}); }
  return st.canvas;
}

// "1 event", "2,345 events"
GM.plural = function (n, word) {
  return n.toLocaleString("en") + " " + word + (n === 1 ? "" : "s");
};

GM.dayText = function (d) {
  return (d === null || d === undefined || d < 0) ? "" : new Date(d * DAY).toISOString().slice(0, 10);
};

// rows with no date stay on the map whatever the range unless the timeline's "undated" box
// is cleared (r.undated false)
function visibleDay(st, d) {
  var r = st.range;
  if (!r) { return true; }
  if (d === null || d === undefined || d < 0) { return r.undated; }
  return d >= r.lo && d <= r.hi;
}

/* count of pairs [day, n, day, n, ...] inside the current range */
function setShown(group, l, on) {
  // add or remove one layer of a group, remembering its state to avoid needless redraws
  if (on !== l._gmOn) { if (on) { group.addLayer(l); } else { group.removeLayer(l); } l._gmOn = on; }
}

function countPairs(st, pairs) {
  var total = 0;
  for (var k = 0; k < pairs.length; k += 2) {
    if (visibleDay(st, pairs[k])) { total += pairs[k + 1]; }
  }
  return total;
}

function register(map, layer) {
  var st = state(map);
  st.layers.push(layer);
  layer.refresh();
  return layer;
}

GM.json = function (id) { return JSON.parse(document.getElementById(id).textContent); };
GM.canvasOf = canvasOf; GM.visibleDay = visibleDay; GM.countPairs = countPairs;
GM.register = register; GM.setShown = setShown; GM.radiusFor = radiusFor;

GM.setRange = function (map, lo, hi) {
  var st = state(map), undated = st.undated !== false;
  var all = !st.full || (lo <= st.full[0] && hi >= st.full[1]);
  st.range = all && undated ? null : {lo: lo, hi: hi, undated: undated};
  st.layers.forEach(function (l) { l.refresh(); });
};

GM.stats = function (map) {
  var out = {};
  state(map).layers.forEach(function (l) { out[l.name] = l.shown; });
  return out;
};

/* what is on the map now, by kind: markers and clusters (with their children) */
GM.drawn = function (map) {
  var out = {};
  map.eachLayer(function (l) {
    var kind = l._gmKind, n = 1;
    if (!kind && L.MarkerCluster && l instanceof L.MarkerCluster) {
      kind = l._group && l._group._gmClusterKind; n = l.getChildCount();
    }
    if (kind) { out[kind] = (out[kind] || 0) + n; }
  });
  return out;
};

GM.pane = function (map, name, z) { return pane(map, name, z); };
GM.control = function (map, position, className, html) { return control(map, position, className, html); };

function radiusFor(n, base, step) { return base + step * Math.sqrt(Math.min(n, 400)); }

/* ---- events: one layer per type, as clustered icons, canvas points or grid cells ---- */
GM.events = function (map, group, data) {
  var st = state(map), n = data.x.length, items = new Array(n), on = new Array(n);
  var container, kind = "events:" + data.type, i;
  if (data.mode === "cluster") {
    var icon = L.divIcon({html: data.icon, className: "gm-icon", iconSize: [22, 22],
                          iconAnchor: [11, 11], popupAnchor: [0, -10]});
    container = L.markerClusterGroup({
      // no chunkedLoading: a view change while chunks are pending throws in markercluster
      // (Leaflet.markercluster#743); cluster mode holds at most a few thousand markers
      showCoverageOnHover: false, maxClusterRadius: 40,
      iconCreateFunction: function (c) {
        var k = c.getChildCount(), s = k < 10 ? 26 : (k < 100 ? 32 : 38);
        return L.divIcon({html: '<div style="background:' + data.colour + '"><span>' + k +
                          "</span></div>", className: "gm-cluster", iconSize: [s, s]});
      }
    });
    for (i = 0; i < n; i++) {
      items[i] = L.marker([data.y[i], data.x[i]], {icon: icon, keyboard: false});
    }
  } else {
    container = L.featureGroup();
    var canvas = canvasOf(map);
    for (i = 0; i < n; i++) {
      var r = data.mode === "grid" ? radiusFor(data.n[i], 3, 0.9) : 4;
      items[i] = L.circleMarker([data.y[i], data.x[i]], {
        renderer: canvas, radius: r, weight: 0.7, color: "#ffffff", fillColor: data.colour,
        fillOpacity: data.mode === "grid" ? 0.7 : 0.85});
    }
  }
  container._gmClusterKind = kind;
  for (i = 0; i < n; i++) { items[i]._gmi = i; items[i]._gmKind = kind; on[i] = false; }
  container.on("click", function (e) {
    var l = e.layer;
    if (!l || l._gmi === undefined) { return; }
    L.popup({maxWidth: 360}).setLatLng(l.getLatLng())
      .setContent(data.mode === "grid" ? GM.cellPopup(map, data, l._gmi) : GM.eventPopup(data, l._gmi))
      .openOn(map);
  });
  group.addLayer(container);
  if (st.events.indexOf(data) < 0) { st.events.push(data); }
  return register(map, {
    name: data.name,
    shown: 0,
    data: data,
    refresh: function () {
      var add = [], remove = [], shown = 0;
      for (var j = 0; j < n; j++) {
        var k;
        if (data.mode === "grid") {
          k = countPairs(st, data.b[j]);
          if (k > 0) { items[j].setRadius(radiusFor(k, 3, 0.9)); }
        } else {
          k = visibleDay(st, data.d[j]) ? 1 : 0;
        }
        shown += k;
        var want = k > 0;
        if (want !== on[j]) { (want ? add : remove).push(items[j]); on[j] = want; }
      }
      if (container.addLayers) {
        if (remove.length) { container.removeLayers(remove); }
        if (add.length) { container.addLayers(add); }
      } else {
        remove.forEach(function (l) { container.removeLayer(l); });
        add.forEach(function (l) { container.addLayer(l); });
      }
      this.shown = shown;
    }
  });
};

GM.eventPopup = function (data, i) {
  var s = data.s, p = data.p[i];
  var h = '<div class="gm-popup"><div class="gm-type" style="border-left-color:' + data.colour +
    '">' + data.label + "</div><b>" + (s[p[0]] || "Unnamed place") + '</b> <span class="gm-date">' +
    GM.dayText(data.d[i]) + (data.a && data.a[i] ? " (article\u2019s date)" : "") + "</span>";
  if (s[p[1]]) { h += '<div class="gm-actors">' + s[p[1]] + "</div>"; }
  if (data.f && data.f[i] > 0) { h += "<div>Fatalities: " + data.f[i] + "</div>"; }
  if (s[p[3]]) { h += '<div class="gm-text">' + s[p[3]] + "</div>"; }
  if (s[p[2]]) { h += '<div class="gm-src">Source: ' + s[p[2]] + "</div>"; }
  if (s[p[4]]) { h += '<div class="gm-prov">' + s[p[4]] + (data.r && data.r[i] !== null ? ", row " + data.r[i] : "") + "</div>"; }
  return h + "</div>";
};

GM.cellPopup = function (map, data, i) {
  var st = state(map), b = data.b[i], k = countPairs(st, b), lo = null, hi = null;
  for (var j = 0; j < b.length; j += 2) {
    if (visibleDay(st, b[j]) && b[j] >= 0) {
      lo = lo === null ? b[j] : Math.min(lo, b[j]); hi = hi === null ? b[j] : Math.max(hi, b[j]);
    }
  }
  var h = '<div class="gm-popup"><div class="gm-type" style="border-left-color:' + data.colour +
    '">' + data.label + "</div><b>" + GM.plural(k, "event") + "</b> near " +
    (data.s[data.p[i]] || "this cell");
  if (lo !== null) { h += '<div class="gm-date">' + GM.dayText(lo) + " \u2013 " +
    GM.dayText(hi + data.w - 1) + "</div>"; }
  if (data.f && data.f[i] > 0) { h += "<div>Fatalities (all dates): " + data.f[i] + "</div>"; }
  return h + '<div class="gm-prov">Aggregated on a ' + data.cell + "\u00b0 grid</div></div>";
};

/* ---- place mentions: one canvas circle per place, sized by mentions in the date range ---- */
GM.mentions = function (map, group, data) {
  var st = state(map), n = data.x.length, items = [], on = [];
  // a canvas of their own under the overlay pane: event and record dots stay on top of pins
  var canvas = L.canvas({pane: pane(map, "gm-mentions", 395), padding: 0.5, tolerance: 3});
  for (var i = 0; i < n; i++) {
    var m = L.circleMarker([data.y[i], data.x[i]], {
      renderer: canvas, radius: 5, weight: 1.2, color: "#ffffff",
      fillColor: data.colours[data.c[i]], fillOpacity: 0.9});
    m._gmKind = "mentions"; m._gmi = i;
    m.bindTooltip(data.n[i], {direction: "top"});
    m.bindPopup(data.p[i], {maxWidth: 380});
    items.push(m); on.push(false);
  }
  return register(map, {
    name: data.name, shown: 0,
    refresh: function () {
      var shown = 0;
      for (var j = 0; j < n; j++) {
        var k = countPairs(st, data.d[j]);
        shown += k;
        if (k > 0) { items[j].setRadius(radiusFor(k, 4, 2.6)); }
        if ((k > 0) !== on[j]) { if (k > 0) { group.addLayer(items[j]); } else { group.removeLayer(items[j]); } on[j] = k > 0; }
      }
      this.shown = shown;
    }
  });
};

/* ---- polygons: named areas and the admin-1 choropleth ---- */
function pane(map, name, z) {
  if (!map.getPane(name)) { map.createPane(name).style.zIndex = z; }
  return name;
}

GM.areas = function (map, group, data) {
  var st = state(map), layers = [];
  L.geoJSON(data.fc, {
    pane: pane(map, "gm-areas", 390),
    style: function () { return {color: data.colour, weight: 2, dashArray: "5 4", fillColor: data.colour, fillOpacity: 0.18}; },
    onEachFeature: function (f, l) {
      l._gmKind = "areas"; l._gmDays = f.properties.d; l._gmOn = false;
      l.bindTooltip(f.properties.n, {sticky: true});
      l.bindPopup(f.properties.p, {maxWidth: 380});
      layers.push(l);
    }
  });
  return register(map, {
    name: data.name, shown: 0,
    refresh: function () {
      var shown = 0;
      layers.forEach(function (l) {
        var k = countPairs(st, l._gmDays);
        shown += k > 0 ? 1 : 0;
        setShown(group, l, k > 0);
      });
      this.shown = shown;
    }
  });
};

GM.regions = function (map, group, data) {
  var st = state(map), layers = [];
  function colour(k) {
    if (k <= 0) { return null; }
    for (var j = 0; j < data.bins.length; j++) { if (k <= data.bins[j]) { return data.colours[j]; } }
    return data.colours[data.colours.length - 1];
  }
  var pn = data.pane || ["gm-regions", 350];
  L.geoJSON(data.fc, {
    pane: pane(map, pn[0], pn[1]),
    style: function () { return {color: data.line || "#7a3b2e", weight: data.weight || 0.8, fillOpacity: data.opacity || 0.6}; },
    onEachFeature: function (f, l) {
      l._gmKind = data.kind || "regions"; l._gmOn = false; l._gmK = 0;
      if (f.properties.p) { l.bindPopup(f.properties.p, {maxWidth: 380}); }
      l.bindTooltip(function () {
        return "<b>" + f.properties.n + "</b><br>" + l._gmK.toLocaleString("en") + " " +
          (l._gmK === 1 && data.unit1 ? data.unit1 : data.unit);
      }, {sticky: true});
      layers.push(l);
    }
  });
  return register(map, {
    name: data.name, shown: 0,
    refresh: function () {
      var shown = 0;
      layers.forEach(function (l) {
        var k = countPairs(st, l.feature.properties.b);
        l._gmK = k;
        if (k > 0) { l.setStyle({fillColor: colour(k)}); shown += 1; }
        setShown(group, l, k > 0);
      });
      this.shown = shown;
    }
  });
};

/* ---- movements: directed lines with an arrowhead at the destination ---- */
GM.flows = function (map, group, data) {
  var st = state(map), n = data.x0.length, items = [];
  for (var i = 0; i < n; i++) {
    var line = L.polyline([[data.y0[i], data.x0[i]], [data.y1[i], data.x1[i]]],
      {color: data.colour, weight: 2, opacity: 0.85, lineCap: "round"});
    var head = L.marker([data.y1[i], data.x1[i]], {keyboard: false, icon: L.divIcon({
      className: "gm-arrow", iconSize: [22, 22], iconAnchor: [11, 11],
      html: '<svg width="22" height="22" viewBox="0 0 22 22" style="transform:rotate(' + (-data.a[i]) +
        'deg)"><path d="M11 11L1 5.5L4 11L1 16.5Z" fill="' + data.colour + '"/></svg>'})});
    var g = L.featureGroup([line, head]);
    g._gmKind = "flows"; g._gmOn = false;
    g.bindTooltip(data.t[i], {sticky: true});
    g.bindPopup(data.p[i], {maxWidth: 380});
    items.push(g);
  }
  return register(map, {
    name: data.name, shown: 0,
    refresh: function () {
      var shown = 0;
      for (var j = 0; j < n; j++) {
        var g = items[j], k = countPairs(st, data.b[j]);
        shown += k;
        if (k > 0) { g.eachLayer(function (l) { if (l.setStyle) { l.setStyle({weight: 1.5 + 1.6 * Math.sqrt(k)}); } }); }
        setShown(group, g, k > 0);
      }
      this.shown = shown;
    }
  });
};

/* ---- heat map of every event layer's points (or grid cells, weighted) ---- */
GM.heat = function (map, group, data) {
  var st = state(map), heat = L.heatLayer([], {radius: 16, blur: 20, minOpacity: 0.35, maxZoom: 9});
  group.addLayer(heat);
  return register(map, {
    name: data.name, shown: 0,
    refresh: function () {
      var pts = [];
      st.events.forEach(function (e) {
        for (var j = 0; j < e.x.length; j++) {
          if (e.mode === "grid") {
            var k = countPairs(st, e.b[j]);
            if (k > 0) { pts.push([e.y[j], e.x[j], k]); }
          } else if (visibleDay(st, e.d[j])) { pts.push([e.y[j], e.x[j], 1]); }
        }
      });
      heat.setLatLngs(pts);
      this.shown = pts.length;
    }
  });
};

/* ---- basemap: Natural Earth countries in a pane under any tile layer ---- */
GM.basemap = function (map, group, data) {
  var st = state(map);
  st.countries = data.fc;
  L.geoJSON(data.fc, {
    pane: pane(map, "gm-basemap", 150),
    renderer: L.canvas({pane: "gm-basemap", padding: 0.3}),
    style: function () { return {color: "#a8a29a", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1}; },
    onEachFeature: function (f, l) { l.bindTooltip(f.properties.n, {sticky: true, className: "gm-country-tip"}); }
  }).addTo(group);
  if (data.attribution && map.attributionControl) { map.attributionControl.addAttribution(data.attribution); }
  map.getContainer().style.background = "#cfe0ea";
};

GM.minimap = function (map) {
  var st = state(map);
  if (!L.Control.MiniMap || !st.countries) { return; }
  var layer = L.geoJSON(st.countries, {interactive: false, renderer: L.canvas({padding: 0.1}),
    style: function () { return {color: "#a8a29a", weight: 0.4, fillColor: "#f4f1ea", fillOpacity: 1}; }});
  var mini = new L.Control.MiniMap(layer, {toggleDisplay: true, position: "bottomright",
    width: 160, height: 120, zoomLevelOffset: -4, minimized: true,
    aimingRectOptions: {color: "#b2182b", weight: 1.5}});
  mini.addTo(map);
  var mm = mini._miniMap;
  mm.getContainer().style.background = "#cfe0ea";
  // the plugin grows its box on opening but never tells its map, which keeps the folded size
  // and draws one corner of an empty blue box: resize and recentre it while it opens and
  // once it is open
  function refit() {
    if (mini._minimized) { return; }
    mm.invalidateSize({animate: false, pan: false});
    mm.setView(map.getCenter(), Math.max(0, map.getZoom() + mini.options.zoomLevelOffset),
               {animate: false});
  }
  mini.on("restore", refit);
  mini._toggleDisplayButton.addEventListener("click", function () {
    setTimeout(refit, 0); setTimeout(refit, 400);
  });
  st.minimap = mini;  // GM.layoutPanels keeps room for it opened
};

/* ---- controls: title, legend, time range, place search ---- */
function control(map, position, className, html) {
  var C = L.Control.extend({onAdd: function () {
    var div = L.DomUtil.create("div", className);
    div.innerHTML = html;
    L.DomEvent.disableClickPropagation(div);
    L.DomEvent.disableScrollPropagation(div);
    return div;
  }});
  var c = new C({position: position});
  c.addTo(map);
  return c.getContainer();
}

GM.title = function (map, html) { control(map, "topleft", "gm-title", html); };
GM.legend = function (map, html) { control(map, "bottomright", "gm-legend", html); };

/* GM.timeline: see runtime_timeline_js.py */

GM.search = function (map, data) {
  var id = "gm-places-" + L.stamp(map), labels = data.l || [];
  // names arrive HTML-escaped; an alias's label is the place it goes to
  var html = '<input type="search" class="gm-search-box" placeholder="Find a place\u2026" list="' + id +
    '" aria-label="find a place"><datalist id="' + id + '">' +
    data.n.map(function (n, i) {
      return '<option value="' + n + '"' + (labels[i] ? ' label="\u2192 ' + labels[i] + '"' : "") + ">";
    }).join("") + '</datalist><div class="gm-search-msg" role="status" hidden></div>';
  var div = control(map, "topleft", "gm-search", html);
  var box = div.querySelector("input"), msg = div.querySelector(".gm-search-msg"), index = {};
  // one key for the spellings a reader types: case, spaces and apostrophes (' \u2019 \u02bc ...)
  function key(s) {
    return s.normalize("NFC").trim().toLowerCase().replace(/[\u2019\u2018\u02bc\u02b9\u0060\u00b4\u2032]/g, "'")
      .replace(/\s+/g, " ");
  }
  var keys = [];
  div.querySelectorAll("option").forEach(function (o, i) {
    var k = key(o.value);
    keys.push(k);
    if (index[k] === undefined) { index[k] = i; }
  });
  function say(text) { msg.textContent = text; msg.hidden = !text; }
  function go() {
    var q = key(box.value);
    if (!q) { box.classList.remove("gm-miss"); say(""); return; }
    var i = index[q], hits = [];
    if (i === undefined && q.length >= 3) {  // one name that starts so: take it
      for (var j = 0; j < keys.length && hits.length < 2; j++) {
        if (keys[j].lastIndexOf(q, 0) === 0) { hits.push(j); }
      }
      if (hits.length === 1) { i = hits[0]; }
    }
    if (i === undefined) {
      box.classList.add("gm-miss");
      say(hits.length ? "several places start with \u201c" + box.value.trim() + "\u201d: pick one from the list"
        : "\u201c" + box.value.trim() + "\u201d is not on this map");
      return;
    }
    box.classList.remove("gm-miss");
    say("");
    var z = data.z[i], b = data.b[i];
    if (b) { map.flyToBounds([[b[1], b[0]], [b[3], b[2]]], {maxZoom: z, duration: 0.6}); }
    else { map.flyTo([data.y[i], data.x[i]], z, {duration: 0.6}); }
  }
  box.addEventListener("change", go);
  box.addEventListener("keydown", function (e) { if (e.key === "Enter") { go(); } });
  box.addEventListener("input", function () { if (!box.value) { box.classList.remove("gm-miss"); say(""); } });
};
})();
"""

CSS = """
.gm-popup{font:13px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;max-height:320px;overflow:auto}
.gm-popup ul{padding-left:16px;margin:6px 0 0}.gm-popup li{margin-bottom:6px}
.gm-popup mark{background:#ffe08a;padding:0 1px}.gm-popup q{color:#333}
.gm-sub,.gm-date,.gm-prov{color:#666;font-size:12px}.gm-prov{margin-top:4px}
.gm-type{border-left:4px solid #999;padding-left:6px;font-weight:600;text-transform:uppercase;
 font-size:11px;letter-spacing:.04em;color:#444;margin-bottom:3px}
.gm-actors{color:#333}.gm-text{margin:4px 0}.gm-src{font-size:12px}
.gm-icon{background:none;border:0}.gm-icon svg{display:block;filter:drop-shadow(0 1px 1px rgba(0,0,0,.35))}
.gm-arrow{background:none;border:0}
.gm-cluster div{width:100%;height:100%;border-radius:50%;opacity:.88;display:flex;align-items:center;
 justify-content:center;box-shadow:0 0 0 3px rgba(255,255,255,.7)}
.gm-cluster span{color:#fff;font:600 12px system-ui,"DejaVu Sans",sans-serif}
.gm-title,.gm-legend,.gm-time,.gm-search{background:rgba(255,255,255,.94);border-radius:6px;
 box-shadow:0 1px 4px rgba(0,0,0,.3);font:12px/1.35 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#222}
.gm-title{padding:8px 12px;max-width:380px}.gm-title h1{font-size:17px;margin:0 0 2px;line-height:1.2}
.gm-title p{margin:0;color:#555}
.gm-legend{padding:8px 10px;max-width:230px;max-height:60vh;overflow:auto}
.gm-legend h4{margin:6px 0 3px;font-size:11px;text-transform:uppercase;letter-spacing:.05em;color:#555}
.gm-legend h4:first-child{margin-top:0}
.gm-legend .row{display:flex;align-items:center;gap:6px;margin:2px 0}
.gm-legend .dot{width:12px;height:12px;border-radius:50%;border:1.5px solid #fff;box-shadow:0 0 0 1px #bbb;flex:none}
.gm-legend .sw{width:18px;height:11px;flex:none;border:1px solid #bbb}
.gm-legend svg{flex:none}.gm-legend .note{margin-top:6px;color:#555;font-size:11px;border-top:1px solid #ddd;padding-top:5px}
.gm-search{padding:4px}.gm-search-box{width:180px;border:1px solid #bbb;border-radius:4px;padding:4px 6px;font-size:13px}
.gm-search-box.gm-miss{border-color:#c0392b}
.gm-search-msg{color:#a93226;font-size:12px;margin:3px 2px 0;max-width:180px;overflow-wrap:anywhere}
.leaflet-control-layers-expanded{font:12px/1.5 system-ui,"DejaVu Sans",sans-serif;max-height:52vh;overflow:auto;max-width:330px}
.leaflet-control-layers-overlays label{line-height:1.3;margin:2px 0}
.leaflet-container{font-family:system-ui,"DejaVu Sans",sans-serif}
"""
