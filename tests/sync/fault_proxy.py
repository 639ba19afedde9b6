"""A small fault-injecting HTTP proxy for the sync tests: sits on 127.0.0.1 in front of
the real hub and, request by request, forwards or misbehaves as scripted."""

from __future__ import annotations

import http.client
import threading
import time
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

# Faults, one per request, taken in order (then every request is forwarded):
#   "pass"            forward to the hub
#   "500"             answer 500 without forwarding
#   "503:N"           answer 503 with Retry-After: N
#   "429"             answer 429
#   "hang"            say nothing for longer than the client's read timeout
#   "close"           close the connection without an answer
#   "garbage"         answer 200 with a body that is not JSON
#   "truncate"        answer 200 with half the body the Content-Length announces
#   "forward+garbage" forward (the hub applies it) but send the client garbage
#   "forward+close"   forward, then drop the connection before answering
#   "401", "404", "413"  answer that status
#   "307>URL"         answer 307 (any 3xx) with Location: URL, without forwarding


class FaultProxy:
    def __init__(self, upstream: str, hang_seconds: float = 3.0) -> None:
        self.upstream = urlsplit(upstream)
        self.hang_seconds = hang_seconds
        self.script: deque[tuple[str, str]] = deque()  # (path prefix or "", fault)
        self.log: list[tuple[str, str, str]] = []      # (method, path, fault used)
        self._lock = threading.Lock()
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                proxy._handle(self, None)

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                proxy._handle(self, self.rfile.read(length))

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def then(self, *faults: str, path: str = "") -> FaultProxy:
        with self._lock:
            self.script.extend((path, f) for f in faults)
        return self

    def _next_fault(self, path: str) -> str:
        with self._lock:
            for index, (prefix, fault) in enumerate(self.script):
                if path.startswith(prefix):
                    del self.script[index]
                    return fault
        return "pass"

    def _handle(self, handler: BaseHTTPRequestHandler, body: bytes | None) -> None:
        fault = self._next_fault(handler.path)
        self.log.append((handler.command, handler.path.split("?")[0], fault))
        if fault in ("500", "429", "401", "404", "413") or fault.startswith("503"):
            status = int(fault.split(":")[0])
            headers = {"Retry-After": fault.split(":")[1]} if ":" in fault else {}
            self._send(handler, status, b'{"resourceType":"OperationOutcome","issue":[]}',
                       headers)
            return
        if ">" in fault:
            status_text, location = fault.split(">", 1)
            self._send(handler, int(status_text), b"", {"Location": location})
            return
        if fault == "hang":
            time.sleep(self.hang_seconds)
            handler.close_connection = True
            return
        if fault == "close":
            handler.close_connection = True
            return
        if fault == "garbage":
            self._send(handler, 200, b"<html>502 Bad Gateway</html>{")
            return
        if fault == "truncate":
            handler.send_response(200)
            handler.send_header("Content-Type", "application/json")
            handler.send_header("Content-Length", "4000")
            handler.end_headers()
            handler.wfile.write(b'{"results": [{"op_id": "')
            handler.wfile.flush()
            handler.close_connection = True
            return
        status, headers, content = self._forward(handler, body)
        if fault == "forward+garbage":
            self._send(handler, 200, content[: len(content) // 2])
            return
        if fault == "forward+close":
            handler.close_connection = True
            return
        self._send(handler, status, content, headers)

    def _forward(self, handler: BaseHTTPRequestHandler,
                 body: bytes | None) -> tuple[int, dict[str, str], bytes]:
        conn = http.client.HTTPConnection(self.upstream.hostname, self.upstream.port,
                                          timeout=60)
        headers = {k: v for k, v in handler.headers.items()
                   if k.lower() in ("authorization", "content-type", "accept")}
        conn.request(handler.command, handler.path, body=body, headers=headers)
        response = conn.getresponse()
        content = response.read()
        kept = {k: v for k, v in response.getheaders()
                if k.lower() in ("content-type", "retry-after", "www-authenticate")}
        conn.close()
        return response.status, kept, content

    @staticmethod
    def _send(handler: BaseHTTPRequestHandler, status: int, content: bytes,
              headers: dict[str, str] | None = None) -> None:
        handler.send_response(status)
        for key, value in (headers or {}).items():
            handler.send_header(key, value)
        handler.send_header("Content-Length", str(len(content)))
        if not headers or "Content-Type" not in headers:
            handler.send_header("Content-Type", "application/json")
        handler.end_headers()
        handler.wfile.write(content)
