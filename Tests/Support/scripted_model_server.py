#!/usr/bin/env python3
"""A scripted model server for gravity-team's tests.

Speaks Ollama (POST /api/chat, GET /api/tags) and the OpenAI chat-completions protocol
(POST /v1/chat/completions, GET /v1/models) on 127.0.0.1, answers each request with the response
recorded for the same system prompt and prompt in a transcript, and misbehaves on cue:

  POST /_script {"faults": ["500", "429", "slow", "malformed", "schema", "practice", "cut", "none"], "delay_ms": 200,
                 "hold_phase": "backend", "gather": 14}
      queues faults for the next chat requests, one each ("none" answers normally), and sets a delay
      for every answer; with hold_phase, every request of that phase or a later one (as the
      transcript's model calls say) is held unanswered until the next /_script, so that a test can
      stop a run at a known point, whatever the machine's speed; earlier phases are answered, also
      when their requests come after a held one (a draft ahead comes before the reviews); with
      gather, the first chat request is answered and the next ones wait until that many wait
      together, then all are answered from then on (a minute at most), so that a test sees a
      client's concurrency reached whatever the machine's speed
  GET /_stats   requests seen, most in flight at once, Authorization headers, schemas sent, requests held

Usage: scripted_model_server.py --transcript PATH   (prints "listening <port>" when ready)
"""

import argparse
import json
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ASK_AGAIN = "\n\nYour previous answer could not be used:"


class State:
    def __init__(self, transcript):
        self.lock = threading.Lock()
        self.answers = {}
        self.faults = []
        self.delay = 0.0
        self.in_flight = 0
        self.max_in_flight = 0
        self.requests = 0
        self.authorization = set()
        self.schemas = 0
        self.phases = {}
        self.phase_order = []
        self.hold_phase = None
        self.held = 0
        self.release = threading.Event()
        self.gather = 0
        self.gather_exempt = 0
        self.gathered = threading.Event()
        self.gathering = 0
        with open(transcript, encoding="utf-8") as lines:
            for line in lines:
                event = json.loads(line)
                exchange = event.get("call")
                if event.get("type") == "model_call" and exchange:
                    self.answers[(exchange["system"], exchange["prompt"])] = (exchange["response"], exchange["usage"])
                    self.phases[(exchange["system"], exchange["prompt"])] = exchange["phase"]
                    if exchange["phase"] not in self.phase_order:
                        self.phase_order.append(exchange["phase"])

    def holds(self, system, prompt):
        """Whether a request is held: it belongs to the held phase or a later one."""
        if self.hold_phase not in self.phase_order:
            return False
        phase = self.phases.get((system, prompt)) or self.phases.get((system, prompt.split(ASK_AGAIN)[0]))
        return phase in self.phase_order and self.phase_order.index(phase) >= self.phase_order.index(self.hold_phase)


