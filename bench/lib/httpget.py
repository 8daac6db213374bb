"""A tiny keep-alive HTTP client for the bench helpers (standard library only)."""

import http.client
import time
import urllib.parse


class Client:
    """Requests paths from one base URL over one persistent connection."""

    def __init__(self, base, timeout=30):
        parts = urllib.parse.urlsplit(base)
        self.host = parts.hostname
        self.port = parts.port or 80
        self.netloc = parts.netloc
        self.timeout = timeout
        self.conn = None

    def get(self, path, headers=None):
        """Returns (status, headers dict with lower-case names, raw body bytes, seconds)."""
        return self.request("GET", path, headers=headers)

    def request(self, method, path, body=None, headers=None):
        """Like get(), for any method; body is bytes (or None). A request that meets a
        connection the server closed is sent once more on a new one."""
        for attempt in range(2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            start = time.perf_counter()
            try:
                self.conn.request(method, path, body=body, headers=headers or {})
                resp = self.conn.getresponse()
                data = resp.read()
            except (http.client.HTTPException, ConnectionError):
                self.conn.close()
                self.conn = None
                if attempt == 1:
                    raise
                continue
            elapsed = time.perf_counter() - start
            if resp.getheader("connection", "").lower() == "close":
                self.conn.close()
                self.conn = None
            return resp.status, {k.lower(): v for k, v in resp.getheaders()}, data, elapsed
        raise AssertionError("unreachable")

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None
