/* The pictures: who accuses whom (a network) and timelines, drawn with Apache ECharts (served by newskg from
   /static/vendor/echarts/, installed from the npm registry by scripts/install_echarts.sh) from the JSON beside each
   chart (api/pictures.py). Without JavaScript, or without ECharts, the plain list under each picture stands in. */
(function () {
  "use strict";
  if (!window.echarts) { return; }
  var STATUS_COLOURS = { alleged: "#5f6b76", disputed: "#b3261e", denied: "#a15c00", confirmed: "#1f7a3a" };
  var MAX_EDGE_WIDTH = 5;
  var SMALL_NETWORK = 40;  // nodes: a bigger network is drawn smaller, tighter, and names only its busiest actors
  var LABELLED_FROM = 4;   // in a big network, only actors party to this many allegations are named (all on hover)

  function unique(values) {
    return values.filter(function (value, index) { return values.indexOf(value) === index; }).sort();
  }

  function escapeText(text) {
    var element = document.createElement("span");
    element.textContent = text == null ? "" : String(text);
    return element.innerHTML;
  }

  function edgeWidth(edge) {
    return Math.min(MAX_EDGE_WIDTH, 1 + 0.7 * Math.log2(1 + edge.supporting + edge.contesting));
  }

  function networkOption(data) {
    var kinds = unique(data.nodes.map(function (node) { return node.kind; }));
    var small = data.nodes.length <= SMALL_NETWORK;
    var position = {};
    data.nodes.forEach(function (node, index) { position[node.id] = String(index); });  // names may repeat
    return {
      aria: { enabled: true },
      tooltip: {
        formatter: function (item) {
          var d = item.data;
          if (item.dataType === "edge") {
            return escapeText(data.nodes[+d.source].name) + " → " + escapeText(data.nodes[+d.target].name) + "<br>" +
              escapeText(d.summary) + "<br>" + escapeText(d.status) + ": supported by " + d.supporting +
              ", contested by " + d.contesting + (d.date ? " · " + escapeText(d.date) : "");
          }
          return escapeText(d.name) + " (" + escapeText(d.kind) + "): " + d.allegations + " allegation(s)";
        }
      },
      legend: [{ data: kinds, top: 4, type: "scroll" }],
      series: [{
        type: "graph", layout: "force", roam: true, draggable: true, autoCurveness: true, top: 40, bottom: 10,
        zoom: small ? 1 : Math.max(0.3, Math.sqrt(SMALL_NETWORK / data.nodes.length)),
        force: small ? { repulsion: 420, edgeLength: [110, 220], gravity: 0.08, layoutAnimation: false }
                     : { repulsion: 170, edgeLength: [40, 120], gravity: 0.2, layoutAnimation: false },
        categories: kinds.map(function (kind) { return { name: kind }; }),
        edgeSymbol: ["none", "arrow"], edgeSymbolSize: 10,
        label: { position: "right", fontSize: 11, width: 140, overflow: "truncate" },
        emphasis: { focus: "adjacency", label: { show: true }, lineStyle: { opacity: 1 } },
        data: data.nodes.map(function (node) {
          return {
            id: position[node.id], name: node.name, kind: node.kind, href: node.href, allegations: node.allegations,
            category: kinds.indexOf(node.kind), symbolSize: 12 + 5 * Math.sqrt(node.allegations),
            label: { show: small || node.focus || node.allegations >= LABELLED_FROM },
            itemStyle: node.focus ? { borderColor: "#1d2125", borderWidth: 3 } : undefined
          };
        }),
        links: data.edges.map(function (edge) {
          return {
            source: position[edge.source], target: position[edge.target], href: edge.href, summary: edge.label,
            status: edge.status, supporting: edge.supporting, contesting: edge.contesting, date: edge.date,
            lineStyle: {
              color: STATUS_COLOURS[edge.status] || STATUS_COLOURS.alleged, width: edgeWidth(edge), opacity: 0.6,
              type: edge.contesting > edge.supporting ? "dashed" : "solid"
            }
          };
        })
      }]
    };
  }

  function timelineOption(data) {
    return {
      aria: { enabled: true },
      grid: { left: 8, right: 24, top: 16, bottom: 56, containLabel: true },
      tooltip: {
        formatter: function (item) {
          var d = item.data;
          return escapeText(d.value[0]) + " · " + escapeText(d.value[1]) + "<br>" + escapeText(d.label) +
            (d.article && d.article !== d.label ? "<br>in " + escapeText(d.article) : "") +
            (d.outlet && d.outlet !== d.value[1] ? " (" + escapeText(d.outlet) + ")" : "");
        }
      },
      xAxis: { type: "time" },
      yAxis: { type: "category", data: data.lanes, inverse: true, axisLabel: { width: 160, overflow: "truncate" } },
      dataZoom: [{ type: "inside" }, { type: "slider", height: 18, bottom: 8 }],
      series: data.lanes.map(function (lane) {
        return {
          type: "scatter", name: lane, symbolSize: 12,
          data: data.items.filter(function (item) { return item.lane === lane; }).map(function (item) {
            return {
              value: [item.date, lane], href: item.href, label: item.label, article: item.article,
              outlet: item.outlet,
              itemStyle: item.focus ? { borderColor: "#1d2125", borderWidth: 3 } : undefined
            };
          })
        };
      })
    };
  }

  function draw(figure) {
    var element = figure.querySelector(".chart");
    var source = figure.querySelector("script.picture-data");
    if (!element || !source) { return; }
    var data = JSON.parse(source.textContent);
    var network = data.picture === "network";
    if (network ? !data.edges.length : !data.items.length) { return; }
    figure.classList.add("drawn");
    if (!network) { element.style.height = (110 + 38 * data.lanes.length) + "px"; }
    var chart = window.echarts.init(element, null, { renderer: "svg" });
    chart.setOption(network ? networkOption(data) : timelineOption(data));
    chart.on("click", function (item) {
      if (item.data && item.data.href) { window.location.assign(item.data.href); }
    });
    window.addEventListener("resize", function () { chart.resize(); });
    var list = figure.querySelector("details.as-list");
    if (list) { list.open = false; }
    element.setAttribute("data-drawn", "true");
  }

  document.querySelectorAll("figure.picture").forEach(draw);
}());
