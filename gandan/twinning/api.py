"""Twinning agreements in JSON: the list with aggregates, and one agreement's shared space.

Scoped like the pages: a viewer lists agreements with their totals only; the shared space of
one agreement answers 404 to anyone outside it. Money is whole đồng."""

import datetime

from ninja import Router, Schema

from gandan.twinning import selectors

router = Router(tags=["twinning"])


class CellOut(Schema):
    id: int
    name: str
    side: str


class AgreementRow(Schema):
    id: int
    title: str
    status: str
    committee: str
    starts_on: datetime.date
    ends_on: datetime.date
    signed_on: datetime.date | None
    cells: list[CellOut]
    task_count: int
    tasks_done: int
    contribution_value: int
    gift_count: int


class TaskOut(Schema):
    id: int
    title: str
    cell_id: int | None
    cell: str | None
    organisation: str
    due_on: datetime.date | None
    status: str
    done_on: datetime.date | None
    result: str


class ContentOut(Schema):
    kind: int
    title: str
    tasks: list[TaskOut]


class ContributionOut(Schema):
    id: int
    kind: str
    given_on: datetime.date
    description: str
    quantity: int
    quantity_unit: str
    value: int
    giver: str
    receiver_cell: str
    recipient_count: int


class KindTotal(Schema):
    kind: str
    label: str
    count: int
    quantity: int
    value: int


class ContributionTotals(Schema):
    count: int
    value: int
    gift_count: int
    gift_value: int
    labour_days: int
    households: int
    by_kind: list[KindTotal]


class Contributions(Schema):
    totals: ContributionTotals
    items: list[ContributionOut]


class ReviewOut(Schema):
    id: int
    kind: str
    period_start: datetime.date
    period_end: datetime.date
    held_on: datetime.date
    done: str
    not_done: str
    lessons: str
    next_plan: str
    figures: dict


class AgreementDetail(AgreementRow):
    document_number: str
    document_text: str
    contents: list[ContentOut]
    targets: list[dict]
    contributions: Contributions
    reviews: list[ReviewOut]


def _row(a, sides) -> dict:
    return {
        "id": a.pk,
        "title": a.title,
        "status": a.status,
        "committee": a.committee.name,
        "starts_on": a.starts_on,
        "ends_on": a.ends_on,
        "signed_on": a.signed_on,
        "cells": [{"id": s.cell_id, "name": s.cell.name, "side": s.side} for s in sides],
        "task_count": a.task_count,
        "tasks_done": a.tasks_done,
        "contribution_value": a.contribution_value,
        "gift_count": a.gift_count,
    }


@router.get("/twinnings", response=list[AgreementRow], summary="Giao ước kết nghĩa (tổng hợp)")
def twinning_list(request):
    return [_row(a, a.sides.all()) for a in selectors.agreement_list_for(user=request.user)]


@router.get(
    "/twinnings/{agreement_id}",
    response=AgreementDetail,
    summary="Một giao ước: nội dung, nhiệm vụ, chỉ tiêu chung, đóng góp, sơ kết, tổng kết",
)
def twinning_detail(request, agreement_id: int):
    agreement = selectors.agreement_get_for(user=request.user, pk=agreement_id)
    # The totals of the list row, computed the same way.
    row = selectors.agreement_list_for(user=request.user).get(pk=agreement.pk)
    contents = [
        {
            "kind": c.kind,
            "title": str(c.get_kind_display()),
            "tasks": [
                {
                    "id": t.pk,
                    "title": t.title,
                    "cell_id": t.cell_id,
                    "cell": t.cell.name if t.cell_id else None,
                    "organisation": t.organisation,
                    "due_on": t.due_on,
                    "status": t.status,
                    "done_on": t.done_on,
                    "result": t.result,
                }
                for t in c.tasks.all()
            ],
        }
        for c in selectors.content_list(agreement=agreement)
    ]
    items = [
        {
            "id": c.pk,
            "kind": c.kind,
            "given_on": c.given_on,
            "description": c.description,
            "quantity": c.quantity,
            "quantity_unit": c.quantity_unit,
            "value": c.value,
            "giver": c.giver,
            "receiver_cell": c.receiver_cell.name,
            "recipient_count": c.recipient_count,
        }
        for c in selectors.contribution_list(agreement=agreement)
    ]
    return {
        **_row(row, row.sides.all()),
        "document_number": agreement.document_number,
        "document_text": agreement.document_text,
        "contents": contents,
        "targets": selectors.target_list(agreement=agreement),
        "contributions": {
            "totals": selectors.contribution_totals(agreement=agreement),
            "items": items,
        },
        "reviews": list(selectors.review_list(agreement=agreement)),
    }
