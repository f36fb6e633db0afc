"""A local SMTP server that accepts and counts messages, in a process of its own.

`python -m bench.smtp_sink` prints its port, then answers on stdin: ``count`` prints how many
messages (and recipients) it accepted since the last ``reset``; end of input stops it. Run
apart from the benchmark so the sender and the server do not share one interpreter lock.
"""

from __future__ import annotations

import socket
import sys
import threading
from typing import Any

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.messages = 0
        self.recipients: set[str] = set()
        self.doubles = 0

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        with self.lock:
            self.messages += 1
            for address in envelope.rcpt_tos:
                if address in self.recipients:
                    self.doubles += 1
                self.recipients.add(address)
        return "250 OK"


def main() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    print(port, flush=True)
    try:
        for line in sys.stdin:
            command = line.strip()
            with sink.lock:
                if command == "count":
                    print(sink.messages, len(sink.recipients), sink.doubles, flush=True)
                elif command == "reset":
                    sink.messages, sink.doubles = 0, 0
                    sink.recipients.clear()
                    print("ok", flush=True)
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
