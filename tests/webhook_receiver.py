"""A real HTTP endpoint on 127.0.0.1 for webhook tests: it records what arrives and answers as told."""

from __future__ import annotations

import threading
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Received:
    headers: dict[str, str]
    body: bytes


@dataclass
class Receiver:
    """`answers` are the status codes of the next requests, in order (then 204); `hold` blocks answers."""

    url: str = ""
    received: list[Received] = field(default_factory=list)
    answers: deque = field(default_factory=deque)
    hold: threading.Event = field(default_factory=threading.Event)
    arrived: threading.Condition = field(default_factory=threading.Condition)

    def wait_for(self, count: int, timeout: float = 30) -> list[Received]:
        with self.arrived:
            if not self.arrived.wait_for(lambda: len(self.received) >= count, timeout):
                raise AssertionError(f"{len(self.received)} deliveries arrived, expected {count}")
        return self.received


def serve() -> tuple[Receiver, ThreadingHTTPServer]:
    receiver = Receiver()
    receiver.hold.set()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            receiver.hold.wait(30)
            with receiver.arrived:
                receiver.received.append(Received({k.lower(): v for k, v in self.headers.items()}, body))
                receiver.arrived.notify_all()
            code = receiver.answers.popleft() if receiver.answers else 204
            self.send_response(code)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    receiver.url = f"http://127.0.0.1:{server.server_port}/hooks/factdesk"
    # shutdown() waits for the serving loop to look up: every 0.05 s, not the default 0.5 s, which every
    # webhook test paid once at its end.
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    return receiver, server
