"""What the Ollama stand-ins of Tests/Support share: POST /api/chat answered by `answer(schema,
prompt)`, GET /api/tags with one model, GET /_stats with `stats()`, all on 127.0.0.1."""

import json
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class OllamaStandIn(BaseHTTPRequestHandler):
    """Subclasses answer a chat request from its JSON schema (`format`) and its whole prompt."""

    requests = 0

    def answer(self, schema, prompt):
        raise NotImplementedError

    def stats(self):
        return {"requests": OllamaStandIn.requests}

    def log_message(self, *arguments):
        pass

    def reply(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path == "/api/tags":
            return self.reply(200, {"models": [{"name": "llama3.1:latest"}]})
        if self.path == "/_stats":
            return self.reply(200, self.stats())
        self.reply(404, {"error": f"no route {self.path}"})

    def do_POST(self):
        if self.path != "/api/chat":
            return self.reply(404, {"error": f"no route {self.path}"})
        request = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))))
        schema = request.get("format")
        if not isinstance(schema, dict):
            return self.reply(400, {"error": "no JSON schema in format"})
        prompt = "\n".join(message.get("content", "") for message in request.get("messages", []))
        OllamaStandIn.requests += 1
        text = json.dumps(self.answer(schema, prompt))
        self.reply(200, {
            "model": request.get("model"), "done": True,
            "message": {"role": "assistant", "content": text},
            "prompt_eval_count": len(prompt) // 4, "eval_count": len(text) // 4,
        })


class StandInServer(ThreadingHTTPServer):
    """Fourteen personas ask at once, on a machine busy with the rest of the suite: the default
    accept queue of 5 overflows and the kernel resets a connection the client already sent on."""

    request_queue_size = 128
    daemon_threads = True


def serve(handler, port=0):
    """Serves `handler` on 127.0.0.1:`port` (0: any free one), saying `listening <port>` when ready."""
    server = StandInServer(("127.0.0.1", port), handler)
    print(f"listening {server.server_address[1]}", flush=True)
    server.serve_forever()
