"""Pages of campaigns: list, launch, progress, record participation, printable results, and
accountability reviews (kiểm điểm trách nhiệm), including the member's own."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from gandan import access
from gandan.campaigns import forms, selectors, services
from gandan.campaigns.models import QUANTITY_LABEL
from gandan.lib.dates import today
from gandan.lib.forms import add_rule_errors
from gandan.org import selectors as org_selectors

RECENT_RECORDS = 200


@login_required
@require_GET
def campaign_list(request):
    unit = None
    raw_unit = request.GET.get("unit", "")
    if raw_unit:
        if not (raw_unit.isdigit() and len(raw_unit) <= 18):  # no row has such an id
            raise Http404
        unit = org_selectors.unit_get_for(user=request.user, pk=int(raw_unit))
    campaigns = selectors.campaign_list_for(user=request.user, unit=unit)
    return render(
        request,
        "campaigns/campaign_list.html",
        {
            "campaigns": campaigns,
            "unit": unit,
            "can_launch": selectors.launchable_units_for(user=request.user).exists(),
            "has_reviews": selectors.has_reviews(request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def campaign_create(request):
    units = selectors.launchable_units_for(user=request.user)
    if not units.exists():
        raise PermissionDenied
    form = forms.CampaignForm(request.POST or None, units=units)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            campaign = services.campaign_create(actor=request.user, **data)
        except ValidationError as exc:
            add_rule_errors(form, exc)
        else:
            messages.success(request, _("Đã phát động phong trào."))
            return redirect("campaigns:detail", pk=campaign.pk)
    return render(request, "campaigns/campaign_form.html", {"form": form, "campaign": None})


@login_required
@require_http_methods(["GET", "POST"])
def campaign_edit(request, pk: int):
    campaign = selectors.campaign_get_for(user=request.user, pk=pk)
    if not selectors.can_manage_campaign(request.user, campaign):
        raise PermissionDenied
    initial = {
        name: getattr(campaign, name)
        for name in ["title", "goal", "target_quantity", "starts_on", "ends_on", "status"]
    }
    initial["lag_margin_points"] = campaign.lag_margin_points
    form = forms.CampaignForm(request.POST or None, initial=initial, editing=True)
    if request.method == "POST" and form.is_valid():
        try:
            services.campaign_update(actor=request.user, campaign=campaign, **form.cleaned_data)
        except ValidationError as exc:
            add_rule_errors(form, exc)
        else:
            messages.success(request, _("Đã lưu phong trào."))
            return redirect("campaigns:detail", pk=campaign.pk)
    return render(request, "campaigns/campaign_form.html", {"form": form, "campaign": campaign})


def _progress_context(request, campaign) -> dict:
    progress = selectors.campaign_progress(user=request.user, campaign=campaign)
    return {
        "campaign": campaign,
        "progress": progress,
        "can_manage": selectors.can_manage_campaign(request.user, campaign),
    }


@login_required
@require_GET
def campaign_detail(request, pk: int):
    campaign = selectors.campaign_get_for(user=request.user, pk=pk)
    context = _progress_context(request, campaign)
    records = selectors.participation_list_for(user=request.user, campaign=campaign)
    context.update(
        records=records[:RECENT_RECORDS],
        can_record=campaign.status == campaign.Status.ACTIVE
        and selectors.recordable_households_for(user=request.user, campaign=campaign).exists(),
        reviews=selectors.review_list_for_campaign(user=request.user, campaign=campaign),
    )
    return render(request, "campaigns/campaign_detail.html", context)


@login_required
@require_GET
def campaign_result(request, pk: int):
    """The printable result (A4): totals, areas and groups, with signature lines."""
    campaign = selectors.campaign_get_for(user=request.user, pk=pk)
    context = _progress_context(request, campaign)
    context["printed_on"] = today()
    return render(request, "campaigns/campaign_result.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def participation_create(request, pk: int):
    campaign = selectors.campaign_get_for(user=request.user, pk=pk)
    households = selectors.recordable_households_for(user=request.user, campaign=campaign)
    if not households.exists():
        raise PermissionDenied
    form = forms.ParticipationForm(
        request.POST or None,
        households=households,
        quantity_label=QUANTITY_LABEL.get(campaign.measure),
        initial={"contributed_on": today(), "token": forms.issue_token(), "quantity": 1},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            _record, created = services.participation_record(
                actor=request.user,
                campaign=campaign,
                household=data["household"],
                contributed_on=data["contributed_on"],
                quantity=data["quantity"],
                site=data["site"],
                note=data["note"],
                token=data["token"],
            )
        except ValidationError as exc:
            add_rule_errors(form, exc)
        else:
            if created:
                messages.success(
                    request, _("Đã ghi nhận hộ %(h)s.") % {"h": data["household"].head_name}
                )
            else:
                messages.info(
                    request, _("Phiếu này đã được ghi nhận trước đó, không tính hai lần.")
                )
            if "again" in request.POST:
                return redirect("campaigns:record", pk=campaign.pk)
            return redirect("campaigns:detail", pk=campaign.pk)
    if form.is_bound and not form.is_valid() and "token" in form.errors:
        # A fresh token, so that the corrected form can be sent.
        form.data = form.data.copy()
        form.data["token"] = forms.issue_token()
    return render(
        request, "campaigns/participation_form.html", {"form": form, "campaign": campaign}
    )


@login_required
@require_http_methods(["GET", "POST"])
def review_open(request, pk: int, member_pk: int):
    campaign = selectors.campaign_get_for(user=request.user, pk=pk)
    member = access.get_or_404(
        access.members_for(request.user).select_related("cell"), pk=member_pk
    )
    if access.scope_for(request.user).is_viewer_only or not access.can_manage_cell(
        request.user, member.cell
    ):
        raise PermissionDenied
    group = selectors.group_get_for_review(user=request.user, campaign=campaign, member=member)
    form = forms.ReviewOpenForm(request.POST or None, initial={"meeting_on": today()})
    if request.method == "POST" and form.is_valid():
        try:
            review = services.review_open(
                actor=request.user, campaign=campaign, member=member, **form.cleaned_data
            )
        except ValidationError as exc:
            add_rule_errors(form, exc)
        else:
            messages.success(request, _("Đã mở kiểm điểm trách nhiệm."))
            return redirect("campaigns:review", pk=review.pk)
    return render(
        request,
        "campaigns/review_open.html",
        {"form": form, "campaign": campaign, "member": member, "group": group},
    )


@login_required
@require_http_methods(["GET", "POST"])
def review_detail(request, pk: int):
    review = selectors.review_get_for(user=request.user, pk=pk)
    can_edit = not access.scope_for(request.user).is_viewer_only and access.can_manage_cell(
        request.user, review.member.cell
    )
    if request.method == "POST" and not can_edit:
        raise PermissionDenied
    form = None
    if can_edit:
        initial = {
            name: getattr(review, name)
            for name in ["meeting_on", "findings", "conclusion", "follow_up", "status"]
        }
        form = forms.ReviewForm(request.POST or None, initial=initial)
        if request.method == "POST" and form.is_valid():
            try:
                services.review_update(actor=request.user, review=review, **form.cleaned_data)
            except ValidationError as exc:
                add_rule_errors(form, exc)
            else:
                messages.success(request, _("Đã lưu kiểm điểm."))
                return redirect("campaigns:review", pk=review.pk)
    return render(request, "campaigns/review_detail.html", {"review": review, "form": form})


@login_required
@require_GET
def my_reviews(request):
    """Kiểm điểm của tôi."""
    reviews = selectors.review_list_for_member(user=request.user)
    return render(request, "campaigns/my_reviews.html", {"reviews": reviews})
