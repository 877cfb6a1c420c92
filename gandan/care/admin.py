from django.contrib import admin

from gandan.care.models import Concern, ConcernStep, Support, Visit, VisitRevision


class VisitRevisionInline(admin.TabularInline):
    model = VisitRevision
    extra = 0
    readonly_fields = ["visited_on", "activities", "notes", "changed_by", "changed_at"]
    can_delete = False


@admin.register(Visit)
class VisitAdmin(admin.ModelAdmin):
    list_display = ["visited_on", "household", "member", "revision_count"]
    list_filter = ["visited_on"]
    search_fields = ["household__search_name", "member__search_name", "uuid"]
    raw_id_fields = ["household", "member", "recorded_by"]
    readonly_fields = ["uuid", "created_at", "updated_at"]
    inlines = [VisitRevisionInline]


class ConcernStepInline(admin.TabularInline):
    model = ConcernStep
    extra = 0
    readonly_fields = ["actor", "actor_name", "action", "level", "forwarded_to", "answer", "at"]
    can_delete = False


@admin.register(Concern)
class ConcernAdmin(admin.ModelAdmin):
    list_display = ["created_at", "household", "cell", "status", "level"]
    list_filter = ["status", "level"]
    search_fields = ["household__search_name", "text"]
    raw_id_fields = ["household", "visit", "raised_by", "cell"]
    inlines = [ConcernStepInline]


@admin.register(Support)
class SupportAdmin(admin.ModelAdmin):
    list_display = ["given_on", "household", "member", "kind", "amount", "lender"]
    list_filter = ["kind", "repayment_state"]
    search_fields = ["household__search_name", "lender", "purpose"]
    raw_id_fields = ["household", "member", "visit", "recorded_by"]