def exchange_of(request):
    """The system prompt and the prompt of a chat request."""
    messages = request.get("messages", [])
    system = next((m["content"] for m in messages if m["role"] == "system"), "")
    prompt = next((m["content"] for m in messages if m["role"] == "user"), "")
    return system, prompt


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    state = None

    def log_message(self, *args):
        pass

    def reply(self, status, payload, headers=None):
        body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        self.leave()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def read_json(self):
        length = int(self.headers.get("Content-Length", "0"))
        return json.loads(self.rfile.read(length) or b"{}")

    def do_GET(self):
        state = self.state
        if self.path == "/_stats":
            with state.lock:
                self.reply(200, {
                    "requests": state.requests,
                    "max_in_flight": state.max_in_flight,
                    "authorization": sorted(state.authorization),
                    "schemas": state.schemas,
                    "faults_left": len(state.faults),
                    "held": state.held,
                })
        elif self.path == "/api/tags":
            self.reply(200, {"models": [{"name": "llama3.1:latest"}, {"name": "qwen2.5:7b"}]})
        elif self.path == "/v1/models":
            self.reply(200, {"object": "list", "data": [{"id": "gpt-4o-mini"}, {"id": "local-model"}]})
        else:
            self.reply(404, {"error": f"no route {self.path}"})

    def do_POST(self):
        state = self.state
        if self.path == "/_script":
            script = self.read_json()
            with state.lock:
                state.faults = list(script.get("faults", []))
                state.delay = script.get("delay_ms", 0) / 1000
                state.max_in_flight = 0
                state.requests = 0
                state.hold_phase = script.get("hold_phase")
                state.held = 0
                # The requests held so far are answered (if their client is still there).
                state.release.set()
                state.release = threading.Event()
                state.gathered.set()
                state.gathered = threading.Event()
                state.gather = script.get("gather", 0)
                state.gather_exempt = 1
                state.gathering = 0
            self.reply(200, {"ok": True})
            return
        if self.path not in ("/api/chat", "/v1/chat/completions"):
            self.reply(404, {"error": f"no route {self.path}"})
            return
        request = self.read_json()
        system, prompt = exchange_of(request)
        with state.lock:
            state.requests += 1
            state.in_flight += 1
            state.max_in_flight = max(state.max_in_flight, state.in_flight)
            if "Authorization" in self.headers:
                state.authorization.add(self.headers["Authorization"])
            if request.get("format") or request.get("response_format"):
                state.schemas += 1
            fault = state.faults.pop(0) if state.faults else None
            delay = state.delay
            release = state.release if state.holds(system, prompt) else None
            if release:
                state.held += 1
            gathered = None
            if state.gather and not state.gathered.is_set():
                if state.gather_exempt:
                    state.gather_exempt -= 1
                else:
                    gathered = state.gathered
                    state.gathering += 1
                    if state.gathering >= state.gather:
                        gathered.set()
        self.counted_in_flight = True
        try:
            if release:
                release.wait()
            if gathered:
                gathered.wait(60)
                gathered.set()
            self.answer(request, fault, delay)
        except (BrokenPipeError, ConnectionResetError):
            pass  # a held request's client was killed
        finally:
            self.leave()

    def leave(self):
        """Counts a chat request out of those in flight, once: before its answer is sent, since its
        client may send the next request as soon as it has the answer."""
        if getattr(self, "counted_in_flight", False):
            self.counted_in_flight = False
            with self.state.lock:
                self.state.in_flight -= 1

    def answer(self, request, fault, delay):
        if delay:
            time.sleep(delay)
        if fault == "500":
            return self.reply(500, {"error": "scripted failure"})
        if fault == "429":
            return self.reply(429, {"error": "slow down"}, {"Retry-After": "1"})
        if fault == "slow":
            # Later than any request timeout a test sets, however slow the machine.
            time.sleep(60)
        if fault == "malformed":
            return self.reply(200, b"{\"message\": {\"content\": ")
        if fault == "cut":
            self.leave()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", "5000")
            self.end_headers()
            self.wfile.write(b"{\"message\": {\"role\": \"assistant\", \"content\": \"{")
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_RDWR)
            self.close_connection = True
            return
        system, prompt = exchange_of(request)
        recorded = self.state.answers.get((system, prompt))
        if recorded is None and ASK_AGAIN in prompt:
            recorded = self.state.answers.get((system, prompt.split(ASK_AGAIN)[0]))
        if recorded is None:
            return self.reply(404, {"error": "no recorded answer for this prompt"})
        text, usage = recorded
        if fault == "schema":
            text = json.dumps({"vote": "maybe", "why": "this answer breaks the schema"})
        if fault == "practice":
            # A proposal adopting a practice outside the vocabulary (a baseline item, once votable).
            answer = json.loads(text)
            answer["content"]["section"]["practices"].append(answer["content"]["phase"] + ".pagination")
            text = json.dumps(answer)
        if self.path == "/api/chat":
            return self.reply(200, {
                "model": request.get("model"), "done": True,
                "message": {"role": "assistant", "content": text},
                "prompt_eval_count": usage["prompt"], "eval_count": usage["completion"],
            })
        return self.reply(200, {
            "id": "chatcmpl-scripted", "object": "chat.completion", "model": request.get("model"),
            "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": usage["prompt"], "completion_tokens": usage["completion"],
                      "total_tokens": usage["prompt"] + usage["completion"]},
        })


class ScriptedServer(ThreadingHTTPServer):
    # The default accept queue of 5 overflows when the personas ask at once on a busy machine.
    request_queue_size = 128
    daemon_threads = True


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--transcript", required=True)
    parser.add_argument("--port", type=int, default=0)
    arguments = parser.parse_args()
    Handler.state = State(arguments.transcript)
    server = ScriptedServer(("127.0.0.1", arguments.port), Handler)
    print(f"listening {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
