/* The leisure map's own script: clusters the places, and talks to the kiosk through QWebChannel only.
 *
 * Every string that comes from content is written with textContent or as a property (never innerHTML).
 * Commands from the kiosk are validated here too: unknown ids, categories or shapes are ignored.
 */
(function () {
  "use strict";

  var MAX_ID = 200;
  var state = {
    map: null,
    data: null,
    cluster: null,
    markers: new Map(), // id -> marker
    all: [], // markers in the page's order
    here: null,
    circle: null,
    bridge: null,
    focused: null,
    lang: "fr",
    categories: [],
    radius: 0,
  };

  function nameOf(place) {
    var names = place.n || {};
    return names[state.lang] || names.fr || Object.values(names)[0] || "";
  }

  var PinIcon = L.DivIcon.extend({
    createIcon: function (old) {
      var div = L.DivIcon.prototype.createIcon.call(this, old);
      div.textContent = this.options.glyph;
      return div;
    },
  });

  function clusterIcon(cluster) {
    var div = document.createElement("div");
    var span = document.createElement("span");
    span.textContent = String(cluster.getChildCount());
    div.appendChild(span);
    return L.divIcon({ html: div, className: "kiosk-cluster", iconSize: L.point(64, 64) });
  }

  function glyph(category) {
    var p = state.data.pictograms || {};
    return Object.prototype.hasOwnProperty.call(p, category) ? p[category] : p[""] || "•";
  }

  function makeMarker(place) {
    var icon = new PinIcon({ glyph: glyph(place.c), className: "kiosk-pin", iconSize: [56, 56], iconAnchor: [28, 28] });
    var marker = L.marker([place.lat, place.lon], { icon: icon, title: nameOf(place), alt: nameOf(place), keyboard: false });
    marker.kiosk = place;
    marker.on("click", function () {
      if (state.bridge) state.bridge.markerClicked(place.id);
    });
    return marker;
  }

  function visible(marker) {
    var p = marker.kiosk;
    if (state.categories.length && state.categories.indexOf(p.c) < 0) return false;
    return !(state.radius > 0 && p.d > state.radius);
  }

  function applyFilter() {
    var t0 = performance.now();
    // Only the difference moves: markers already shown stay in their clusters.
    var add = [];
    var remove = [];
    var count = 0;
    state.all.forEach(function (marker) {
      var wanted = visible(marker);
      if (wanted) count += 1;
      if (wanted && !marker.kioskShown) add.push(marker);
      else if (!wanted && marker.kioskShown) remove.push(marker);
      marker.kioskShown = wanted;
    });
    if (remove.length) state.cluster.removeLayers(remove);
    if (add.length) state.cluster.addLayers(add);
    if (state.radius > 0) {
      state.circle.setRadius(state.radius);
      if (!state.map.hasLayer(state.circle)) state.circle.addTo(state.map);
    } else if (state.map.hasLayer(state.circle)) {
      state.map.removeLayer(state.circle);
    }
    if (state.focused && !visible(state.focused)) unfocus();
    return { count: count, ms: performance.now() - t0 };
  }

  function unfocus() {
    if (state.focused) {
      var el = state.focused.getElement();
      if (el) el.classList.remove("kiosk-focused");
      state.focused.setZIndexOffset(0);
    }
    state.focused = null;
  }

  function focus(id) {
    var marker = state.markers.get(id);
    if (!marker || !visible(marker)) return false;
    unfocus();
    state.focused = marker;
    marker.setZIndexOffset(1000);
    state.cluster.zoomToShowLayer(marker, function () {
      var el = marker.getElement();
      if (el) el.classList.add("kiosk-focused");
      if (state.bridge) state.bridge.focusDone(id);
    });
    return true;
  }

  // -- commands from the kiosk, validated ------------------------------------------------------

  function onFilter(categoriesJson, radius) {
    var categories;
    try {
      categories = JSON.parse(categoriesJson);
    } catch (e) {
      return;
    }
    if (!Array.isArray(categories) || !categories.every(function (c) { return typeof c === "string"; })) return;
    if (typeof radius !== "number" || !isFinite(radius) || radius < 0) return;
    state.categories = categories.slice(0, 50);
    state.radius = radius;
    var result = applyFilter();
    state.bridge.filterDone(result.count, result.ms);
  }

  function onFocus(id) {
    if (typeof id !== "string" || id.length > MAX_ID) return;
    if (id === "") {
      unfocus();
      return;
    }
    focus(id);
  }

  function onZoom(delta) {
    if (delta === 1) state.map.zoomIn();
    else if (delta === -1) state.map.zoomOut();
  }

  function onRecenter() {
    state.map.setView(state.data.origin, state.data.startZoom);
  }

  // -- the theme: CSS custom properties made from the kiosk's design tokens (kiosk.tokens.map_variables) --

  var THEME_NAME = /^--kiosk-[a-z0-9-]{1,40}$/;
  var THEME_VALUE = /^[#(),.%\w\s"+\-/]{0,120}$/;

  function applyTheme(theme) {
    if (typeof theme !== "object" || theme === null) return;
    var style = document.documentElement.style;
    Object.keys(theme).forEach(function (name) {
      var value = theme[name];
      if (THEME_NAME.test(name) && typeof value === "string" && THEME_VALUE.test(value)) {
        style.setProperty(name, value);
      }
    });
  }

  function onTheme(themeJson) {
    try {
      applyTheme(JSON.parse(themeJson));
    } catch (e) {
      return;
    }
  }

  function onTexts(textsJson) {
    var texts;
    try {
      texts = JSON.parse(textsJson);
    } catch (e) {
      return;
    }
    if (typeof texts !== "object" || texts === null) return;
    if (typeof texts.lang === "string") state.lang = texts.lang;
    if (typeof texts.here === "string") {
      var el = state.here.getElement();
      var label = el && el.querySelector(".kiosk-here-label");
      if (label) label.textContent = texts.here;
      state.hereText = texts.here;
    }
    state.all.forEach(function (marker) {
      var name = nameOf(marker.kiosk);
      marker.options.title = name;
      marker.options.alt = name;
      var icon = marker.getElement();
      if (icon) icon.title = name;
    });
  }

  // -- tiles: the kiosk-tile: scheme, answered by the kiosk from its cache ------------------------------

  function addTiles(map) {
    var template = state.data.tiles;
    if (typeof template !== "string" || template.indexOf("kiosk-tile:") !== 0) return;
    var layer = L.tileLayer(template, {
      tileSize: 256,
      minZoom: state.data.minZoom,
      maxZoom: state.data.maxZoom,
      attribution: "",
      className: "kiosk-tiles",
    });
    // A tile that fails stays hidden (Leaflet shows a tile once loaded): the plain background and outlines show.
    layer.on("tileload", function () { document.body.classList.remove("kiosk-no-tiles"); });
    layer.on("tileerror", function () { document.body.classList.add("kiosk-no-tiles"); });
    layer.addTo(map).bringToBack();
  }

  // -- start --------------------------------------------------------------------------------------

  var HereIcon = L.DivIcon.extend({
    createIcon: function (old) {
      var div = L.DivIcon.prototype.createIcon.call(this, old);
      var dot = document.createElement("span");
      dot.className = "kiosk-here-dot";
      var label = document.createElement("span");
      label.className = "kiosk-here-label";
      label.textContent = state.hereText || "";
      div.appendChild(dot);
      div.appendChild(label);
      return div;
    },
  });

  function start(map) {
    state.map = map;
    state.data = JSON.parse(document.getElementById("kiosk-data").textContent);
    applyTheme(state.data.theme);
    map.attributionControl.setPrefix(false);
    L.control.scale({ imperial: false }).addTo(map);
    addTiles(map);
    // Attribution as text: Leaflet's control writes its strings as HTML, so ours is escaped first.
    var credit = document.createElement("span");
    credit.textContent = state.data.attribution;
    map.attributionControl.addAttribution(credit.innerHTML);
    state.cluster = L.markerClusterGroup({
      chunkedLoading: true,
      showCoverageOnHover: false,
      spiderfyOnMaxZoom: true,
      maxClusterRadius: 60,
      iconCreateFunction: clusterIcon,
    });
    state.data.places.forEach(function (place) {
      if (typeof place.id !== "string" || state.markers.has(place.id)) return;
      var marker = makeMarker(place);
      state.markers.set(place.id, marker);
      state.all.push(marker);
    });
    state.circle = L.circle(state.data.origin, { radius: 1000, className: "kiosk-radius", weight: 3, fillOpacity: 0.06, interactive: false });
    state.here = L.marker(state.data.origin, {
      icon: new HereIcon({ className: "kiosk-here", iconSize: [40, 40], iconAnchor: [20, 20] }),
      interactive: false,
      keyboard: false,
      zIndexOffset: 2000,
    }).addTo(map);
    state.cluster.addTo(map);
    applyFilter();
    window.kioskState = state; // for the tests' runJavaScript probes
    new QWebChannel(qt.webChannelTransport, function (channel) {
      var bridge = channel.objects.bridge;
      state.bridge = bridge;
      bridge.filterRequested.connect(onFilter);
      bridge.focusRequested.connect(onFocus);
      bridge.zoomRequested.connect(onZoom);
      bridge.recenterRequested.connect(onRecenter);
      bridge.textsChanged.connect(onTexts);
      bridge.themeChanged.connect(onTheme);
      bridge.pageReady(state.all.length, performance.now());
    });
  }

  window.kioskMap = { start: start };
})();
