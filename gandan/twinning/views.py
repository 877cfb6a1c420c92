"""Pages of the twinning: thin views, selector → form → one service → message → redirect."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from gandan import access
from gandan.lib.forms import apply_service
from gandan.org.models import Member, Unit
from gandan.poverty.models import Target
from gandan.twinning import forms, selectors, services
from gandan.twinning.models import Agreement, Candidate, Side


def _form_page(request, form, title, back="", *, agreement=None, lead="", multipart=False):
    """One template for every form of the twinning: title, fields, one button, a way back."""
    return render(
        request,
        "twinning/form.html",
        {
            "form": form,
            "title": title,
            "lead": lead,
            "agreement": agreement,
            "back": back,
            "multipart": multipart,
        },
    )


def _committees_for(user):
    scope = access.scope_for(user)
    committees = access.units_for(user).filter(kind=Unit.Kind.COMMITTEE)
    if not scope.is_admin:
        committees = committees.filter(commune_id__in=scope.commune_ids)
    return committees.order_by("name")


# --- agreements ---------------------------------------------------------------------------


@login_required
@require_GET
def agreement_list(request):
    agreements = selectors.agreement_list_for(user=request.user)
    unit = request.GET.get("unit", "")
    if unit.isdigit():  # from a cell's tabs: that cell's partnerships
        agreements = agreements.filter(sides__cell_id=int(unit))
    counts = selectors.candidate_counts_by_cell(user=request.user)
    return render(
        request,
        "twinning/agreement_list.html",
        {
            "agreements": agreements,
            "candidate_counts": counts,
            "can_plan": _committees_for(request.user).exists(),
            "shared_space": not access.scope_for(request.user).is_viewer_only,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def agreement_create(request):
    committees = _committees_for(request.user)
    if not committees.exists():
        raise PermissionDenied
    cells = (
        access.managed_cells_for(request.user)
        .filter(commune_id__in=committees.values("commune_id"))
        .order_by("name")
    )
    form = forms.AgreementForm(
        request.POST or None, request.FILES or None, committees=committees, cells=cells
    )
    if request.method == "POST" and form.is_valid():
        agreement = apply_service(form, services.agreement_create, actor=request.user)
        if agreement:
            messages.success(request, _("Đã lập giao ước kết nghĩa với năm nội dung phối hợp."))
            return redirect("twinning:detail", pk=agreement.pk)
    return _form_page(request, form, _("Lập giao ước kết nghĩa"), "twinning:list", multipart=True)


@login_required
@require_GET
def agreement_detail(request, pk: int):
    agreement = selectors.agreement_get_for(user=request.user, pk=pk)
    can_work = services.can_work_in(request.user, agreement)
    can_plan = services.can_plan(request.user, agreement)
    next_status = _next(services.STATUS_ORDER, agreement.status)
    village_ids = [s.cell_id for s in agreement.sides.all() if s.side == Side.VILLAGE]
    manages_village = any(
        access.can_manage_cell(request.user, s.cell)
        for s in agreement.sides.select_related("cell")
        if s.side == Side.VILLAGE
    )
    context = {
        "agreement": agreement,
        "sides": selectors.side_list(agreement=agreement),
        "contents": selectors.content_list(agreement=agreement),
        "targets": selectors.target_list(agreement=agreement),
        "totals": selectors.contribution_totals(agreement=agreement),
        "contributions": selectors.contribution_list(agreement=agreement),
        "reviews": selectors.review_list(agreement=agreement),
        "new_members": selectors.new_member_counts(agreement=agreement),
        "share_count": selectors.share_count(agreement=agreement),
        "shares": selectors.share_list(user=request.user, agreement=agreement)
        if manages_village
        else [],
        "manages_village": manages_village,
        "can_work": can_work,
        "can_plan": can_plan,
        "next_status": Agreement.Status(next_status) if next_status else None,
        "advance_form": forms.AdvanceForm(initial={"status": next_status}),
        "target_form": None,
    }
    if can_plan:
        targets = Target.objects.filter(unit_id__in=village_ids).exclude(
            pk__in=agreement.shared_targets.values("target_id")
        )
        if targets.exists():
            context["target_form"] = forms.TargetLinkForm(targets=targets)
    return render(request, "twinning/agreement_detail.html", context)


def _next(order, current):
    index = order.index(current)
    return order[index + 1] if index + 1 < len(order) else None


@login_required
@require_GET
def agreement_document(request, pk: int):
    agreement = selectors.agreement_get_for(user=request.user, pk=pk)
    if not agreement.document_file:
        raise Http404
    return FileResponse(agreement.document_file.open("rb"), as_attachment=True)


@login_required
@require_POST
def agreement_advance(request, pk: int):
    agreement = selectors.agreement_get_for(user=request.user, pk=pk)
    if not services.can_plan(request.user, agreement):
        raise PermissionDenied
    form = forms.AdvanceForm(request.POST)
    if form.is_valid():
        try:
            agreement = services.agreement_advance(
                actor=request.user, agreement=agreement, **form.cleaned_data
            )
            messages.success(
                request,
                _("Giao ước chuyển sang “%(s)s”.") % {"s": agreement.get_status_display()},
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    else:
        messages.error(request, _("Dữ liệu không hợp lệ."))
    return redirect("twinning:detail", pk=agreement.pk)


@login_required
@require_POST
def target_link(request, pk: int):
    agreement = selectors.agreement_get_for(user=request.user, pk=pk)
    if not services.can_plan(request.user, agreement):
        raise PermissionDenied
    village_ids = agreement.sides.filter(side=Side.VILLAGE).values("cell_id")
    form = forms.TargetLinkForm(
        request.POST, targets=Target.objects.filter(unit_id__in=village_ids)
    )
    if form.is_valid():
        try:
            services.agreement_target_link(
                actor=request.user, agreement=agreement, target=form.cleaned_data["target"]
            )
            messages.success(request, _("Đã thêm chỉ tiêu chung."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    else:
        messages.error(request, _("Hãy chọn một chỉ tiêu của làng."))
    return redirect("twinning:detail", pk=agreement.pk)


# --- tasks --------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def task_create(request, pk: int):
    agreement = selectors.agreement_get_for(user=request.user, pk=pk)
    if not services.can_work_in(request.user, agreement):
        raise PermissionDenied
    initial = {}
    if request.GET.get("content", "").isdigit():
        initial["content"] = agreement.contents.filter(kind=int(request.GET["content"])).first()
    form = forms.TaskForm(request.POST or None, agreement=agreement, initial=initial)
    if request.method == "POST" and form.is_valid():
        if apply_service(form, services.task_create, actor=request.user, agreement=agreement):
            messages.success(request, _("Đã giao nhiệm vụ."))
            return redirect("twinning:detail", pk=agreement.pk)
    return _form_page(request, form, _("Giao nhiệm vụ"), agreement=agreement)


@login_required
@require_http_methods(["GET", "POST"])
def task_update(request, pk: int):
    task = selectors.task_get_for(user=request.user, pk=pk)
    agreement = task.content.agreement
    if not services.can_work_in(request.user, agreement):
        raise PermissionDenied
    form = forms.TaskUpdateForm(
        request.POST or None,
        initial={"status": task.status, "done_on": task.done_on, "result": task.result},
    )
    if request.method == "POST" and form.is_valid():
        if apply_service(form, services.task_update, actor=request.user, task=task):
            messages.success(request, _("Đã ghi kết quả nhiệm vụ."))
            return redirect("twinning:detail", pk=agreement.pk)
    return _form_page(request, form, task.title, agreement=agreement, lead=task.assignee)


# --- contributions ------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def contribution_create(request, pk: int):
    agreement = selectors.agreement_get_for(user=request.user, pk=pk)
    if not services.can_work_in(request.user, agreement):
        raise PermissionDenied
    village_ids = agreement.sides.filter(side=Side.VILLAGE).values("cell_id")
    form = forms.ContributionForm(
        request.POST or None,
        agreement=agreement,
        side_cells=Unit.objects.filter(pk__in=agreement.sides.values("cell_id")).order_by("name"),
        village_cells=Unit.objects.filter(pk__in=village_ids).order_by("name"),
        members=selectors.partner_members(agreement=agreement),
        # Names only of households the user may see: a partner records for the village.
        households=access.households_for(request.user)
        .filter(area__cell_area__cell_id__in=village_ids, left_on__isnull=True)
        .order_by("head_name", "pk"),
    )
    if request.method == "POST" and form.is_valid():
        if apply_service(
            form, services.contribution_record, actor=request.user, agreement=agreement
        ):
            messages.success(request, _("Đã ghi đóng góp."))
            return redirect("twinning:detail", pk=agreement.pk)
    return _form_page(request, form, _("Ghi đóng góp"), agreement=agreement)


# --- reviews ------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def review_create(request, pk: int):
    agreement = selectors.agreement_get_for(user=request.user, pk=pk)
    if not services.can_work_in(request.user, agreement):
        raise PermissionDenied
    form = forms.ReviewForm(
        request.POST or None,
        initial={"period_start": agreement.starts_on, "period_end": agreement.ends_on},
    )
    if request.method == "POST" and form.is_valid():
        review = apply_service(
            form, services.review_create, actor=request.user, agreement=agreement
        )
        if review:
            messages.success(request, _("Đã lưu báo cáo, số liệu lấy từ sổ sách."))
            return redirect("twinning:review", pk=review.pk)
    return _form_page(request, form, _("Sơ kết, tổng kết"), agreement=agreement)


@login_required
@require_GET
def review_detail(request, pk: int):
    review = selectors.review_get_for(user=request.user, pk=pk)
    agreement = review.agreement
    return render(
        request,
        "twinning/review_detail.html",
        {
            "review": review,
            "agreement": agreement,
            "sides": selectors.side_list(agreement=agreement),
            "figures": review.figures,
            "taken_on": _iso_date(review.figures.get("taken_on")),
            "can_work": services.can_work_in(request.user, agreement),
        },
    )


def _iso_date(value) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


@login_required
@require_http_methods(["GET", "POST"])
def review_update(request, pk: int):
    review = selectors.review_get_for(user=request.user, pk=pk)
    if not services.can_work_in(request.user, review.agreement):
        raise PermissionDenied
    form = forms.ReviewEditForm(
        request.POST or None,
        initial={name: getattr(review, name) for name in services.REVIEW_TEXT_FIELDS},
    )
    if request.method == "POST" and form.is_valid():
        if apply_service(form, services.review_update, actor=request.user, review=review):
            messages.success(request, _("Đã lưu báo cáo."))
            return redirect("twinning:review", pk=review.pk)
    return _form_page(request, form, str(review), agreement=review.agreement)


# --- household shares ---------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def share_create(request, pk: int):
    agreement = selectors.agreement_get_for(user=request.user, pk=pk)
    households = selectors.shareable_households(user=request.user, agreement=agreement)
    if not households.exists():
        raise PermissionDenied
    form = forms.ShareForm(
        request.POST or None,
        households=households,
        members=selectors.partner_members(agreement=agreement, side=Side.HELPING),
    )
    if request.method == "POST" and form.is_valid():
        if apply_service(form, services.share_grant, actor=request.user, agreement=agreement):
            messages.success(request, _("Đã chia sẻ thông tin hộ với đảng viên."))
            return redirect("twinning:detail", pk=agreement.pk)
    return _form_page(
        request,
        form,
        _("Chia sẻ thông tin một hộ với đảng viên chi bộ kết nghĩa"),
        agreement=agreement,
        lead=_(
            "Chỉ đảng viên được chọn xem được hộ này; các đảng viên khác chỉ thấy số liệu tổng hợp."
        ),
    )


@login_required
@require_POST
def share_end(request, pk: int, share_pk: int):
    agreement = selectors.agreement_get_for(user=request.user, pk=pk)
    share = selectors.share_get_for(user=request.user, pk=share_pk)
    try:
        services.share_end(actor=request.user, share=share)
        messages.success(request, _("Đã thôi chia sẻ thông tin hộ."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("twinning:detail", pk=agreement.pk)


# --- candidates ---------------------------------------------------------------------------


@login_required
@require_GET
def candidate_list(request):
    candidates = selectors.candidate_list_for(user=request.user)
    return render(
        request,
        "twinning/candidate_list.html",
        {
            "candidates": candidates,
            "counts": selectors.candidate_counts_by_cell(user=request.user),
            "can_add": access.managed_cells_for(request.user).exists(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def candidate_create(request):
    cells = access.managed_cells_for(request.user).order_by("name")
    if not cells.exists():
        raise PermissionDenied
    agreements = Agreement.objects.filter(sides__cell__in=cells).distinct().order_by("title")
    # Helpers come from the user's cells and their partners, not from the whole commune.
    helper_cells = Unit.objects.filter(
        Q(pk__in=cells.values("pk")) | Q(twinning_sides__agreement__in=agreements.values("pk"))
    )
    form = forms.CandidateForm(
        request.POST or None,
        cells=cells,
        helpers=Member.objects.filter(cell__in=helper_cells.values("pk"), left_on__isnull=True)
        .select_related("cell")
        .order_by("cell__name", "full_name"),
        agreements=agreements,
    )
    if request.method == "POST" and form.is_valid():
        candidate = apply_service(form, services.candidate_create, actor=request.user)
        if candidate:
            messages.success(request, _("Đã đưa vào diện theo dõi, bồi dưỡng."))
            return redirect("twinning:candidate", pk=candidate.pk)
    return _form_page(request, form, _("Thêm quần chúng ưu tú"), "twinning:candidates")


def _introducer_cells(candidate):
    """Introducers work or live with the applicant: his cell, or a cell of his partnership."""
    cells = Unit.objects.filter(pk=candidate.cell_id)
    if candidate.agreement_id is not None:
        cells = cells | Unit.objects.filter(twinning_sides__agreement_id=candidate.agreement_id)
    return cells.values("pk")


def _stage_form(candidate, data=None):
    next_stage = _next(services.STAGE_ORDER, candidate.stage)
    if next_stage is None:
        return None, None
    form = forms.StageForm(
        data,
        introducers=Member.objects.filter(
            cell__in=_introducer_cells(candidate),
            status=Member.Status.FULL,
            left_on__isnull=True,
        )
        .select_related("cell")
        .order_by("cell__name", "full_name"),
        initial={"stage": next_stage},
    )
    return form, Candidate.Stage(next_stage)


@login_required
@require_GET
def candidate_detail(request, pk: int):
    candidate = selectors.candidate_get_for(user=request.user, pk=pk)
    form, next_stage = _stage_form(candidate)
    can_advance = next_stage is not None and services.can_advance(
        request.user, candidate, next_stage
    )
    return render(
        request,
        "twinning/candidate_detail.html",
        {
            "candidate": candidate,
            "form": form if can_advance else None,
            "next_stage": next_stage,
            "rules": RULES,
        },
    )


@login_required
@require_POST
def candidate_advance(request, pk: int):
    candidate = selectors.candidate_get_for(user=request.user, pk=pk)
    form, next_stage = _stage_form(candidate, request.POST)
    if form is None:
        raise PermissionDenied
    stage = request.POST.get("stage", next_stage)
    if not services.can_advance(request.user, candidate, stage):
        raise PermissionDenied
    if form.is_valid():
        if apply_service(form, services.candidate_advance, actor=request.user, candidate=candidate):
            messages.success(
                request, _("Đã ghi giai đoạn “%(s)s”.") % {"s": Candidate.Stage(stage).label}
            )
            return redirect("twinning:candidate", pk=candidate.pk)
    return render(
        request,
        "twinning/candidate_detail.html",
        {"candidate": candidate, "form": form, "next_stage": next_stage, "rules": RULES},
    )


RULES = [
    (
        _("Tuổi đời từ đủ 18 đến 60 khi chi bộ xét đơn."),
        _("Điều lệ Đảng, Điều 1; Quy định 294-QĐ/TW năm 2025"),
    ),
    (
        _("Học lớp bồi dưỡng nhận thức về Đảng, có giấy chứng nhận."),
        _("Điều lệ Đảng, Điều 4; Hướng dẫn 06-HD/TW năm 2025"),
    ),
    (
        _(
            "Hai đảng viên chính thức cùng công tác, cư trú với người vào Đảng ít nhất 12 "
            "tháng giới thiệu; người trong độ tuổi thanh niên: nghị quyết của Đoàn cơ sở thay "
            "một người."
        ),
        _("Điều lệ Đảng, Điều 4"),
    ),
    (
        _("Dự bị 12 tháng kể từ ngày kết nạp, rồi chi bộ xét công nhận chính thức."),
        _("Điều lệ Đảng, Điều 5; Quy định 294-QĐ/TW năm 2025"),
    ),
]
