// Follows a run as its transcript is written: each phase, proposal, vote, tally and decision is drawn
// when the server sends it (server-sent events from /live/<id>/events).
"use strict";

const marks = { strongly_agree: "++", agree: "+", neutral: "0", disagree: "−", strongly_disagree: "−−", abstained: "?" };

function element(tag, attributes, text) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

function phaseItem(list, event) {
  let item = document.getElementById(`live-${event.phase}`);
  if (!item) {
    item = element("li", { id: `live-${event.phase}`, class: "phase open" });
    item.append(element("h3", {}, event.title));
    list.append(item);
  }
  return item;
}

function roundBlock(item, round) {
  let block = item.querySelector(`[data-round="${round}"]`);
  if (!block) {
    block = element("div", { class: "live-round", "data-round": String(round) });
    block.append(element("p", { class: "proposal" }), element("p", { class: "votes", "aria-label": `Votes of round ${round}` }), element("p", { class: "outcome" }));
    item.append(block);
  }
  return block;
}

function draw(list, event) {
  const item = event.phase ? phaseItem(list, event) : null;
  switch (event.type) {
    case "phase_start":
      item.append(element("p", { class: "lead" }, `Led by ${event.lead}`));
      break;
    case "phase_kept":
      item.className = "phase kept";
      item.append(element("p", { class: "outcome" }, `Kept: ${event.reason}`));
      break;
    case "proposal":
      roundBlock(item, event.round).querySelector(".proposal").textContent = `Round ${event.round}: ${event.round === 1 ? "proposal" : "revision"} by ${event.author}`;
      break;
    case "vote": {
      const votes = roundBlock(item, event.round || 1).querySelector(".votes");
      const mark = element("span", { class: `vote ${event.option}`, title: `${event.voter}: ${event.reason}` });
      mark.append(element("span", { "aria-hidden": "true" }, marks[event.option] || "?"));
      mark.append(element("span", { class: "sr" }, `${event.voter} ${event.option.replace(/_/g, " ")}`));
      votes.append(mark, " ");
      break;
    }
    case "tally":
      roundBlock(item, event.round).querySelector(".outcome").textContent = `Round ${event.round}: ${event.outcome}, weighted average ${event.average}, support ${event.support}%`;
      break;
    case "arbitration":
      item.append(element("p", {}, `${event.decider} decides`));
      break;
    case "decision":
      item.className = "phase approved";
      item.append(element("p", { class: "decision" }, `Decision: round ${event.adopted_round} adopted by ${event.decided_by} (${event.outcome})`));
      break;
    case "owner_asked":
      item.append(element("p", { class: "gate-line" }, `Approval gate: round ${event.round} goes to the product owner`));
      openGate(event);
      break;
    case "owner_answer":
      item.append(element("p", { class: "decision" }, `Product owner: ${event.answer}`));
      closeGate();
      break;
    case "run_end":
      document.getElementById("status").textContent = `finished: ${event.tokens} tokens`;
      break;
  }
}

// The gate's form, shown while the run waits for an answer it takes from this page.
function openGate(event) {
  const list = document.getElementById("phases");
  if (list.dataset.answers !== "serve") return;
  document.getElementById("gate-question").textContent = event.question;
  document.getElementById("gate-status").textContent = "";
  for (const button of document.querySelectorAll("#gate button")) button.disabled = false;
  document.getElementById("gate").hidden = false;
}

function closeGate() {
  document.getElementById("gate").hidden = true;
  document.getElementById("gate-words").value = "";
}

async function send(kind) {
  const list = document.getElementById("phases");
  const words = document.getElementById("gate-words").value.trim();
  const status = document.getElementById("gate-status");
  if (kind !== "approve" && !words) {
    status.textContent = "Say why (reject) or what to change (amend).";
    return;
  }
  const response = await fetch(list.dataset.answer, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(kind === "approve" ? { kind } : { kind, text: words }),
  });
  if (response.ok) {
    for (const button of document.querySelectorAll("#gate button")) button.disabled = true;
    status.textContent = "Sent: the team goes on.";
  } else {
    status.textContent = await response.text();
  }
}

document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll("#gate button")) {
    button.addEventListener("click", () => send(button.dataset.kind));
  }
  const list = document.getElementById("phases");
  const status = document.getElementById("status");
  const source = new EventSource(list.dataset.events);
  source.onmessage = (message) => draw(list, JSON.parse(message.data));
  source.addEventListener("end", (message) => {
    source.close();
    const ended = JSON.parse(message.data || "{}");
    status.dataset.state = "ended";
    if (ended.stopped) status.textContent = "stopped before its end (the transcript can be resumed)";
    else if (!status.textContent.startsWith("finished")) status.textContent = "finished";
  });
  source.onerror = () => {
    if (status.dataset.state !== "ended") status.textContent = "reconnecting…";
  };
});
