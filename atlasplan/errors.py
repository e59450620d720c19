"""Error pages in the house style.

403 and 404 render with the full shell (the request and user are fine). A 500 may come
from a broken database or template, so it renders a self-contained page with no context
processors and no queries.
"""

from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template import loader
from django.views import defaults

from atlasplan import audit


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    audit.record(audit.Kind.ACCESS_DENIED, request, detail=str(exception)[:200])
    return defaults.permission_denied(request, exception, template_name="403.html")


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return defaults.page_not_found(request, exception, template_name="404.html")


def server_error(request: HttpRequest) -> HttpResponse:
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({"LANGUAGE_CODE": _language(request)}))


def _language(request: HttpRequest) -> str:
    return getattr(request, "LANGUAGE_CODE", "nl")
