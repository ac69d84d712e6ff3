"""Every response of the site is completed in one step, `finish`, in one order."""
from flask import Response

from . import safe_gettext, security, views


def finish(response: Response) -> Response:
    """The site's after_request: complete `response`, in this order.

    1. A page's texts not translated yet, shown as the original (safe_gettext).
    2. A page's language said and remembered, and how long it may be kept (views).
    3. The security headers, which every response carries, whatever it is (security).
    """
    safe_gettext.show_original(response)
    views.mark_language(response)
    security.add_policy_headers(response)
    return response
