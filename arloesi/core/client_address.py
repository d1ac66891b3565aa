"""Where a request came from, for sign-in throttling and the sign-in activity record."""

import ipaddress

from django.conf import settings


def client_address(request) -> str | None:
    """The client's IP address: the connection's, or behind settings.TRUSTED_PROXY_COUNT
    proxies, the address the outermost trusted proxy saw (X-Forwarded-For, read from the right,
    so a client cannot choose it by sending the header itself)."""
    address = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies > 0:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            address = forwarded[-proxies]
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None
