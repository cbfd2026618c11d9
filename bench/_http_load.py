"""A small concurrent HTTP load generator: threads, one fresh connection per request (gunicorn's
sync workers close each connection), redirects followed as a front end would."""

import http.client
import itertools
import statistics
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit


@dataclass
class Result:
    requests: int = 0
    seconds: float = 0.0
    latencies_ms: list = field(default_factory=list)
    statuses: dict = field(default_factory=dict)

    def add(self, other):
        """Fold in another measurement of the same requests (rounds interleaved with other endpoints)."""
        self.requests += other.requests
        self.seconds += other.seconds
        self.latencies_ms.extend(other.latencies_ms)
        for status, number in other.statuses.items():
            self.statuses[status] = self.statuses.get(status, 0) + number
        return self

    @property
    def rate(self):
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, fraction):
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))] if ordered else 0.0

    @property
    def p50(self):
        return statistics.median(self.latencies_ms) if self.latencies_ms else 0.0

    @property
    def p99(self):
        return self.percentile(0.99)


def fetch(host, port, path, redirects=3):
    """GET ``path``; the final status and body, following redirects to the same server."""
    for _ in range(redirects + 1):
        connection = http.client.HTTPConnection(host, port, timeout=60)
        try:
            connection.request("GET", path, headers={"Host": f"{host}:{port}", "Accept": "application/json"})
            response = connection.getresponse()
            body = response.read()
            location = response.getheader("Location")
        finally:
            connection.close()
        if response.status in (301, 302, 303, 307, 308) and location:
            target = urlsplit(location)
            path = target.path + (f"?{target.query}" if target.query else "")
            continue
        return response.status, body
    return response.status, body


def load(host, port, paths, *, seconds, concurrency, warmup_seconds):
    """Send the ``paths`` (cycled) from ``concurrency`` threads: a warm-up, then ``seconds`` measured."""
    cycle = itertools.cycle(paths)
    lock = threading.Lock()

    def next_path():
        with lock:
            return next(cycle)

    def run(duration, result):
        deadline = time.perf_counter() + duration

        def worker():
            while time.perf_counter() < deadline:
                started = time.perf_counter()
                status, _body = fetch(host, port, next_path())
                elapsed_ms = (time.perf_counter() - started) * 1000
                with lock:
                    result.requests += 1
                    result.latencies_ms.append(elapsed_ms)
                    result.statuses[status] = result.statuses.get(status, 0) + 1

        threads = [threading.Thread(target=worker) for _ in range(concurrency)]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        result.seconds = time.perf_counter() - started
        return result

    if warmup_seconds:
        run(warmup_seconds, Result())
    return run(seconds, Result())
