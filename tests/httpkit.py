"""A real HTTP server on 127.0.0.1 whose answers a test can script: files, redirects, endless or
trickling bodies, lying Content-Length. Requests are logged so a test can tell what was fetched."""

from __future__ import annotations

import functools
import http.server
import threading
import time
from pathlib import Path


class Server:
    """Serves `root`; `routes` maps a request path to a behaviour (a callable taking the handler).
    `keep_alive`: HTTP/1.1, each connection kept open for the next request, as most servers do."""

    def __init__(self, root: Path, keep_alive: bool = False):
        self.root, self.requests, self.routes = Path(root), [], {}
        handler = functools.partial(_KeepAlive if keep_alive else _Handler, self, directory=str(root))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": POLL}, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"

    def close(self):
        self.httpd.shutdown()  # returns once serve_forever next looks at its flag: within POLL seconds
        self.httpd.server_close()


POLL = 0.02
"""How often a server's loop looks whether it was told to stop (socketserver's default, 0.5 s, was waited
out at every close: half a second of each test that served anything)."""


class _Handler(http.server.SimpleHTTPRequestHandler):
    # headers and body go out as they are written, as a production server sends them: with Nagle's
    # algorithm a kept-alive connection held each small write back until the client's delayed ACK (~40 ms)
    disable_nagle_algorithm = True

    def __init__(self, state: Server, *args, **kwargs):
        self.state = state
        super().__init__(*args, **kwargs)

    def log_message(self, *args):
        pass

    def do_GET(self):
        self.state.requests.append(self.path)
        behaviour = self.state.routes.get(self.path)
        if behaviour is not None:
            try:
                behaviour(self)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up, as it should
            return
        super().do_GET()


class _KeepAlive(_Handler):
    protocol_version = "HTTP/1.1"


def redirect(location: str, body: bytes = b""):
    """A 302 to `location`, with a body as real servers send one ("Found. Redirecting to ...")."""
    def answer(handler):
        handler.send_response(302)
        handler.send_header("Location", location)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)
    return answer


def endless(chunk: bytes = b"0" * 65536, declared: int | None = None, seconds: float = 30):
    """A body that does not end (for `seconds` at most, so a broken client cannot hang the suite)."""
    def answer(handler):
        handler.send_response(200)
        if declared is not None:
            handler.send_header("Content-Length", str(declared))
        handler.end_headers()
        stop = time.monotonic() + seconds
        while time.monotonic() < stop:
            handler.wfile.write(chunk)
        handler.close_connection = True
    return answer


def trickle(data: bytes, every: float = 0.5):
    """The right bytes, one every `every` seconds, with the right Content-Length."""
    def answer(handler):
        handler.send_response(200)
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        for byte in data:
            handler.wfile.write(bytes([byte]))
            handler.wfile.flush()
            time.sleep(every)
    return answer
