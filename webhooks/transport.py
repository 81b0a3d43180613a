"""One HTTP POST with a short timeout, reduced to what the delivery log needs.

The standard library is enough for a POST and keeps redirects under our control: a
receiver that answers 3xx gets a failed attempt, not a silent GET elsewhere.
"""

import http.client
import urllib.error
import urllib.request
from dataclasses import dataclass

EXCERPT_BYTES = 2048


@dataclass(frozen=True)
class Response:
    status: int | None
    excerpt: str = ""
    error: str = ""

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 300


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


_opener = urllib.request.build_opener(_NoRedirects)


def _excerpt(stream) -> str:
    try:
        return stream.read(EXCERPT_BYTES).decode("utf-8", errors="replace")
    except (OSError, http.client.HTTPException):
        return ""


def post(url: str, body: bytes, headers: dict[str, str], timeout: float) -> Response:
    """POST ``body`` to ``url``; never raises for network trouble, reports it instead."""
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with _opener.open(request, timeout=timeout) as response:  # noqa: S310 (admin-managed URL)
            return Response(status=response.status, excerpt=_excerpt(response))
    except urllib.error.HTTPError as error:
        with error:
            return Response(status=error.code, excerpt=_excerpt(error))
    except urllib.error.URLError as error:
        return Response(status=None, error=f"{type(error.reason).__name__}: {error.reason}")
    except (OSError, http.client.HTTPException, ValueError) as error:
        return Response(status=None, error=f"{type(error).__name__}: {error}")
