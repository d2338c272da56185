"""Let loopback connections through the session's network guard (tests/conftest.py), and only
loopback: chromedriver (tests/test_browser.py) and a dask LocalCluster (tests/test_dask.py)
talk to processes on this machine; anything else still reaches the guard."""

from __future__ import annotations

import _socket
import socket
from contextlib import contextmanager

LOOPBACK_HOSTS = {"127.0.0.1", "::1", "localhost"}


def _is_loopback(address: object) -> bool:
    return isinstance(address, tuple) and bool(address) and str(address[0]) in LOOPBACK_HOSTS


def _loopback_functions(guard: tuple) -> tuple:
    guard_connect, guard_connect_ex, guard_create, guard_getaddrinfo = guard

    def connect(self, address, *args):
        return _socket.socket.connect(self, address, *args) if _is_loopback(address) else guard_connect(self, address, *args)

    def connect_ex(self, address, *args):
        return _socket.socket.connect_ex(self, address, *args) if _is_loopback(address) else guard_connect_ex(self, address, *args)

    def getaddrinfo(host, *args, **kwargs):
        return _socket.getaddrinfo(host, *args, **kwargs) if str(host) in LOOPBACK_HOSTS else guard_getaddrinfo(host, *args, **kwargs)

    def create_connection(address, timeout=socket._GLOBAL_DEFAULT_TIMEOUT, source_address=None, **kwargs):
        if not _is_loopback(address):
            return guard_create(address, timeout, source_address, **kwargs)
        error: OSError | None = None
        for family, kind, proto, _, addr in _socket.getaddrinfo(address[0], address[1], 0, socket.SOCK_STREAM):
            sock = socket.socket(family, kind, proto)
            try:
                if timeout is not socket._GLOBAL_DEFAULT_TIMEOUT:
                    sock.settimeout(timeout)
                _socket.socket.connect(sock, addr)
                return sock
            except OSError as e:
                error = e
                sock.close()
        raise error or OSError(f"cannot connect to {address}")

    return connect, connect_ex, create_connection, getaddrinfo


def _current() -> tuple:
    return (socket.socket.connect, socket.socket.connect_ex, socket.create_connection, socket.getaddrinfo)


def _install(functions: tuple) -> None:
    socket.socket.connect, socket.socket.connect_ex = functions[0], functions[1]  # type: ignore[method-assign]
    socket.create_connection, socket.getaddrinfo = functions[2], functions[3]  # type: ignore[assignment]


@contextmanager
def loopback_allowed():
    saved = _current()
    _install(_loopback_functions(saved))
    try:
        yield
    finally:
        _install(saved)
