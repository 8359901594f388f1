"""Small client for the portal's JSON API (docs/api.md), the one data source."""
from __future__ import annotations

import logging
import os
from typing import Any, Dict, List, Optional

import requests

logger = logging.getLogger(__name__)

DEFAULT_URL = "http://127.0.0.1:5000"
TIMEOUT_SECONDS = 2.0


class PortalError(Exception):
    """The portal gave no usable answer; `status` is None when unreachable."""

    def __init__(self, message: str, status: Optional[int] = None) -> None:
        super().__init__(message)
        self.status = status

    @property
    def unreachable(self) -> bool:
        """True when the portal is down, slow or broken (not a 4xx answer)."""
        return self.status is None or self.status >= 500


class PortalClient:
    """GET requests to the portal with a short timeout and clean errors."""

    def __init__(self, base_url: Optional[str] = None, timeout: float = TIMEOUT_SECONDS):
        self.base_url = (base_url or os.environ.get("PORTAL_URL") or DEFAULT_URL).rstrip("/")
        self.timeout = timeout
        self._session = requests.Session()

    def get(self, path: str, **params: Any) -> Dict[str, Any]:
        """GET `path` with the non-empty `params`; returns the decoded JSON object."""
        query = {k: v for k, v in params.items() if v not in (None, "")}
        try:
            response = self._session.get(
                self.base_url + path, params=query, timeout=self.timeout
            )
        except requests.RequestException as error:
            logger.warning("Portal unreachable for %s: %s", path, type(error).__name__)
            raise PortalError(f"portal unreachable: {path}") from error
        if response.status_code != 200:
            logger.warning("Portal answered %s for %s", response.status_code, path)
            raise PortalError(f"portal status {response.status_code}", response.status_code)
        try:
            data = response.json()
        except ValueError as error:
            raise PortalError(f"portal sent no JSON for {path}", 502) from error
        if not isinstance(data, dict):
            raise PortalError(f"portal sent unexpected JSON for {path}", 502)
        return data

    def items(self, path: str, key: str, **params: Any) -> List[Dict[str, Any]]:
        """The list under `key`; empty when the portal rejects the filter (4xx).

        Raises PortalError only when the portal is unreachable or broken.
        """
        try:
            found = self.get(path, **params).get(key) or []
        except PortalError as error:
            if error.unreachable:
                raise
            return []
        return [item for item in found if isinstance(item, dict)]
