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
    cluster: null, // the cluster group on the map: the current filter's
    markers: new Map(), // id -> marker, in the group of every place
    all: [], // markers in the page's order
    groups: new Map(), // filter key -> {key, group, markers: Map id -> marker, size, used}
    shown: null, // the groups entry of the current filter
    timings: {},
    here: null,
    circle: null,
    bridge: null,
    focused: null,
    lang: "fr",
    categories: [],
    radius: 0,
    game: null, // the discovery game's markers, while an activity's map step is shown
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

  // One icon per pictogram, shared by its markers (an icon only describes the element each marker makes).
  var pinIcons = new Map();

  function pinIcon(category) {
    var g = glyph(category);
    var icon = pinIcons.get(g);
    if (!icon) {
      icon = new PinIcon({ glyph: g, className: "kiosk-pin", iconSize: [56, 56], iconAnchor: [28, 28] });
      pinIcons.set(g, icon);
    }
    return icon;
  }

  function makeMarker(place) {
    var icon = pinIcon(place.c);
    var marker = L.marker([place.lat, place.lon], { icon: icon, title: nameOf(place), alt: nameOf(place), keyboard: false });
    marker.kiosk = place;
    marker.on("click", function () {
      if (state.bridge) state.bridge.markerClicked(place.id);
    });
    return marker;
  }

  // -- filters: one cluster group per filter, clustered once ------------------------------------------
  //
  // markercluster's addLayers/removeLayers cost grows with the markers they move (thousands of them: hundreds of
  // ms), while putting an already clustered group on the map costs only what is on screen. So each filter has
  // its own group, with markers of its own (a marker belongs to one cluster group): "everything" is clustered at
  // start, every single category and distance when the page is idle, any other filter the first time it is
  // asked for; all are kept, up to MAX_CACHED_MARKERS markers (the oldest other groups go first).

  var MAX_CACHED_MARKERS = 40000;

  // markercluster keeps on the page what lies within the view grown by its own size on every side (nine views'
  // worth: 600 markers and clusters with everything shown at zoom 15, 50 ms to swap); a third of it on each side
  // is enough for a pan, and it adds what comes into view when the pan ends.
  var KioskClusterGroup = L.MarkerClusterGroup.extend({
    _getExpandedVisibleBounds: function () {
      return this._checkBoundsMaxLat(this._map.getBounds().pad(0.34));
    },
  });

  function newGroup() {
    return new KioskClusterGroup({
      chunkedLoading: false,
      showCoverageOnHover: false,
      spiderfyOnMaxZoom: true,
      maxClusterRadius: 60,
      iconCreateFunction: clusterIcon,
    });
  }

  function filterKey(categories, radius) {
    return categories.slice().sort().join("\n") + "|" + radius;
  }

  function matches(place, categories, radius) {
    if (categories.length && categories.indexOf(place.c) < 0) return false;
    return !(radius > 0 && place.d > radius);
  }

  function visible(marker) {
    return matches(marker.kiosk, state.categories, state.radius);
  }

  function cachedMarkers() {
    var total = 0;
    state.groups.forEach(function (entry) { total += entry.size; });
    return total;
  }

  function makeRoom(keep) {
    var others = [];
    state.groups.forEach(function (entry) {
      if (entry.markers !== state.markers && entry !== state.shown && entry !== keep) others.push(entry);
    });
    others.sort(function (a, b) { return a.used - b.used; });
    var total = cachedMarkers();
    while (total > MAX_CACHED_MARKERS && others.length) {
      var old = others.shift();
      state.groups.delete(old.key);
      total -= old.size;
    }
  }

  // The group for a filter, clustered (put on the map, and taken off at once unless ``keep``: nothing is painted
  // between).
  function groupFor(categories, radius, keep) {
    var key = filterKey(categories, radius);
    var entry = state.groups.get(key);
    if (entry) return entry;
    var everything = !categories.length && !radius;
    var markers = everything ? state.markers : new Map();
    var list = [];
    if (everything) {
      list = state.all;
    } else {
      state.all.forEach(function (m) {
        if (!matches(m.kiosk, categories, radius)) return;
        var marker = makeMarker(m.kiosk);
        markers.set(m.kiosk.id, marker);
        list.push(marker);
      });
    }
    entry = { key: key, group: newGroup(), markers: markers, size: list.length, used: 0 };
    entry.group.addLayers(list); // off the map: only queued
    state.map.addLayer(entry.group); // clusters them
    if (!keep) state.map.removeLayer(entry.group);
    state.groups.set(key, entry);
    makeRoom(entry);
    return entry;
  }

  function applyFilter() {
    var t0 = performance.now();
    var focusedId = state.focused ? state.focused.kiosk.id : "";
    var onMap = !state.game && (state.cluster === null || state.map.hasLayer(state.cluster));
    var entry = groupFor(state.categories, state.radius, onMap);
    entry.used = t0;
    if (entry !== state.shown) {
      unfocus();
      if (state.cluster && state.map.hasLayer(state.cluster)) state.map.removeLayer(state.cluster);
      state.shown = entry;
      state.cluster = entry.group;
      if (onMap) state.map.addLayer(entry.group);
      var again = focusedId && entry.markers.get(focusedId);
      if (again) {
        // Still shown: marked again, without moving the map.
        state.focused = again;
        again.setZIndexOffset(1000);
        var el = again.getElement();
        if (el) el.classList.add("kiosk-focused");
      }
    }
    if (state.radius > 0) {
      state.circle.setRadius(state.radius);
      if (!state.map.hasLayer(state.circle)) state.circle.addTo(state.map);
    } else if (state.map.hasLayer(state.circle)) {
      state.map.removeLayer(state.circle);
    }
    return { count: entry.size, ms: performance.now() - t0 };
  }

  // When the page is idle: the groups of every single category, then of every distance, one per idle moment.
  function prebuild() {
    var wanted = [];
    var counts = new Map();
    state.all.forEach(function (m) { counts.set(m.kiosk.c, (counts.get(m.kiosk.c) || 0) + 1); });
    Array.from(counts.keys()).sort(function (a, b) { return counts.get(b) - counts.get(a); }).forEach(function (c) {
      wanted.push([[c], 0]);
    });
    (state.data.radii || []).forEach(function (r) {
      if (typeof r === "number" && r > 0) wanted.push([[], r]);
    });
    var idle = window.requestIdleCallback || function (fn) { return setTimeout(fn, 50); };
    function next() {
      if (!wanted.length) {
        state.prebuilt = true;
        return;
      }
      if (state.game || state.map._animatingZoom) {
        idle(next, { timeout: 1000 });
        return;
      }
      var w = wanted.shift();
      if (cachedMarkers() < MAX_CACHED_MARKERS) groupFor(w[0], w[1], false);
      idle(next, { timeout: 1000 });
    }
    idle(next, { timeout: 1000 });
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
    var marker = state.shown ? state.shown.markers.get(id) : null;
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
    // The third number is the page's own clock (ms since the epoch): the benchmark compares it with the tap's.
    state.bridge.filterDone(result.count, result.ms, performance.timeOrigin + performance.now());
  }

  function onFocus(id) {
    if (typeof id !== "string" || id.length > MAX_ID || state.game) return;
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
    if (state.game) fitGame();
    else state.map.setView(state.data.origin, state.data.startZoom);
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
    if (state.game) fitGame(); // the game's markers and names may have changed size
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
    state.groups.forEach(function (entry) {
      entry.markers.forEach(function (marker) {
        var name = nameOf(marker.kiosk);
        marker.options.title = name;
        marker.options.alt = name;
        var icon = marker.getElement();
        if (icon) icon.title = name;
      });
    });
    if (state.game) {
      state.game.markers.forEach(function (marker) {
        var el = marker.getElement();
        var span = el && el.querySelector(".kiosk-game-name");
        if (span) span.textContent = nameOf(marker.kiosk);
      });
    }
  }

  // -- the discovery game: only a step's candidate places, as big named markers ------------------------
  //
  // A map step of a school activity shows its few candidates (never the clusters), the kiosk in the middle,
  // and, with the last hint, a search zone. A tap goes to the kiosk through markerClicked like any marker.

  var MAX_GAME = 8;
  var MAX_ZONE_M = 5000;

  var GameIcon = L.DivIcon.extend({
    createIcon: function (old) {
      var div = L.DivIcon.prototype.createIcon.call(this, old);
      var glyphEl = document.createElement("span");
      glyphEl.className = "kiosk-game-glyph";
      glyphEl.textContent = this.options.glyph;
      var name = document.createElement("span");
      name.className = "kiosk-game-name";
      name.textContent = this.options.name;
      div.appendChild(glyphEl);
      div.appendChild(name);
      div.setAttribute("data-place", this.options.placeId);
      return div;
    },
  });

  function gameMarker(place) {
    var icon = new GameIcon({
      glyph: glyph(place.c),
      name: nameOf(place),
      placeId: place.id,
      className: "kiosk-game-pin",
      iconSize: [88, 88],
      iconAnchor: [44, 44],
    });
    var marker = L.marker([place.lat, place.lon], { icon: icon, title: nameOf(place), alt: nameOf(place), keyboard: false, riseOnHover: true });
    marker.kiosk = place;
    marker.on("click", function () {
      if (state.bridge) state.bridge.markerClicked(place.id);
    });
    return marker;
  }

  function validZone(zone) {
    if (!Array.isArray(zone) || zone.length !== 3) return null;
    if (!zone.every(function (v) { return typeof v === "number" && isFinite(v); })) return null;
    if (Math.abs(zone[0]) > 90 || Math.abs(zone[1]) > 180 || zone[2] <= 0 || zone[2] > MAX_ZONE_M) return null;
    return zone;
  }

  var GAME_PADDING = 100; // px kept around the markers and their names
  var GAME_MAX_ZOOM = 16;

  function fitGame() {
    // The kiosk and every candidate in view: centred on the kiosk when that costs no zoom level.
    if (!state.game) return;
    var map = state.map;
    map.invalidateSize({ animate: false });
    var g = state.game;
    var first = g.markers.get(g.ids[0]).getElement();
    var padding = Math.max(GAME_PADDING, Math.round((first ? first.offsetWidth : 0) * 1.2)); // markers grow with A+
    var pad = L.point(2 * padding, 2 * padding);
    if (g.zone) {
      map.fitBounds(g.zone.getBounds(), { padding: [padding, padding], maxZoom: GAME_MAX_ZOOM, animate: false });
    } else {
      var o = L.latLng(state.data.origin);
      var tight = L.latLngBounds([o]);
      var around = L.latLngBounds([o]);
      g.ids.forEach(function (id) {
        var p = state.markers.get(id).kiosk;
        tight.extend([p.lat, p.lon]);
        around.extend([p.lat, p.lon]);
        around.extend([2 * o.lat - p.lat, 2 * o.lng - p.lon]); // its mirror image through the kiosk
      });
      var zoomAround = Math.min(GAME_MAX_ZOOM, map.getBoundsZoom(around, false, pad));
      var zoomTight = Math.min(GAME_MAX_ZOOM, map.getBoundsZoom(tight, false, pad));
      if (zoomAround >= zoomTight) map.setView(o, zoomAround, { animate: false });
      else map.fitBounds(tight, { padding: [padding, padding], maxZoom: GAME_MAX_ZOOM, animate: false });
    }
    placeNames();
  }

  function boxOf(element, origin) {
    var r = element.getBoundingClientRect();
    return { l: r.left - origin.left, t: r.top - origin.top, r: r.right - origin.left, b: r.bottom - origin.top };
  }

  function overlap(a, b) {
    var w = Math.min(a.r, b.r) - Math.max(a.l, b.l);
    var h = Math.min(a.b, b.b) - Math.max(a.t, b.t);
    return w > 0 && h > 0 ? w * h : 0;
  }

  function placeNames() {
    // Names at full size first; if some still cover each other (large text on a small map), once more at the
    // compact size (three quarters of it, never under the 100 % size).
    if (!state.game) return;
    document.body.classList.remove("kiosk-game-compact");
    if (!layOutNames()) {
      document.body.classList.add("kiosk-game-compact");
      layOutNames();
    }
  }

  function layOutNames() {
    // Each name below its marker, or where it covers the least of the other markers, names and the kiosk's
    // « Vous êtes ici » (above, right, left), inside the map. Markers from the top of the map down.
    // True when every name found a place that covers nothing.
    var map = state.map;
    var size = map.getSize();
    var origin = map.getContainer().getBoundingClientRect();
    var bounds = { l: 0, t: 0, r: size.x, b: size.y };
    var taken = [];
    var here = state.here.getElement();
    if (here) {
      taken.push(boxOf(here, origin));
      var hereLabel = here.querySelector(".kiosk-here-label");
      if (hereLabel) taken.push(boxOf(hereLabel, origin));
    }
    var markers = [];
    state.game.markers.forEach(function (marker) {
      var el = marker.getElement();
      if (!el) return;
      taken.push(boxOf(el.querySelector(".kiosk-game-glyph") || el, origin));
      markers.push({ el: el, c: map.latLngToContainerPoint(marker.getLatLng()) });
    });
    markers.sort(function (a, b) { return a.c.y - b.c.y; });
    var clear = true;
    markers.forEach(function (m) {
      var name = m.el.querySelector(".kiosk-game-name");
      if (!name) return;
      var R = m.el.offsetWidth / 2;
      var gap = R + 8; // --kiosk-space-xs at 1080p
      var w = name.offsetWidth;
      var h = name.offsetHeight;
      var x = m.c.x;
      var y = m.c.y;
      var places = [
        ["below", { l: x - w / 2, t: y + gap, r: x + w / 2, b: y + gap + h }],
        ["above", { l: x - w / 2, t: y - gap - h, r: x + w / 2, b: y - gap }],
        ["right", { l: x + gap, t: y - h / 2, r: x + gap + w, b: y + h / 2 }],
        ["left", { l: x - gap - w, t: y - h / 2, r: x - gap, b: y + h / 2 }],
      ];
      var best = null;
      places.forEach(function (p) {
        var box = p[1];
        var cost = w * h - overlap(box, bounds); // what would be off the map
        taken.forEach(function (o) { cost += overlap(box, o); });
        if (best === null || cost < best.cost) best = { at: p[0], box: box, cost: cost };
      });
      m.el.setAttribute("data-name-at", best.at);
      taken.push(best.box);
      clear = clear && best.cost === 0;
    });
    return clear;
  }

  function leaveGame() {
    if (!state.game) return;
    state.map.removeLayer(state.game.layer);
    if (state.game.zone) state.map.removeLayer(state.game.zone);
    state.game = null;
    document.body.classList.remove("kiosk-game");
    state.cluster.addTo(state.map);
    applyFilter();
  }

  function onGame(gameJson) {
    var game = null;
    if (gameJson !== "") {
      try {
        game = JSON.parse(gameJson);
      } catch (e) {
        return;
      }
    }
    if (game === null) {
      leaveGame();
      return;
    }
    if (typeof game !== "object" || !Array.isArray(game.ids)) return;
    var ids = [];
    game.ids.forEach(function (id) {
      if (typeof id === "string" && id.length <= MAX_ID && state.markers.has(id) && ids.indexOf(id) < 0) ids.push(id);
    });
    ids = ids.slice(0, MAX_GAME);
    if (!ids.length) return;
    var tried = Array.isArray(game.tried) ? game.tried.filter(function (id) { return typeof id === "string"; }) : [];
    var found = typeof game.found === "string" && ids.indexOf(game.found) >= 0 ? game.found : "";
    var zone = found ? null : validZone(game.zone);
    var same = state.game && state.game.ids.join("\n") === ids.join("\n");
    if (!same) {
      leaveGame();
      if (state.map.hasLayer(state.cluster)) state.map.removeLayer(state.cluster);
      if (state.map.hasLayer(state.circle)) state.map.removeLayer(state.circle);
      unfocus();
      var layer = L.layerGroup();
      var markers = new Map();
      ids.forEach(function (id) {
        var marker = gameMarker(state.markers.get(id).kiosk);
        markers.set(id, marker);
        layer.addLayer(marker);
      });
      state.game = { ids: ids, layer: layer, markers: markers, zone: null, zoneKey: "" };
      document.body.classList.add("kiosk-game");
      layer.addTo(state.map);
      fitGame();
    }
    var g = state.game;
    g.markers.forEach(function (marker, id) {
      var el = marker.getElement();
      if (!el) return;
      el.classList.toggle("kiosk-game-tried", !found && tried.indexOf(id) >= 0);
      el.classList.toggle("kiosk-game-found", id === found);
      el.classList.toggle("kiosk-game-rest", found !== "" && id !== found);
      marker.setZIndexOffset(id === found ? 1000 : 0);
    });
    var zoneKey = zone ? zone.join(",") : "";
    if (zoneKey !== g.zoneKey) {
      if (g.zone) state.map.removeLayer(g.zone);
      g.zone = null;
      g.zoneKey = zoneKey;
      if (zone) {
        g.zone = L.circle([zone[0], zone[1]], {
          radius: zone[2],
          className: "kiosk-game-zone",
          weight: 6,
          dashArray: "16 10",
          fillOpacity: 0.15,
          interactive: false,
        }).addTo(state.map);
      }
      fitGame();
    }
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
    var timings = { start: performance.now() }; // ms since the page started loading, for the benchmarks
    state.timings = timings;
    state.map = map;
    state.data = JSON.parse(document.getElementById("kiosk-data").textContent);
    applyTheme(state.data.theme);
    map.attributionControl.setPrefix(false);
    // Top left: the credits take the whole bottom edge at large text sizes, and would cover it.
    L.control.scale({ imperial: false, position: "topleft" }).addTo(map);
    addTiles(map);
    // Attribution as text: Leaflet's control writes its strings as HTML, so ours is escaped first.
    var credit = document.createElement("span");
    credit.textContent = state.data.attribution;
    map.attributionControl.addAttribution(credit.innerHTML);
    state.data.places.forEach(function (place) {
      if (typeof place.id !== "string" || state.markers.has(place.id)) return;
      var marker = makeMarker(place);
      state.markers.set(place.id, marker);
      state.all.push(marker);
    });
    timings.markers = performance.now();
    state.circle = L.circle(state.data.origin, { radius: 1000, className: "kiosk-radius", weight: 3, fillOpacity: 0.06, interactive: false });
    state.here = L.marker(state.data.origin, {
      icon: new HereIcon({ className: "kiosk-here", iconSize: [40, 40], iconAnchor: [20, 20] }),
      interactive: false,
      keyboard: false,
      zIndexOffset: 2000,
    }).addTo(map);
    applyFilter(); // clusters every place and puts them on the map
    timings.clustered = performance.now();
    map.on("resize", function () {
      if (state.game) fitGame(); // the web view was laid out again: the candidates stay in view
    });
    map.on("zoomend", placeNames);
    window.kioskState = state; // for the tests' runJavaScript probes
    whenBridge(function (bridge) {
      state.bridge = bridge;
      timings.channel = performance.now();
      bridge.filterRequested.connect(onFilter);
      bridge.focusRequested.connect(onFocus);
      bridge.zoomRequested.connect(onZoom);
      bridge.recenterRequested.connect(onRecenter);
      bridge.textsChanged.connect(onTexts);
      bridge.themeChanged.connect(onTheme);
      if (bridge.gameRequested) bridge.gameRequested.connect(onGame);
      bridge.pageReady(state.all.length, performance.now());
      prebuild();
    });
  }

  // The channel's handshake (a round trip to the kiosk) starts as soon as this script runs, so that it overlaps
  // the rest of the page's loading and the clustering instead of following them.
  var channel = { bridge: null, waiting: null };
  function whenBridge(callback) {
    if (channel.bridge) callback(channel.bridge);
    else channel.waiting = callback;
  }
  new QWebChannel(qt.webChannelTransport, function (ch) {
    channel.bridge = ch.objects.bridge;
    if (channel.waiting) channel.waiting(channel.bridge);
  });

  window.kioskMap = { start: start };
})();
