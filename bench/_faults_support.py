"""Pieces of ``bench/faults.py``: a light background load that records every answer, and a TCP
forwarder the bench can cut to make a service unreachable without stopping it for everyone."""

import asyncio
import http.client
import itertools
import threading
import time
from dataclasses import dataclass, field


@dataclass
class Answer:
    at: float  # time.monotonic() when the request started
    group: str
    path: str
    status: int  # 0: no HTTP answer (connection refused, reset, timeout)
    retry_after: str | None = None
    x_cache: str | None = None


@dataclass
class BackgroundLoad:
    """``threads`` clients, each sending the next path of ``mix`` (``[(group, path)]``) then pausing."""

    host: str
    port: int
    mix: list
    threads: int = 2
    pause: float = 0.05
    answers: list = field(default_factory=list)

    def __post_init__(self):
        self._cycle = itertools.cycle(self.mix)
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._workers = []
        self._counter = itertools.count()

    def _next(self):
        with self._lock:
            group, path = next(self._cycle)
            number = next(self._counter)
        # Search requests each ask something new, so that they reach the engine, never a cached answer.
        return group, path.replace("{n}", str(number))

    def send(self, group, path):
        """One GET (the paths are final URLs: no redirect to follow); no answer is recorded as status 0."""
        started = time.monotonic()
        connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
        try:
            connection.request("GET", path, headers={"Host": f"{self.host}:{self.port}"})
            response = connection.getresponse()
            response.read()
            return Answer(
                started, group, path, response.status, response.getheader("Retry-After"), response.getheader("X-Cache")
            )
        except OSError:
            return Answer(started, group, path, 0)
        finally:
            connection.close()

    def _run(self):
        while not self._stop.is_set():
            answer = self.send(*self._next())
            with self._lock:
                self.answers.append(answer)
            self._stop.wait(self.pause)

    def start(self):
        self._workers = [threading.Thread(target=self._run, daemon=True) for _ in range(self.threads)]
        for worker in self._workers:
            worker.start()
        return self

    def stop(self):
        self._stop.set()
        for worker in self._workers:
            worker.join(timeout=60)

    def between(self, start, end):
        with self._lock:
            return [answer for answer in self.answers if start <= answer.at < end]


class Forwarder:
    """Forwards a local port to a service (``listen_port`` → ``target_port`` on loopback) in a thread
    of its own. ``cut()`` closes the listener and every open connection, as a crashed service would;
    ``restore()`` listens again."""

    def __init__(self, listen_port, target_port):
        self.listen_port, self.target_port = listen_port, target_port
        self.loop = asyncio.new_event_loop()
        self.server = None
        self.writers = set()
        threading.Thread(target=self.loop.run_forever, daemon=True).start()

    async def _pipe(self, reader, writer):
        try:
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        except (ConnectionError, OSError):
            pass
        finally:
            writer.close()

    async def _handle(self, client_reader, client_writer):
        try:
            service_reader, service_writer = await asyncio.open_connection("127.0.0.1", self.target_port)
        except OSError:
            client_writer.close()
            return
        self.writers.update((client_writer, service_writer))
        await asyncio.gather(self._pipe(client_reader, service_writer), self._pipe(service_reader, client_writer))
        self.writers.difference_update((client_writer, service_writer))

    async def _start(self):
        self.server = await asyncio.start_server(self._handle, "127.0.0.1", self.listen_port, reuse_address=True)

    async def _cut(self):
        self.server.close()
        for writer in list(self.writers):
            writer.transport.abort()
        self.writers.clear()
        await self.server.wait_closed()

    def restore(self):
        asyncio.run_coroutine_threadsafe(self._start(), self.loop).result(timeout=10)

    def cut(self):
        asyncio.run_coroutine_threadsafe(self._cut(), self.loop).result(timeout=10)
