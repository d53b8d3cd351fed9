"""Peer offers ("Wer kann was?"), an organisation's needs, and the matching of both."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from vamos.core.forms import apply_validation_error
from vamos.organisations.models import Organisation
from vamos.organisations.permissions import is_member

from .. import selectors, services
from ..forms import NeedsForm, OfferFilterForm, PeerOfferForm
from ..models import PeerOffer
from ..permissions import (
    can_contact_about_peer_offer,
    can_edit_needs,
    can_edit_peer_offer,
    get_needs_organisation_for_user,
    get_peer_offer_for_user,
    writable_organisations,
)
from .common import paginate


def offers(request: HttpRequest) -> HttpResponse:
    form = OfferFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    items = selectors.peer_offer_list(
        user=request.user,
        topic_field=filters.get("thema"),
        offer_format=filters.get("format", ""),
        federal_state=filters.get("land", ""),
        query=filters.get("q", ""),
    )
    page, query_string = paginate(request, items)
    return render(
        request,
        "community/offers.html",
        {
            "form": form,
            "page_obj": page,
            "query_string": query_string,
            "can_create": writable_organisations(request.user).exists(),
        },
    )


def offer_detail(request: HttpRequest, pk: int) -> HttpResponse:
    offer = get_peer_offer_for_user(request, pk, action="view")
    return render(
        request,
        "community/offer_detail.html",
        {
            "offer": offer,
            "can_edit": can_edit_peer_offer(request.user, offer),
            "can_contact": can_contact_about_peer_offer(request.user, offer),
            "is_own": is_member(request.user, offer.organisation),
        },
    )


def offer_create(request: HttpRequest) -> HttpResponse:
    organisations = writable_organisations(request.user)
    if not organisations.exists():
        raise Http404
    form = PeerOfferForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            offer = services.peer_offer_create(
                organisation=form.organisation or form.cleaned_data["organisation"],
                actor=request.user,
                data=form.offer_data(),
                topic_fields=form.cleaned_data["topic_fields"],
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("Your peer offer is now visible to the network."))
            return redirect("community:offer-detail", pk=offer.pk)
    return render(request, "community/offer_form.html", {"form": form, "offer": None})


def offer_edit(request: HttpRequest, pk: int) -> HttpResponse:
    offer = get_peer_offer_for_user(request, pk, action="edit")
    form = PeerOfferForm(request.POST or None, instance=offer)
    if request.method == "POST" and form.is_valid():
        try:
            offer = services.peer_offer_update(
                offer=PeerOffer.objects.get(pk=offer.pk),
                actor=request.user,
                data=form.offer_data(),
                topic_fields=form.cleaned_data["topic_fields"],
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The peer offer has been saved."))
            return redirect("community:offer-detail", pk=offer.pk)
    return render(request, "community/offer_form.html", {"form": form, "offer": offer})


def offer_delete(request: HttpRequest, pk: int) -> HttpResponse:
    offer = get_peer_offer_for_user(request, pk, action="delete")
    if request.method == "POST":
        services.peer_offer_delete(offer=offer, actor=request.user)
        messages.success(request, _("“%(title)s” has been deleted.") % {"title": offer.title})
        return redirect("community:mine")
    return render(request, "community/offer_delete.html", {"offer": offer})


def matches(request: HttpRequest) -> HttpResponse:
    """For one of the user's organisations: its needs and the offers that meet them."""
    organisations = list(
        Organisation.objects.filter(memberships__user=request.user).order_by("name")
    )
    chosen = request.GET.get("organisation")
    organisation = next((o for o in organisations if o.slug == chosen), None)
    if chosen and organisation is None:
        raise Http404
    if organisation is None and organisations:
        organisation = organisations[0]
    needs, found = [], []
    if organisation is not None:
        needs, found = selectors.peer_offer_matches(organisation=organisation, user=request.user)
    page, query_string = paginate(request, found)
    return render(
        request,
        "community/matches.html",
        {
            "organisations": organisations,
            "organisation": organisation,
            "needs": needs,
            "page_obj": page,
            "query_string": query_string,
            "can_edit_needs": organisation is not None
            and can_edit_needs(request.user, organisation),
        },
    )


def needs(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_needs_organisation_for_user(request, slug)
    form = NeedsForm(request.POST or None, needs=selectors.stated_needs(organisation=organisation))
    if request.method == "POST" and form.is_valid():
        try:
            services.needs_set(organisation=organisation, actor=request.user, needs=form.needs())
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(
                request,
                _("The needs of %(organisation)s have been saved.")
                % {"organisation": organisation.name},
            )
            return redirect(f"{_matches_url()}?organisation={organisation.slug}")
    return render(
        request,
        "community/needs_form.html",
        {"form": form, "organisation": organisation},
    )


def _matches_url() -> str:
    from django.urls import reverse

    return reverse("community:matches")
