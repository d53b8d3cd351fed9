"""The benchmark's floor: one query and a 50-row template, what every key page is compared to."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from vamos.organisations.models import Organisation

FLOOR_ROWS = 50


@login_not_required
@require_GET
def floor(request: HttpRequest) -> HttpResponse:
    organisations = list(Organisation.objects.order_by("pk")[:FLOOR_ROWS])
    return render(request, "bench/floor.html", {"organisations": organisations})
