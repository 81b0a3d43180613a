"""Progress lines for long generation runs: how far, how fast, how long still.

A 100,000-story run takes minutes to hours, depending on the translation mode; an
operator needs to see that it moves and when it will be done.
"""

import time
from collections.abc import Callable


def format_duration(seconds: float) -> str:
    seconds = round(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes:02d} min"
    if minutes:
        return f"{minutes} min {seconds:02d} s"
    return f"{seconds} s"


class Progress:
    """Writes a line each time another ``every`` stories are done (created or skipped).

    The rate counts created stories only, so the ETA of a resumed run is not fooled
    by the stories it skips in no time.
    """

    def __init__(
        self,
        total: int,
        every: int,
        write: Callable[[str], None],
        clock: Callable[[], float] = time.perf_counter,
    ) -> None:
        self.total = total
        self.every = every
        self.write = write
        self.clock = clock
        self.started = clock()
        self.created = 0
        self.skipped = 0
        self._next_line = every
        self._created_since_line = 0

    @property
    def done(self) -> int:
        return self.created + self.skipped

    @property
    def elapsed(self) -> float:
        return self.clock() - self.started

    @property
    def rate(self) -> float:
        """Created stories per second so far."""
        elapsed = self.elapsed
        return self.created / elapsed if elapsed > 0 else 0.0

    def advance(self, *, created: int = 0, skipped: int = 0) -> None:
        """Count a batch. Stretches of skipped stories print no lines, save the last one."""
        self.created += created
        self.skipped += skipped
        self._created_since_line += created
        if self.done >= self._next_line:
            if self._created_since_line or self.done >= self.total:
                self.write(self.line())
                self._created_since_line = 0
            self._next_line = (self.done // self.every + 1) * self.every

    def line(self) -> str:
        rate = self.rate
        remaining = self.total - self.done
        eta = format_duration(remaining / rate) if rate and remaining else "-"
        if not remaining:
            eta = "done"
        percent = 100 * self.done / self.total if self.total else 100
        skipped = f", {self.skipped:,} skipped" if self.skipped else ""
        return (
            f"{self.done:,}/{self.total:,} stories ({percent:.0f}%{skipped}), "
            f"{rate:.1f} stories/s, ETA {eta}"
        )
