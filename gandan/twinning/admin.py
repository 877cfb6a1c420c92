from django.contrib import admin

from gandan.twinning.models import (
    Agreement,
    AgreementCell,
    AgreementTarget,
    Candidate,
    Content,
    Contribution,
    Review,
    Task,
)


class SideInline(admin.TabularInline):
    model = AgreementCell
    extra = 0
    raw_id_fields = ["cell"]


class ContentInline(admin.TabularInline):
    model = Content
    extra = 0


class TargetInline(admin.TabularInline):
    model = AgreementTarget
    extra = 0
    raw_id_fields = ["target"]


@admin.register(Agreement)
class AgreementAdmin(admin.ModelAdmin):
    list_display = ["title", "committee", "status", "starts_on", "ends_on", "signed_on"]
    list_filter = ["status"]
    search_fields = ["title", "document_number"]
    list_select_related = ["committee"]
    raw_id_fields = ["committee", "created_by"]
    inlines = [SideInline, ContentInline, TargetInline]


@admin.register(Task)
class TaskAdmin(admin.ModelAdmin):
    list_display = ["title", "content", "cell", "organisation", "due_on", "status"]
    list_filter = ["status", "organisation"]
    raw_id_fields = ["content", "cell"]


@admin.register(Contribution)
class ContributionAdmin(admin.ModelAdmin):
    list_display = ["description", "agreement", "kind", "given_on", "quantity", "value"]
    list_filter = ["kind"]
    raw_id_fields = [
        "agreement",
        "content",
        "giver_cell",
        "giver_member",
        "receiver_cell",
        "recipients",
        "recorded_by",
    ]


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ["agreement", "kind", "period_start", "period_end", "held_on"]
    list_filter = ["kind"]
    raw_id_fields = ["agreement", "created_by"]


@admin.register(Candidate)
class CandidateAdmin(admin.ModelAdmin):
    list_display = ["full_name", "cell", "stage", "identified_on", "admitted_on"]
    list_filter = ["stage", "organisation"]
    search_fields = ["full_name"]
    raw_id_fields = ["cell", "agreement", "helper", "introducer_1", "introducer_2", "member"]
