from django.shortcuts import render

from .errors import SimpulError


class GalatSimpulMiddleware:
    """Pages show a SimpulError as a page with its message and the right status."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, SimpulError):
            return render(request, "core/galat.html", {"galat": exception},
                          status=exception.status)
        return None
