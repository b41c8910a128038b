// The live dashboard: polls /api/dashboard every 500 ms, keeps the last minute of figures and draws them on
// canvases. No library, nothing from the internet.
(() => {
  "use strict";
  const PollMilliseconds = 500;
  const HistoryLength = 120; // one minute
  const history = { backlog: [], inFlight: [], rate: [], remaining: [], p50: [], p95: [], p99: [] };
  const colors = {
    accent: "#ff4f1f", blue: "#4ea1ff", green: "#3fb950", yellow: "#d29922", red: "#f85149", purple: "#bc8cff",
    grid: "#243241", text: "#8b9bab"
  };
  const $ = id => document.getElementById(id);
  const setText = (id, value) => { const element = $(id); if (element.textContent !== String(value)) { element.textContent = value; } };
  const format = (value, digits = 0) => value === null || value === undefined ? "—" : Number(value).toFixed(digits);

  function push(series, value) {
    series.push(value === null || value === undefined ? null : Number(value));
    if (series.length > HistoryLength) { series.shift(); }
  }

  function render(data) {
    const client = data.client;
    const calls = data.calls;
    const demo = data.demo;

    const state = $("state");
    state.textContent = client.state;
    state.className = "value state-" + client.state;
    setText("health", "health: " + client.health);
    setText("backlog", client.backlog);
    setText("inFlight", client.inFlight);
    setText("peakBacklog", calls.peakBacklog);
    setText("peakInFlight", calls.peakInFlight);
    setText("rate", format(calls.callsPerSecond, 1));
    setText("completed", calls.completed);
    setText("failed", calls.failed);
    setText("retries", calls.retries);
    setText("p50", format(calls.p50Milliseconds));
    setText("p95", format(calls.p95Milliseconds));
    setText("p99", format(calls.p99Milliseconds));
    setText("remaining", format(client.rateLimitRemaining));
    setText("allowed", format(client.rateLimitAllowed));
    const share = client.rateLimitAllowed ? Math.min(1, client.rateLimitRemaining / client.rateLimitAllowed) : 0;
    const bar = $("budgetBar");
    bar.style.width = (share * 100).toFixed(1) + "%";
    bar.style.background = share > 0.5 ? colors.green : share > 0.2 ? colors.yellow : colors.red;
    setText("suspensions", calls.rateLimitSuspensions);
    const until = client.rateLimitSuspendedUntil ? new Date(client.rateLimitSuspendedUntil) : null;
    const left = until ? Math.max(0, (until - Date.now()) / 1000) : 0;
    setText("suspended", left > 0 ? "suspended for " + left.toFixed(1) + " s" : "not suspended" + (calls.lastRateLimitSuspensionSeconds === null ? "" : " · last one " + format(calls.lastRateLimitSuspensionSeconds, 1) + " s"));
    $("suspensionTile").classList.toggle("alert", left > 0);
    setText("tokenRefreshes", calls.tokenRefreshes);
    setText("tokenFailures", calls.tokenRefreshFailures);

    const mode = data.embeddedSimulator
      ? "Running against the embedded Genesys Cloud simulator" + (data.simulator
          ? " — " + data.simulator.totalRequests + " requests served, " + data.simulator.tooManyRequestsSent + " answered 429, " + data.simulator.tokensIssued + " tokens issued."
          : ".")
      : "Running against a real Genesys Cloud org (the demo workload is disabled).";
    setText("mode", mode);

    renderNotifications(data.notifications);

    $("demoStart").disabled = !data.embeddedSimulator || demo.running;
    setText("demoStatus", demo.calls === 0
      ? (data.embeddedSimulator ? "Idle." : "Available only against the embedded simulator.")
      : (demo.running ? "Running: " : "Finished: ") + (demo.completed + demo.failed) + " of " + demo.calls + " calls done (" +
        demo.completed + " succeeded, " + demo.failed + " failed)" + (demo.rateLimitStorm ? ", with a 429 storm." : "."));

    push(history.backlog, client.backlog);
    push(history.inFlight, client.inFlight);
    push(history.rate, calls.callsPerSecond);
    push(history.remaining, client.rateLimitRemaining);
    push(history.p50, calls.p50Milliseconds);
    push(history.p95, calls.p95Milliseconds);
    push(history.p99, calls.p99Milliseconds);
    draw($("queuesChart"), [[history.backlog, colors.accent], [history.inFlight, colors.blue]]);
    draw($("rateChart"), [[history.rate, colors.green], [history.remaining, colors.purple, true]]);
    draw($("latencyChart"), [[history.p50, colors.green], [history.p95, colors.yellow], [history.p99, colors.red]]);
  }

  // The live event feed: the newest events first, rebuilt only when a new one arrived.
  let lastFeedKey = "";
  function renderNotifications(notifications) {
    setText("eventsReceived", notifications.eventsReceived);
    setText("duplicates", notifications.duplicatesDiscarded);
    setText("activeChannels", notifications.activeChannels);
    setText("channels", notifications.channels);
    setText("notificationState", notifications.state);
    setText("topics", notifications.topics);
    setText("reconnects", notifications.reconnects);
    setText("eventsDropped", notifications.eventsDropped);
    setText("handlerErrors", notifications.handlerErrors);
    const key = notifications.feedReceived + ":" + notifications.latest.length;
    if (key === lastFeedKey) { return; }
    lastFeedKey = key;
    const feed = $("eventFeed");
    feed.replaceChildren(...notifications.latest.map(event => {
      const item = document.createElement("li");
      item.dataset.testid = "event";
      for (const [cls, text] of [["time", new Date(event.receivedAt).toLocaleTimeString()], ["pattern", event.topicPattern], ["summary", event.summary]]) {
        const span = document.createElement("span");
        span.className = cls;
        span.textContent = text;
        item.appendChild(span);
      }
      item.title = event.topic;
      return item;
    }));
  }

  // Line chart: each series is [values, color, ownScale]; a series with its own scale is drawn dashed.
  function draw(canvas, series) {
    const ratio = window.devicePixelRatio || 1;
    const width = canvas.clientWidth, height = canvas.clientHeight;
    if (canvas.width !== width * ratio) { canvas.width = width * ratio; canvas.height = height * ratio; }
    const context = canvas.getContext("2d");
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, width, height);
    const left = 40, bottom = height - 16, top = 8, right = width - 8;
    const shared = series.filter(s => !s[2]).flatMap(s => s[0]).filter(v => v !== null);
    const max = niceMax(Math.max(1, ...shared));
    context.strokeStyle = colors.grid; context.fillStyle = colors.text; context.font = "11px system-ui, sans-serif";
    context.lineWidth = 1;
    for (let i = 0; i <= 4; i++) {
      const y = bottom - (bottom - top) * i / 4;
      context.beginPath(); context.moveTo(left, y); context.lineTo(right, y); context.stroke();
      context.fillText(formatAxis(max * i / 4), 4, y + 4);
    }
    context.fillText("-60 s", left, height - 2);
    context.fillText("now", right - 22, height - 2);
    for (const [values, color, ownScale] of series) {
      const scale = ownScale ? niceMax(Math.max(1, ...values.filter(v => v !== null))) : max;
      context.strokeStyle = color; context.lineWidth = 2; context.setLineDash(ownScale ? [4, 3] : []);
      context.beginPath();
      let drawing = false;
      values.forEach((value, index) => {
        if (value === null) { drawing = false; return; }
        const x = left + (right - left) * (index + HistoryLength - values.length) / (HistoryLength - 1);
        const y = bottom - (bottom - top) * Math.min(1, value / scale);
        if (drawing) { context.lineTo(x, y); } else { context.moveTo(x, y); drawing = true; }
      });
      context.stroke();
    }
    context.setLineDash([]);
  }

  function niceMax(value) {
    const magnitude = Math.pow(10, Math.floor(Math.log10(value)));
    for (const step of [1, 2, 2.5, 5, 10]) { if (value <= step * magnitude) { return step * magnitude; } }
    return 10 * magnitude;
  }

  function formatAxis(value) {
    return value >= 1000 ? (value / 1000).toFixed(value % 1000 === 0 ? 0 : 1) + "k" : String(Math.round(value * 10) / 10);
  }

  async function poll() {
    const connection = $("connection");
    try {
      const response = await fetch("/api/dashboard", { cache: "no-store" });
      if (!response.ok) { throw new Error("HTTP " + response.status); }
      render(await response.json());
      connection.textContent = "live"; connection.className = "badge live";
    } catch (error) {
      connection.textContent = "disconnected: " + error.message; connection.className = "badge down";
    } finally {
      setTimeout(poll, PollMilliseconds);
    }
  }

  $("demoForm").addEventListener("submit", async event => {
    event.preventDefault();
    $("demoStart").disabled = true;
    const response = await fetch("/api/demo", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ calls: Number($("demoCalls").value), rateLimitStorm: $("demoStorm").checked })
    });
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      setText("demoStatus", (problem.title || "HTTP " + response.status) + (problem.detail ? ": " + problem.detail : ""));
    }
  });

  poll();
})();
